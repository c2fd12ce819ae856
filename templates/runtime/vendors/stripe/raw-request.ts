// Stripe's rawRequest, as stripe-node sends params: a POST's in a form body, every other method's in
// the query, both in Stripe's bracket notation (a POST also gets its Idempotency-Key: index.ts).
import type { ApiPromise } from '../../api-promise.js';
import type { HttpMethod } from '../../operation.js';
import type { RequestOptions, Transport } from '../../transport.js';
import { bracketFormBody } from '../../body.js';
import { rawRequest } from '../../raw-request.js';

export function stripeRawRequest<T = unknown>(
  transport: Transport,
  method: HttpMethod,
  path: string,
  params?: object,
  options?: RequestOptions,
): ApiPromise<T> {
  return rawRequest<T>(transport, method, path, params, options, (m) =>
    m === 'POST' ? bracketFormBody : undefined,
  );
}
