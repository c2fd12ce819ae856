// rawRequest: a call the spec does not describe (an endpoint newer than the client), sent through
// the same transport as every operation, so encoding, headers, retries and errors are the same.

import type { ApiPromise } from './api-promise.js';
import type { HttpMethod, OperationSpec } from './operation.js';
import type { RequestOptions, Transport } from './transport.js';
import { apiPromise } from './api-promise.js';
import { bracketFormBody } from './body.js';

/**
 * GET and DELETE params go into the query, POST params into a form body, both in Stripe's bracket
 * notation; a POST gets an Idempotency-Key. `path` is the path only (`/v1/customers/cus_123`): a
 * host would send the key elsewhere, and `{…}` would read as a placeholder.
 */
export function rawRequest<T = unknown>(
  transport: Transport,
  method: HttpMethod,
  path: string,
  params?: object,
  options?: RequestOptions,
): ApiPromise<T> {
  if (typeof path !== 'string' || !/^\/[^?#{}\s]*$/.test(path)) {
    const error = new TypeError(
      `rawRequest needs a path such as /v1/things/id, got ${JSON.stringify(path)}`,
    );
    return apiPromise(Promise.reject(error));
  }
  const spec: OperationSpec =
    method === 'POST' ? { method, path, body: bracketFormBody } : { method, path };
  return transport.request<T>(spec, {}, params, options);
}
