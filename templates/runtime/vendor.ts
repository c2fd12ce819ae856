// What a vendor's runtime module (vendors/) changes in the transport: the option that names the account
// a call acts for, how the vendor's errors read, and the transport's replaceable steps (when an
// idempotency key is made, whether and when to retry). Each step left out
// is the generic one, which follows HTTP's own rules. Only clients of that vendor's specs ship the
// module; the generic runtime names no vendor.
import type { ErrorStyle } from './errors.js';
import type { HttpMethod } from './operation.js';

/** An option of the client and of every call (Stripe's `stripeAccount`), sent as `header`. */
export interface AccountOption {
  readonly option: string;
  readonly header: string;
}

/** An idempotency key made for every request of `methods` that has none (Stripe: every POST). */
export interface IdempotencyPolicy {
  readonly header: string;
  readonly methods: readonly HttpMethod[];
}

/**
 * Decides a retry after an attempt that ended with `status` (undefined: no answer at all). `safe`
 * says whether repeating the request can do no harm: an idempotent method, or a request carrying
 * an idempotency key.
 */
export type RetryRule = (
  status: number | undefined,
  headers: Headers | undefined,
  safe: boolean,
) => boolean;

/** The wait in ms before retry number `retry` (1-based), given the failed answer's headers. */
export type RetryDelay = (retry: number, headers: Headers | undefined) => number;

export interface Vendor {
  /** The account option; its module also declares it on ClientOptions and RequestOptions. */
  readonly account?: AccountOption | undefined;
  /** How its failed responses read: its error object, the classes it selects, the fields it adds. */
  readonly errors?: ErrorStyle | undefined;
  /** The key made for requests that have none; by default only an operation that declares one gets it. */
  readonly idempotency?: IdempotencyPolicy | undefined;
  /** Decide a retry; by default retry.ts's `shouldRetry`. */
  readonly shouldRetry?: RetryRule | undefined;
  /** A retry's delay; by default retry.ts's `retryDelayMs`. */
  readonly retryDelay?: RetryDelay | undefined;
}
