// Stripe's retry rule, stripe-node 14's: safe for a POST because every Stripe POST carries an
// Idempotency-Key (the same on each attempt), which Stripe honours.
import type { RetryRule } from '../../vendor.js';

/**
 * The server's `Stripe-Should-Retry` header wins either way; otherwise retry connection failures
 * and timeouts, 409 (lock conflicts), 429 only when the server said when (Retry-After), and 5xx
 * except 501 Not Implemented, which can't succeed later.
 */
export const stripeShouldRetry: RetryRule = (status, headers) => {
  if (status === undefined || !headers) return true;
  const hint = headers.get('stripe-should-retry');
  return (
    hint === 'true' ||
    (hint !== 'false' &&
      (status === 409 ||
        (status === 429 && headers.has('retry-after')) ||
        (status >= 500 && status !== 501)))
  );
};
