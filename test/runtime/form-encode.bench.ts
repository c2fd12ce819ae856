// Throughput of the form encoder against qs as stripe-node uses it. Run: npx vitest bench test/runtime --run
// (not part of the test run: timings on shared machines are noise, so nothing here asserts on them).
import { bench, describe } from 'vitest';
import qs from 'qs';
import { formEncode } from '../../templates/runtime/form-encode.js';

const stripeNode = (d: object) =>
  qs.stringify(d, { serializeDate: (x: Date) => String(Math.floor(x.getTime() / 1000)), arrayFormat: 'indices' }).replace(/%5B/g, '[').replace(/%5D/g, ']');

const inputs: object[] = [
  {
    account_holder: { type: 'customer', customer: 'cus_123456789' },
    permissions: ['balances', 'ownership', 'payment_method', 'transactions'],
    filters: { countries: ['US'] },
    return_url: 'https://example.com/return?x=1&y=2',
    expand: ['accounts', 'accounts.data.owner'],
  },
  { limit: 10, starting_after: 'fca_1234567890', transacted_at: { gte: new Date(1700000000000), lt: 1800000000 }, expand: ['data.account'] },
  { metadata: { 'order id': 'Ünïcödé 🎉 value', note: 'a b c & d = e' }, description: null, flag: true },
];

describe('Stripe form encoding', () => {
  bench('runtime formEncode', () => {
    for (const x of inputs) formEncode(x);
  });
  bench('qs.stringify + bracket fix-up (stripe-node 14)', () => {
    for (const x of inputs) stripeNode(x);
  });
});
