// The wire matches the official SDK: the same calls through stripe@14.25.0 and through the
// generated client reach a capture server as semantically equal requests (and, for bodies and
// queries, byte-equal ones).
import { parse } from 'qs';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../generated/index.js';
import { startCaptureServer, type CaptureServer, type CapturedRequest } from '../support/capture-server.js';

let server: CaptureServer;
let ours: Client;
let official: Stripe;

beforeAll(async () => {
  server = await startCaptureServer();
  server.reply = (req) =>
    req.method === 'GET' && /(accounts|owners|transactions)$/.test(req.path)
      ? { body: { object: 'list', data: [], has_more: false, url: req.path } }
      : { body: { id: 'obj_1', object: 'thing' } };
  const url = new URL(server.baseUrl);
  ours = createClient({ apiKey: 'sk_test_diff', baseUrl: server.baseUrl, maxRetries: 0 });
  official = new Stripe('sk_test_diff', { host: url.hostname, port: url.port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
});
afterAll(() => server.close());

/** What must agree between the two clients: everything a server could act on. */
function meaning(req: CapturedRequest) {
  return {
    method: req.method,
    path: req.path.split('/').map(decodeURIComponent),
    query: parse(req.query, { depth: 20, arrayLimit: 1000 }),
    body: parse(req.body, { depth: 20, arrayLimit: 1000 }),
    authorization: req.headers.authorization,
    stripeVersion: req.headers['stripe-version'],
    stripeAccount: req.headers['stripe-account'],
    // stripe-node labels even body-less GETs as form-encoded; only a request with a body has a content type to agree on.
    contentType: req.method === 'GET' ? null : req.headers['content-type']?.split(';')[0],
  };
}

async function captureBoth(call: (client: Client | Stripe) => Promise<unknown>): Promise<[CapturedRequest, CapturedRequest]> {
  server.requests.length = 0;
  await call(official);
  await call(ours);
  expect(server.requests).toHaveLength(2);
  return [server.requests[0]!, server.requests[1]!];
}

const tricky = 'a/b?c#d&e=f[g]h+i%j k é 🚀';
const options = { stripeAccount: 'acct_123', idempotencyKey: 'idem-key-1' };

// Each row: a name and the same call made on either client (their method shapes are the same).
// The clients' param types differ in places (ours are stricter), hence the loose typing here.
type AnyClient = { financialConnections: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> };
const cases: [string, (c: AnyClient) => Promise<unknown>][] = [
  ['accounts.list with a nested account_holder and limit', (c) => c.financialConnections.accounts!.list!({ account_holder: { customer: 'cus_1' }, limit: 3 })],
  ['accounts.list with every cursor, session and expand', (c) => c.financialConnections.accounts!.list!({ starting_after: 'fca_9', ending_before: 'fca_1', session: 'fcsess_1', expand: ['data.ownership', 'data.account_holder.customer'] })],
  ['accounts.list with reserved characters and emoji in values', (c) => c.financialConnections.accounts!.list!({ account_holder: { account: tricky }, session: tricky })],
  ['accounts.list with per-request account', (c) => c.financialConnections.accounts!.list!({ limit: 1 }, { stripeAccount: 'acct_123' })],
  ['accounts.retrieve with expand', (c) => c.financialConnections.accounts!.retrieve!('fca_1', { expand: ['ownership', 'account_holder'] })],
  ['accounts.retrieve with a hostile id', (c) => c.financialConnections.accounts!.retrieve!(tricky)],
  ['accounts.disconnect with expand and options', (c) => c.financialConnections.accounts!.disconnect!('fca_1', { expand: ['ownership'] }, options)],
  ['accounts.disconnect with no params', (c) => c.financialConnections.accounts!.disconnect!('fca_1', {}, options)],
  ['accounts.listOwners', (c) => c.financialConnections.accounts!.listOwners!('fca_1', { ownership: 'fcaowns_1', limit: 5, starting_after: 'fcaown_2' })],
  ['accounts.refresh with features', (c) => c.financialConnections.accounts!.refresh!('fca_1', { features: ['balance', 'ownership', 'transactions'], expand: ['ownership'] }, options)],
  ['accounts.subscribe', (c) => c.financialConnections.accounts!.subscribe!('fca_1', { features: ['transactions'] }, options)],
  ['accounts.unsubscribe', (c) => c.financialConnections.accounts!.unsubscribe!('fca_1', { features: ['transactions'] }, options)],
  ['sessions.create with nested objects and arrays', (c) => c.financialConnections.sessions!.create!({ account_holder: { type: 'customer', customer: 'cus_1' }, permissions: ['balances', 'ownership', 'payment_method', 'transactions'], prefetch: ['balances'], filters: { countries: ['US', 'CA'] }, return_url: 'https://example.test/return?a=1&b=2', expand: ['accounts'] }, options)],
  ['sessions.create with null, an empty array and non-ASCII text', (c) => c.financialConnections.sessions!.create!({ account_holder: { type: 'account', account: 'acct_é🚀' }, permissions: ['balances'], prefetch: [], return_url: null }, options)],
  ['sessions.create with reserved characters', (c) => c.financialConnections.sessions!.create!({ account_holder: { type: 'customer', customer: tricky }, permissions: ['ownership'], return_url: tricky }, options)],
  ['sessions.retrieve with expand', (c) => c.financialConnections.sessions!.retrieve!('fcsess_1', { expand: ['accounts'] })],
  ['transactions.list with transacted_at as an integer', (c) => c.financialConnections.transactions!.list!({ account: 'fca_1', transacted_at: 1700000000 })],
  ['transactions.list with transacted_at as a range', (c) => c.financialConnections.transactions!.list!({ account: 'fca_1', transacted_at: { gte: 1700000000, lt: 1800000000 }, transaction_refresh: { after: 'fctxnref_1' }, limit: 10 })],
  ['transactions.retrieve with per-request account', (c) => c.financialConnections.transactions!.retrieve!('fctxn_1', { expand: [] }, { stripeAccount: 'acct_123' })],
];

describe('the wire matches the official SDK (stripe@14.25.0)', () => {
  it.each(cases)('%s', async (_, call) => {
    const [theirs, mine] = await captureBoth((client) => call(client as unknown as AnyClient));
    expect(meaning(mine)).toEqual(meaning(theirs));
    // Stronger than the structures: the encoded bytes are the same.
    expect(mine.query).toBe(theirs.query);
    expect(mine.body).toBe(theirs.body);
    if (theirs.method === 'POST') expect(mine.headers['idempotency-key']).toBe(theirs.headers['idempotency-key']);
  });

  it('covers all 11 operations', () => {
    const covered = new Set(cases.map(([name]) => name.split(' ')[0]));
    expect([...covered].sort()).toEqual([
      'accounts.disconnect', 'accounts.list', 'accounts.listOwners', 'accounts.refresh', 'accounts.retrieve',
      'accounts.subscribe', 'accounts.unsubscribe', 'sessions.create', 'sessions.retrieve', 'transactions.list', 'transactions.retrieve',
    ]);
  });
});
