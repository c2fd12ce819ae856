// rawRequest: a call the spec does not describe (an endpoint newer than the client, a next-page URL),
// sent through the same transport as every operation, so encoding, headers, retries and errors are
// the same. A vendor with its own convention for params passes its `RawConvention` (vendors/stripe/).

import type { ApiPromise } from './api-promise.js';
import type { BodyEncoding, HttpMethod, OperationSpec } from './operation.js';
import type { RequestOptions, Transport } from './transport.js';
import { apiPromise } from './api-promise.js';
import { sameOrigin } from './transport.js';
import { jsonBody } from './body.js';

/** How the params of a raw call with `method` are sent: in this body encoding, or, for none, in the query. */
export type RawConvention = (method: HttpMethod) => BodyEncoding | undefined;

/** The generic convention: a JSON body for POST, PUT and PATCH; the query for the others. */
export const jsonRawBody: RawConvention = (method) =>
  method === 'POST' || method === 'PUT' || method === 'PATCH' ? jsonBody : undefined;

/**
 * `path` is a path (`/v1/customers/cus_123`), or an absolute URL on the client's own origin (a
 * next-page URL the API gave out), sent as given, its query included (any other host is refused,
 * as the key would go there; params that would go into the query are refused: write them into the
 * URL). `{…}` would read as a placeholder, so it is refused too.
 */
export function rawRequest<T = unknown>(
  transport: Transport,
  method: HttpMethod,
  path: string,
  params?: object,
  options?: RequestOptions,
  bodyOf: RawConvention = jsonRawBody,
): ApiPromise<T> {
  const url = typeof path === 'string' && /^https?:\/\/[^/?#{}\s]+\/[^#{}\s]*$/i.test(path);
  const body = bodyOf(method);
  if (!url && (typeof path !== 'string' || !/^\/[^?#{}\s]*$/.test(path))) {
    return refuse(
      `rawRequest needs a path such as /v1/things/id (or a URL on the client's origin), got ${JSON.stringify(path)}`,
    );
  }
  if (url && !body && params && Object.keys(params).length) {
    return refuse(`rawRequest sends a ${method} to a URL as given: write its params into the URL`);
  }
  const spec: OperationSpec = { method, path: url ? '/' : path, ...(body && { body }) };
  return transport.request<T>(spec, {}, params, options, url ? sameOrigin(path) : undefined);
}

function refuse<T>(message: string): ApiPromise<T> {
  return apiPromise(Promise.reject(new TypeError(message)));
}
