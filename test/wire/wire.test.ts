// Every operation of the generated client, sent to a real HTTP server on 127.0.0.1: the exact
// method, path, query, body and headers that reach it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../generated/index.js';
import { startCaptureServer, type CaptureServer, type CapturedRequest } from '../support/capture-server.js';

let server: CaptureServer;
let stripe: Client;

beforeAll(async () => {
  server = await startCaptureServer();
  stripe = createClient({ apiKey: 'sk_test_wire', baseUrl: server.baseUrl, maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.reply = (req) => ({ body: req.method === 'GET' && !/\/(fca|fcsess|fctxn)_/.test(req.path) ? { object: 'list', data: [], has_more: false, url: req.path } : { id: 'x' } });
});

const only = (): CapturedRequest => {
  expect(server.requests).toHaveLength(1);
  return server.requests[0]!;
};

const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));

describe('every request carries auth and the pinned API version', () => {
  it('sends Authorization: Bearer and Stripe-Version: 2023-10-16', async () => {
    await stripe.financialConnections.accounts.retrieve('fca_1');
    const { headers } = only();
    expect(headers.authorization).toBe('Bearer sk_test_wire');
    expect(headers['stripe-version']).toBe('2023-10-16');
    expect(headers.accept).toBe('application/json');
  });
});

describe('the 11 operations on the wire', () => {
  it('accounts.list: GET with deepObject account_holder and form limit', async () => {
    await stripe.financialConnections.accounts.list({ account_holder: { customer: 'cus_123' }, limit: 3 });
    const req = only();
    expect([req.method, req.path, decode(req.query), req.body]).toEqual([
      'GET', '/v1/financial_connections/accounts', 'account_holder[customer]=cus_123&limit=3', '',
    ]);
    expect(req.headers['content-type']).toBeUndefined();
    expect(req.headers['idempotency-key']).toBeUndefined();
  });

  it('accounts.retrieve: GET with the id in the path and expand[0]', async () => {
    await stripe.financialConnections.accounts.retrieve('fca_1', { expand: ['ownership'] });
    const req = only();
    expect([req.method, req.path, decode(req.query)]).toEqual(['GET', '/v1/financial_connections/accounts/fca_1', 'expand[0]=ownership']);
  });

  it('accounts.disconnect: POST with a form body and an idempotency key', async () => {
    await stripe.financialConnections.accounts.disconnect('fca_1', { expand: ['account_holder'] });
    const req = only();
    expect([req.method, req.path, req.query, decode(req.body)]).toEqual([
      'POST', '/v1/financial_connections/accounts/fca_1/disconnect', '', 'expand[0]=account_holder',
    ]);
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accounts.listOwners: GET with the required ownership id', async () => {
    await stripe.financialConnections.accounts.listOwners('fca_1', { ownership: 'fcaowns_1', limit: 2 });
    const req = only();
    expect([req.method, req.path, decode(req.query)]).toEqual([
      'GET', '/v1/financial_connections/accounts/fca_1/owners', 'ownership=fcaowns_1&limit=2',
    ]);
  });

  it('accounts.refresh: POST features as an indexed array', async () => {
    await stripe.financialConnections.accounts.refresh('fca_1', { features: ['balance', 'ownership'] });
    const req = only();
    expect([req.method, req.path, decode(req.body)]).toEqual([
      'POST', '/v1/financial_connections/accounts/fca_1/refresh', 'features[0]=balance&features[1]=ownership',
    ]);
  });

  it('accounts.subscribe and unsubscribe: POST features', async () => {
    await stripe.financialConnections.accounts.subscribe('fca_1', { features: ['transactions'] });
    await stripe.financialConnections.accounts.unsubscribe('fca_1', { features: ['transactions'] });
    expect(server.requests.map((r) => [r.method, r.path, decode(r.body)])).toEqual([
      ['POST', '/v1/financial_connections/accounts/fca_1/subscribe', 'features[0]=transactions'],
      ['POST', '/v1/financial_connections/accounts/fca_1/unsubscribe', 'features[0]=transactions'],
    ]);
  });

  it('sessions.create: POST nested objects and arrays in bracket notation', async () => {
    await stripe.financialConnections.sessions.create({
      account_holder: { type: 'customer', customer: 'cus_1' },
      permissions: ['balances', 'payment_method'],
      filters: { countries: ['US'] },
      return_url: 'https://example.test/back?x=1&y=2',
    });
    const req = only();
    expect([req.method, req.path]).toEqual(['POST', '/v1/financial_connections/sessions']);
    expect(decode(req.body)).toBe(
      'account_holder[type]=customer&account_holder[customer]=cus_1&permissions[0]=balances&permissions[1]=payment_method' +
        '&filters[countries][0]=US&return_url=https://example.test/back?x=1&y=2',
    );
    // Reserved characters inside values stay escaped on the wire.
    expect(req.body).toContain('return_url=https%3A%2F%2Fexample.test%2Fback%3Fx%3D1%26y%3D2');
  });

  it('sessions.retrieve: GET by id', async () => {
    await stripe.financialConnections.sessions.retrieve('fcsess_1');
    const req = only();
    expect([req.method, req.path, req.query]).toEqual(['GET', '/v1/financial_connections/sessions/fcsess_1', '']);
  });

  it('transactions.list: GET with a transacted_at range and the required account', async () => {
    await stripe.financialConnections.transactions.list({ account: 'fca_1', transacted_at: { gte: 1700000000, lt: 1800000000 } });
    const req = only();
    expect([req.method, req.path, decode(req.query)]).toEqual([
      'GET', '/v1/financial_connections/transactions', 'account=fca_1&transacted_at[gte]=1700000000&transacted_at[lt]=1800000000',
    ]);
  });

  it('transactions.list: transacted_at as a plain integer', async () => {
    await stripe.financialConnections.transactions.list({ account: 'fca_1', transacted_at: 1700000000 });
    expect(decode(only().query)).toBe('account=fca_1&transacted_at=1700000000');
  });

  it('transactions.retrieve: GET by id', async () => {
    await stripe.financialConnections.transactions.retrieve('fctxn_1');
    const req = only();
    expect([req.method, req.path]).toEqual(['GET', '/v1/financial_connections/transactions/fctxn_1']);
  });
});

describe('values that need care', () => {
  it('escapes a path id so it cannot change the path', async () => {
    await stripe.financialConnections.accounts.retrieve('fca_1/../../v1/charges?x=1#y');
    expect(only().path).toBe('/v1/financial_connections/accounts/fca_1%2F..%2F..%2Fv1%2Fcharges%3Fx%3D1%23y');
  });

  it('sends null as an empty value and omits undefined and empty arrays', async () => {
    await stripe.financialConnections.sessions.create({
      account_holder: { type: 'customer', customer: 'cus_1' },
      permissions: ['balances'],
      prefetch: [],
      // @ts-expect-error null is not in the session's type; the runtime still sends Stripe's "unset" form
      return_url: null,
    });
    expect(decode(only().body)).toBe('account_holder[type]=customer&account_holder[customer]=cus_1&permissions[0]=balances&return_url=');
  });

  it('answers a Stripe error with a typed error carrying status and the error object', async () => {
    server.reply = () => ({ status: 404, body: { error: { type: 'invalid_request_error', message: 'No such account', param: 'account' } } });
    const failure = await stripe.financialConnections.accounts.retrieve('fca_missing').catch((e: unknown) => e);
    expect(failure).toMatchObject({ status: 404, type: 'invalid_request_error', message: 'No such account', param: 'account', requestId: 'req_1' });
  });
});
