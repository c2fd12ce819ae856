// What a client generated from a Stripe spec passes the runtime (its SPEC_DEFAULTS), for the runtime's
// own tests: the version header, and Stripe's module (the `stripeAccount` option, Stripe's errors).
import type { SpecDefaults } from '../../templates/runtime/index.js';
import { bearerAuth } from '../../templates/runtime/auth.js';
import { STRIPE } from '../../templates/runtime/vendors/stripe/index.js';

export const STRIPE_DEFAULTS: SpecDefaults = {
  apiVersion: '2023-10-16',
  versionHeader: 'Stripe-Version',
  vendor: STRIPE,
  baseUrl: 'https://api.stripe.com',
  auth: { apiKey: bearerAuth },
  security: [['apiKey']],
  required: ['apiKey'],
};
