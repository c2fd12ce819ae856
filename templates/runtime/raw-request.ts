// rawRequest: a call the spec does not describe (an endpoint newer than the client, a next-page URL),
// sent through the same transport as every operation, so encoding, headers, retries and errors are
// the same. A vendor with its own convention for params passes its `RawConvention` (vendors/stripe/).

import type { ApiPromise } from './api-promise.js';
import type { BodyEncoding, HttpMethod, OperationSpec } from './operation.js';
import type { RequestOptions, Transport } from './transport.js';
import { apiPromise } from './api-promise.js';
import { jsonBody } from './body.js';

/** How the params of a raw call with `method` are sent: in this body encoding, or, for none, in the query. */
export type RawConvention = (method: HttpMethod) => BodyEncoding | undefined;

/** The generic convention: a JSON body for POST, PUT and PATCH; the query for the others. */
export const jsonRawBody: RawConvention = (method) =>
  method === 'POST' || method === 'PUT' || method === 'PATCH' ? jsonBody : undefined;

/**
 * `path` is a path (`/v1/customers/cus_123`) or an absolute URL on the client's own origin (a
 * next-page URL the API gave out; any other host is refused, as the key would go there). `{…}`
 * would read as a placeholder, so it is refused too.
 */
export function rawRequest<T = unknown>(
  transport: Transport,
  method: HttpMethod,
  path: string,
  params?: object,
  options?: RequestOptions,
  bodyOf: RawConvention = jsonRawBody,
): ApiPromise<T> {
  if (typeof path !== 'string' || !/^(https?:\/\/[^/?#{}\s]+)?\/[^#{}\s]*$/i.test(path)) {
    const error = new TypeError(
      `rawRequest needs a path such as /v1/things/id (or a URL on the client's origin), got ${JSON.stringify(path)}`,
    );
    return apiPromise(Promise.reject(error));
  }
  const body = bodyOf(method);
  const spec: OperationSpec = body ? { method, path, body } : { method, path };
  return transport.request<T>(spec, {}, params, options);
}
