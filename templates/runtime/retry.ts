// When a failed attempt is retried and how long to wait first: HTTP's own rules by default (a vendor's
// module may replace the rule: vendors/stripe/retry.ts), with exponential backoff and Retry-After.

import type { RetryRule } from './vendor.js';

/** First retry waits 250–500 ms; each later one doubles, up to 2.5–5 s. */
export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 5_000;
/** A Retry-After longer than this is cut to it: one call should not hang for minutes. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * The generic rule: a request that is safe to repeat (an idempotent method, or one carrying an
 * idempotency key) is retried when no answer came (connection failure, timeout), and after 408
 * Request Timeout and 503 Service Unavailable; any request after 429, which says the request was
 * not processed. Nothing else: a 500 to a POST may have done its work, and doing it twice books twice.
 */
export const shouldRetry: RetryRule = (status, _headers, safe) =>
  status === 429 || (safe && (status === undefined || status === 408 || status === 503));

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable.
 * (Headers already trims values, and an absent or empty one parses as neither.)
 */
export function retryAfterMs(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | undefined {
  const value = headers?.get('retry-after') ?? '';
  const ms = /^\d+(\.\d+)?$/.test(value) ? +value * 1000 : Date.parse(value) - now;
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/**
 * The wait before retry number `retry` (1-based): exponential backoff with "equal jitter" (a random
 * point in the upper half, so clients that failed together spread out without ever retrying at once),
 * but never shorter than the server's Retry-After, itself capped at MAX_RETRY_AFTER_MS.
 * Whole milliseconds: timers truncate fractions anyway, and this keeps the bounds exact.
 */
export function retryDelayMs(
  retry: number,
  headers?: Headers | undefined,
  random: () => number = Math.random,
): number {
  const delay = Math.floor(
    Math.min(INITIAL_RETRY_DELAY_MS * 2 ** (retry - 1), MAX_RETRY_DELAY_MS) * (0.5 + random() / 2),
  );
  return Math.max(delay, Math.min(retryAfterMs(headers) ?? 0, MAX_RETRY_AFTER_MS));
}

/**
 * Calls `onTimeout` after `ms`, or `onAbort` with the reason as soon as `signal` aborts, whichever
 * comes first, then forgets both. The returned function cancels both (and may be called again).
 */
export function timer(
  ms: number,
  signal: AbortSignal | undefined,
  onTimeout: () => void,
  onAbort: (reason: unknown) => void,
): () => void {
  const stop = () => {
    clearTimeout(id);
    signal?.removeEventListener('abort', abort);
  };
  const abort = () => {
    stop();
    onAbort(signal?.reason);
  };
  const id = setTimeout(() => {
    stop();
    onTimeout();
  }, ms);
  signal?.addEventListener('abort', abort);
  return stop;
}

/** setTimeout as a promise that rejects with the signal's reason as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) reject(signal.reason);
    else timer(ms, signal, resolve, reject);
  });
}
