// ApiPromise: what every operation returns. A normal, eagerly-sent Promise of the typed result that can
// also hand over the raw response details without losing the type, and whose type names the errors
// it rejects with (read by errors.ts's `isApiError`).

import type { ApiError } from './errors.js';

export interface ResponseInfo {
  readonly status: number;
  readonly headers: Headers;
  /** The request id header the API sent (`Request-Id`, `X-Request-Id`, `X-GitHub-Request-Id`, …), if any. */
  readonly requestId: string | undefined;
}

export interface WithResponse<T> {
  readonly data: T;
  readonly response: ResponseInfo;
}

/** The key of ApiPromise's type-only member; no value exists. */
declare const rejectsWith: unique symbol;

/**
 * A call's result. `E` is the error it rejects with, as the spec declares the operation's error
 * answers (its `…Error` type; `ApiError` when it declares none), which `isApiError<typeof call>`
 * narrows a caught value to.
 */
export interface ApiPromise<T, E = ApiError> extends Promise<T> {
  /** The same call's result together with its status, headers and request id. Sends nothing new. */
  withResponse(): Promise<WithResponse<T>>;
  /**
   * Type only, never present: names `E`. A method's parameter, so that a promise typed with the
   * plain `ApiError` still fits where an operation's own error type is named, and back.
   */
  [rejectsWith]?(error: E): void;
}

/**
 * Wraps an in-flight call. The request is already sent (eager, like any promise), so `await` and
 * `withResponse()` share it. Using only `withResponse()` marks the plain promise as handled, so its
 * rejection isn't reported twice; a call nobody awaits still surfaces as an unhandled rejection.
 */
export function apiPromise<T>(result: Promise<WithResponse<T>>): ApiPromise<T> {
  const data = result.then((r) => r.data);
  return Object.assign(data, {
    withResponse() {
      data.catch(() => undefined);
      return result;
    },
  });
}
