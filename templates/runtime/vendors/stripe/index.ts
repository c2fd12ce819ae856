// Stripe's additions to the runtime, shipped only in clients of Stripe's specs: the `stripeAccount`
// option (sent as `Stripe-Account`), a call's own `apiKey`, an Idempotency-Key on every POST and the retry rule that relies
// on it (retry.ts), Stripe's errors (errors.ts), rawRequest's form-encoded POSTs (raw-request.ts) and
// its webhooks: the `Stripe-Signature` check (webhooks.ts) and the event envelope (webhook-events.ts).
import type { Credential } from '../../auth.js';
import type { Vendor } from '../../vendor.js';
import { stripeErrors } from './errors.js';
import { stripeShouldRetry } from './retry.js';

export * from './errors.js';
export * from './raw-request.js';
export * from './retry.js';
export * from './webhook-events.js';
export * from './webhooks.js';

// Declared on the runtime's own types, so that only a client shipping this module has them.
declare module '../../transport.js' {
  interface ClientOptions {
    /** Act on behalf of a connected account (`Stripe-Account` header). */
    readonly stripeAccount?: string | undefined;
  }
  interface RequestOptions {
    /** The secret key for this call only (a connected account's, say); wins over the client's. */
    readonly apiKey?: Credential | undefined;
    /** Act on behalf of a connected account (`Stripe-Account` header); wins over the client's. */
    readonly stripeAccount?: string | undefined;
  }
}

/** Stripe's conventions, for `SpecDefaults.vendor`. */
export const STRIPE: Vendor = {
  account: { option: 'stripeAccount', header: 'Stripe-Account' },
  errors: stripeErrors,
  idempotency: { header: 'Idempotency-Key', methods: ['POST'] },
  shouldRetry: stripeShouldRetry,
};
