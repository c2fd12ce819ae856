// What the transport sends for a call, through an injected fetch.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTransport } from '../../templates/runtime/transport.js';
import { deepObjectQuery, formQuery } from '../../templates/runtime/query-encode.js';
import { apiKeyAuth, basicAuth, bearerAuth } from '../../templates/runtime/auth.js';
import { rawRequest } from '../../templates/runtime/raw-request.js';
import { stripeRawRequest } from '../../templates/runtime/vendors/stripe/raw-request.js';
import { bracketFormBody, jsonBody } from '../../templates/runtime/body.js';
import { blobResponse } from '../../templates/runtime/response.js';
import type { OperationSpec, RequestOptions, SpecDefaults } from '../../templates/runtime/index.js';
import { fakeFetch, json } from './fake-fetch.js';
import { STRIPE_DEFAULTS } from '../support/stripe-defaults.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const STRIPE: SpecDefaults = { ...STRIPE_DEFAULTS, userAgent: 'fc-client/0.1.0' };
const retrieveSpec = { method: 'GET', path: '/v1/financial_connections/accounts/{account}', query: { expand: deepObjectQuery } } as const satisfies OperationSpec;
const createSessionSpec = { method: 'POST', path: '/v1/financial_connections/sessions', body: bracketFormBody } as const satisfies OperationSpec;
const account = { id: 'fca_1', object: 'financial_connections.account' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('what a call sends', () => {
  it('a retrieve is a GET with the id in the path, expand in the query, and the pinned version', async () => {
    const { fetch, calls } = fakeFetch(json(200, account));
    const transport = createTransport({ apiKey: 'sk_test_123', fetch }, STRIPE);
    const result = await transport.request(retrieveSpec, { account: 'fca_1' }, { expand: ['ownership'] }, undefined);
    expect(result).toEqual(account);
    expect(calls).toHaveLength(1);
    const [sent] = calls;
    expect(sent?.method).toBe('GET');
    expect(sent?.url).toBe('https://api.stripe.com/v1/financial_connections/accounts/fca_1?expand[0]=ownership');
    expect(sent?.body).toBeNull();
    expect(Object.fromEntries(sent!.headers)).toEqual({
      accept: 'application/json',
      authorization: 'Bearer sk_test_123',
      'stripe-version': '2023-10-16',
      'user-agent': 'fc-client/0.1.0',
    });
  });

  it('a create is a form POST with an Idempotency-Key', async () => {
    const { fetch, calls } = fakeFetch(json(200, { id: 'fcsess_1' }));
    const transport = createTransport({ apiKey: 'sk_test_123', fetch }, STRIPE);
    await transport.request(createSessionSpec, {}, { account_holder: { type: 'customer', customer: 'cus_1' }, permissions: ['balances', 'ownership'] }, undefined);
    const [sent] = calls;
    expect(sent?.url).toBe('https://api.stripe.com/v1/financial_connections/sessions');
    expect(sent?.body).toBe('account_holder[type]=customer&account_holder[customer]=cus_1&permissions[0]=balances&permissions[1]=ownership');
    expect(sent?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(sent?.headers.get('idempotency-key')).toMatch(UUID);
  });

  it('each POST gets its own generated Idempotency-Key; a given one is sent verbatim', async () => {
    const { fetch, calls } = fakeFetch(json(200, {}));
    const transport = createTransport({ apiKey: 'sk', fetch }, STRIPE);
    await transport.request(createSessionSpec, {}, {}, undefined);
    await transport.request(createSessionSpec, {}, {}, undefined);
    await transport.request(createSessionSpec, {}, {}, { idempotencyKey: 'session-for-order-42' });
    const keys = calls.map((c) => c.headers.get('idempotency-key'));
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe('session-for-order-42');
  });

  it('client options set the account, base URL, version, extra headers and app info', async () => {
    const { fetch, calls } = fakeFetch(json(200, account));
    const transport = createTransport({
      apiKey: 'sk', fetch, stripeAccount: 'acct_client', baseUrl: 'http://localhost:12111/', apiVersion: '2024-04-10',
      headers: { 'X-Team': 'payments' }, appInfo: { name: 'MyPlugin', version: '1.2.3', url: 'https://example.com' },
    }, STRIPE);
    await transport.request(retrieveSpec, { account: 'fca_1' }, undefined, undefined);
    const [sent] = calls;
    expect(sent?.url).toBe('http://localhost:12111/v1/financial_connections/accounts/fca_1');
    expect(sent?.headers.get('stripe-account')).toBe('acct_client');
    expect(sent?.headers.get('stripe-version')).toBe('2024-04-10');
    expect(sent?.headers.get('x-team')).toBe('payments');
    expect(sent?.headers.get('user-agent')).toBe('fc-client/0.1.0 MyPlugin/1.2.3 (https://example.com)');
  });

  it('request options override the client: key, account, headers', async () => {
    const { fetch, calls } = fakeFetch(json(200, account));
    const transport = createTransport({ apiKey: 'sk_client', fetch, stripeAccount: 'acct_client', headers: { 'X-A': 'client' } }, STRIPE);
    await transport.request(retrieveSpec, { account: 'fca_1' }, undefined, { apiKey: 'sk_request', stripeAccount: 'acct_request', headers: { 'x-a': 'request' } });
    const [sent] = calls;
    expect(sent?.headers.get('authorization')).toBe('Bearer sk_request');
    expect(sent?.headers.get('stripe-account')).toBe('acct_request');
    expect(sent?.headers.get('x-a')).toBe('request');
  });

  it('a base URL with a path prefix keeps it', async () => {
    const { fetch, calls } = fakeFetch(json(200, account));
    await createTransport({ apiKey: 'sk', fetch, baseUrl: 'https://proxy.example/stripe' }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined);
    expect(calls[0]?.url).toBe('https://proxy.example/stripe/v1/financial_connections/accounts/fca_1');
  });

  it('a hostile id stays inside its path segment', async () => {
    const { fetch, calls } = fakeFetch(json(200, account));
    await createTransport({ apiKey: 'sk', fetch }, STRIPE).request(retrieveSpec, { account: '../../v1/charges?limit=100#' }, undefined, undefined);
    expect(calls[0]?.url).toBe('https://api.stripe.com/v1/financial_connections/accounts/..%2F..%2Fv1%2Fcharges%3Flimit%3D100%23');
  });

  it('non-Stripe schemes: basic auth, API key header, API key in the query, no version header', async () => {
    const spec = { method: 'GET', path: '/things', query: { tags: formQuery } } as const satisfies OperationSpec;
    const { fetch, calls } = fakeFetch(json(200, []));
    const base = { apiVersion: '1', baseUrl: 'https://api.example.com', versionHeader: false } as const;
    await createTransport({ basic: { username: 'user_key', password: '' }, fetch }, { ...base, auth: { basic: basicAuth }, security: [['basic']] }).request(spec, {}, undefined, undefined);
    await createTransport({ apiKey: 'k1', fetch }, { ...base, auth: { apiKey: apiKeyAuth('header', 'X-Api-Key') }, security: [['apiKey']] }).request(spec, {}, undefined, undefined);
    await createTransport({ apiKey: 'k 2', fetch }, { ...base, auth: { apiKey: apiKeyAuth('query', 'api_key') }, security: [['apiKey']] }).request(spec, {}, { tags: ['a', 'b'] }, undefined);
    await createTransport({ apiKey: 'k3', fetch }, { ...base, versionHeader: 'X-Api-Version', auth: { apiKey: bearerAuth }, security: [['apiKey']] }).request(spec, {}, undefined, undefined);
    expect(calls[0]?.headers.get('authorization')).toBe('Basic ' + btoa('user_key:'));
    expect(calls[0]?.headers.has('stripe-version')).toBe(false);
    expect(calls[1]?.headers.get('x-api-key')).toBe('k1');
    expect(calls[1]?.headers.has('authorization')).toBe(false);
    expect(calls[2]?.url).toBe('https://api.example.com/things?tags=a&tags=b&api_key=k%202');
    expect(calls[2]?.headers.has('authorization')).toBe(false);
    expect(calls[3]?.headers.get('x-api-version')).toBe('1');
  });

  it('JSON bodies are sent as JSON', async () => {
    const { fetch, calls } = fakeFetch(json(201, { ok: true }));
    const spec = { method: 'PUT', path: '/things/{id}', body: jsonBody } as const satisfies OperationSpec;
    const data = await createTransport({ apiKey: 'k', fetch }, { ...STRIPE, versionHeader: false }).request(spec, { id: 't1' }, { name: 'x', n: null }, undefined);
    expect(data).toEqual({ ok: true });
    expect(calls[0]?.body).toBe('{"name":"x","n":null}');
    expect(calls[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('no User-Agent is set in a browser, which forbids it', async () => {
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/125.0' });
    const { fetch, calls } = fakeFetch(json(200, account));
    await createTransport({ apiKey: 'sk', fetch, appInfo: { name: 'X' } }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined);
    expect(calls[0]?.headers.has('user-agent')).toBe(false);
  });

  it('the global fetch is used when none is given', async () => {
    const { fetch, calls } = fakeFetch(json(200, account));
    vi.stubGlobal('fetch', fetch);
    await createTransport({ apiKey: 'sk' }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined);
    expect(calls).toHaveLength(1);
  });

  it('an empty 204 response resolves to undefined', async () => {
    const { fetch } = fakeFetch(new Response(null, { status: 204 }));
    const spec = { method: 'DELETE', path: '/things/{id}' } as const satisfies OperationSpec;
    expect(await createTransport({ apiKey: 'k', fetch }, STRIPE).request(spec, { id: 'x' }, undefined, undefined)).toBeUndefined();
  });
});

describe('withResponse', () => {
  it('gives the typed data with status, headers and request id, from the same single request', async () => {
    const { fetch, calls } = fakeFetch(json(200, account, { 'request-id': 'req_abc', 'stripe-version': '2023-10-16' }));
    const call = createTransport({ apiKey: 'sk', fetch }, STRIPE).request<typeof account>(retrieveSpec, { account: 'fca_1' }, undefined, undefined);
    const { data, response } = await call.withResponse();
    expect(data).toEqual(account);
    expect(response.status).toBe(200);
    expect(response.requestId).toBe('req_abc');
    expect(response.headers.get('stripe-version')).toBe('2023-10-16');
    expect(await call).toEqual(account);
    expect(calls).toHaveLength(1);
  });

  it('requestId is undefined when the API sent none', async () => {
    const { fetch } = fakeFetch(json(200, account));
    const { response } = await createTransport({ apiKey: 'sk', fetch }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined).withResponse();
    expect(response.requestId).toBeUndefined();
  });

  it('the request is sent as soon as the call is made, before anyone awaits it', async () => {
    const { fetch, calls } = fakeFetch(json(200, account));
    const call = createTransport({ apiKey: 'sk', fetch }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined);
    await Promise.resolve();
    expect(calls).toHaveLength(1);
    await call;
  });
});

describe('bad options are refused before anything is sent', () => {
  it('the client needs an API key', () => {
    expect(() => createTransport({ apiKey: '' }, STRIPE)).toThrow(new TypeError('apiKey is required: pass your credentials as { apiKey }'));
    expect(() => createTransport({} as { apiKey: string }, STRIPE)).toThrow('apiKey is required');
  });

  it('the base URL must be absolute', () => {
    expect(() => createTransport({ apiKey: 'sk', baseUrl: 'api.stripe.com' }, STRIPE)).toThrow('baseUrl must be an absolute URL, got "api.stripe.com"');
  });

  it('retries and timeouts must be sensible integers', () => {
    expect(() => createTransport({ apiKey: 'sk', maxRetries: -1 }, STRIPE)).toThrow('maxRetries must be an integer from 0 to 100, got -1');
    expect(() => createTransport({ apiKey: 'sk', timeout: 0 }, STRIPE)).toThrow('timeout must be an integer from 1 to 2147483647, got 0');
    expect(() => createTransport({ apiKey: 'sk', timeout: Infinity }, STRIPE)).toThrow('timeout must be an integer');
  });

  it('a per-request value with CR or LF rejects the call and fetch is never called', async () => {
    const { fetch, calls } = fakeFetch(json(200, {}));
    const transport = createTransport({ apiKey: 'sk', fetch }, STRIPE);
    await expect(transport.request(createSessionSpec, {}, {}, { idempotencyKey: 'k\r\nX-Injected: 1' })).rejects.toThrow(
      new TypeError('idempotencyKey must not contain CR, LF or NUL characters'),
    );
    await expect(transport.request(createSessionSpec, {}, {}, { stripeAccount: 'acct\n' })).rejects.toThrow('stripeAccount must not contain CR, LF or NUL');
    await expect(transport.request(createSessionSpec, {}, {}, { apiKey: 'sk\n' })).rejects.toThrow('apiKey must not contain CR, LF or NUL');
    expect(() => createTransport({ apiKey: 'sk_live_x\r\n' }, STRIPE)).toThrow(new TypeError('apiKey must not contain CR, LF or NUL characters'));
    expect(calls).toHaveLength(0);
  });

  it('a path parameter of ".." rejects the call and fetch is never called', async () => {
    const { fetch, calls } = fakeFetch(json(200, {}));
    await expect(createTransport({ apiKey: 'sk', fetch }, STRIPE).request(retrieveSpec, { account: '..' }, undefined, undefined)).rejects.toThrow(
      'Path parameter "account" cannot be ".."',
    );
    expect(calls).toHaveLength(0);
  });
});

describe('file downloads', () => {
  const pdfSpec = { method: 'GET', path: '/v1/quotes/{quote}/pdf', response: blobResponse } as const satisfies OperationSpec;
  const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe]); // '%PDF', then bytes that are not UTF-8

  it('a binary answer is a Blob of exactly the bytes sent, with their content type', async () => {
    const { fetch } = fakeFetch(new Response(bytes, { status: 200, headers: { 'content-type': 'application/pdf' } }));
    const pdf = await createTransport({ apiKey: 'sk_test_1', fetch }, STRIPE).request<Blob>(pdfSpec, { quote: 'qt_1' }, undefined, undefined);
    expect(pdf).toBeInstanceOf(Blob);
    expect(pdf.type).toBe('application/pdf');
    expect(new Uint8Array(await pdf.arrayBuffer())).toEqual(bytes);
  });

  it('an error answer of a download is still a typed error read from its JSON', async () => {
    const { fetch } = fakeFetch(json(404, { error: { type: 'invalid_request_error', message: 'No such quote' } }));
    const call = createTransport({ apiKey: 'sk_test_1', fetch, maxRetries: 0 }, STRIPE).request<Blob>(pdfSpec, { quote: 'qt_1' }, undefined, undefined);
    await expect(call).rejects.toMatchObject({ name: 'InvalidRequestError', status: 404, message: 'No such quote' });
  });
});

describe("raw requests to Stripe: an endpoint the spec lacks, sent as stripe-node sends it", () => {
  it('a POST sends its params as a bracket-notation form body, with an Idempotency-Key, version and key', async () => {
    const { fetch, calls } = fakeFetch(json(200, { id: 'thing_1', object: 'thing' }));
    const transport = createTransport({ apiKey: 'sk_test_1', fetch, stripeAccount: 'acct_1' }, STRIPE);
    const thing = await stripeRawRequest<{ id: string }>(transport, 'POST', '/v1/new_things', { name: 'A & B', tags: ['x', 'y'], meta: { a: 1 } });
    expect(thing.id).toBe('thing_1');
    const [sent] = calls;
    expect([sent!.method, sent!.url]).toEqual(['POST', 'https://api.stripe.com/v1/new_things']);
    expect(decodeURIComponent(sent!.body as string)).toBe('name=A & B&tags[0]=x&tags[1]=y&meta[a]=1');
    expect(sent!.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(sent!.headers.get('idempotency-key')).toMatch(UUID);
    expect(sent!.headers.get('stripe-version')).toBe('2023-10-16');
    expect(sent!.headers.get('stripe-account')).toBe('acct_1');
    expect(sent!.headers.get('authorization')).toBe('Bearer sk_test_1');
  });

  it('a GET sends its params in the query; per-call options apply', async () => {
    const { fetch, calls } = fakeFetch(json(200, { object: 'list', data: [], has_more: false, url: '/v1/new_things' }));
    await stripeRawRequest(createTransport({ apiKey: 'sk_test_1', fetch }, STRIPE), 'GET', '/v1/new_things', { limit: 3, created: { gte: 1 } }, { stripeAccount: 'acct_2', apiKey: 'sk_test_2' });
    expect(calls[0]!.url).toBe('https://api.stripe.com/v1/new_things?limit=3&created[gte]=1');
    expect(calls[0]!.body).toBeNull();
    expect(calls[0]!.headers.get('stripe-account')).toBe('acct_2');
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer sk_test_2');
  });

  it('retries reuse the Idempotency-Key, and a failure is the usual typed error', async () => {
    const { fetch, calls } = fakeFetch(
      json(500, { error: { type: 'api_error', message: 'try again' } }),
      json(402, { error: { type: 'card_error', code: 'card_declined', message: 'declined' } }),
    );
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const call = stripeRawRequest(createTransport({ apiKey: 'sk_test_1', fetch, maxRetries: 1 }, STRIPE), 'POST', '/v1/new_things', {}, { idempotencyKey: 'idem-1' });
    await expect(call).rejects.toMatchObject({ name: 'CardError', code: 'card_declined', status: 402 });
    expect(calls.map((c) => c.headers.get('idempotency-key'))).toEqual(['idem-1', 'idem-1']);
  });

});

describe('raw requests to any other API: JSON, and URLs on its own origin', () => {
  const GENERIC: SpecDefaults = { apiVersion: '1', baseUrl: 'https://api.example.test/v2', auth: { apiKey: bearerAuth }, security: [['apiKey']] };

  it('a POST, PUT or PATCH sends its params as a JSON body, with no idempotency key; a GET, in the query', async () => {
    const { fetch, calls } = fakeFetch(json(200, {}));
    const transport = createTransport({ apiKey: 'k', fetch }, GENERIC);
    for (const method of ['POST', 'PUT', 'PATCH'] as const) await rawRequest(transport, method, '/things', { name: 'A & B', tags: ['x'] });
    await rawRequest(transport, 'GET', '/things', { limit: 3 });
    expect(calls.map((c) => [c.method, c.url, c.body, c.headers.get('content-type'), c.headers.has('idempotency-key')])).toEqual([
      ...['POST', 'PUT', 'PATCH'].map((m) => [m, 'https://api.example.test/v2/things', '{"name":"A & B","tags":["x"]}', 'application/json', false]),
      ['GET', 'https://api.example.test/v2/things?limit=3', null, null, false],
    ]);
  });

  it("an absolute URL on the client's origin (a next page) is sent as given, with the key; a POST's params go into its body", async () => {
    const { fetch, calls } = fakeFetch(json(200, { items: [] }, { link: '<https://api.example.test/v2/things?page=3>; rel="next"' }));
    const transport = createTransport({ apiKey: 'k', fetch }, GENERIC);
    const { response } = await rawRequest(transport, 'GET', 'https://api.example.test/v2/things?page=2&per_page=5').withResponse();
    await rawRequest(transport, 'POST', 'https://api.example.test/v2/things/search?page=2', { q: 'x' });
    expect(calls.map((c) => [c.url, c.body])).toEqual([
      ['https://api.example.test/v2/things?page=2&per_page=5', null],
      ['https://api.example.test/v2/things/search?page=2', '{"q":"x"}'],
    ]);
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer k');
    expect(response.headers.get('link')).toContain('page=3');
  });

  it('an API key that travels in the query goes with the URL too', async () => {
    const { fetch, calls } = fakeFetch(json(200, {}));
    await rawRequest(createTransport({ apiKey: 'k 1', fetch }, { ...GENERIC, auth: { apiKey: apiKeyAuth('query', 'api_key') }, security: [['apiKey']] }), 'GET', 'https://api.example.test/v2/things?page=2');
    expect(calls[0]!.url).toBe('https://api.example.test/v2/things?page=2&api_key=k%201');
  });

  it('a GET to a URL with params to add is refused: they belong in the URL', async () => {
    const { fetch, calls } = fakeFetch(json(200, {}));
    await expect(rawRequest(createTransport({ apiKey: 'k', fetch }, GENERIC), 'GET', 'https://api.example.test/v2/things', { page: 2 })).rejects.toThrow('rawRequest sends a GET to a URL as given: write its params into the URL');
    expect(calls).toHaveLength(0);
  });

  it.each(['https://evil.example/v2/x', 'http://api.example.test/v2/x', 'https://api.example.test:8443/v2/x'])('refuses %j, another origin: the key would go there', async (url) => {
    const { fetch, calls } = fakeFetch(json(200, {}));
    await expect(rawRequest(createTransport({ apiKey: 'k', fetch }, GENERIC), 'GET', url)).rejects.toThrow(`not on the client's https://api.example.test: not followed`);
    expect(calls).toHaveLength(0);
  });

  it.each(['v1/things', '/v1/{id}', '', '/v1/things?limit=1', 'https://api.example.test/v1/{id}'])('refuses %j as a path, before sending anything', async (path) => {
    const { fetch, calls } = fakeFetch(json(200, {}));
    await expect(rawRequest(createTransport({ apiKey: 'k', fetch }, GENERIC), 'GET', path)).rejects.toThrow(
      "rawRequest needs a path such as /v1/things/id (or a URL on the client's origin), got " + JSON.stringify(path),
    );
    expect(calls).toHaveLength(0);
  });
});

describe("the account option comes from the vendor's module", () => {
  const GENERIC: SpecDefaults = { apiVersion: '1', baseUrl: 'https://api.example.test', auth: { apiKey: bearerAuth }, security: [['apiKey']] };

  it('a transport without a vendor sends no Stripe header, whatever untyped options it is given', async () => {
    // A generic client's types have no stripeAccount (test/vendors shows it is a compile error).
    const { fetch, calls } = fakeFetch(json(200, account), json(200, account));
    const transport = createTransport({ apiKey: 'sk_test_1', fetch, stripeAccount: 'acct_1' }, GENERIC);
    await transport.request(retrieveSpec, { account: 'a' }, undefined, { stripeAccount: 'acct_2' });
    await transport.request(retrieveSpec, { account: 'a' }, undefined, undefined);
    for (const call of calls) expect([...call.headers.keys()].filter((h) => /stripe/i.test(h))).toEqual([]);
  });

  it("the vendor's option is sent in its header, the call's over the client's", async () => {
    const { fetch, calls } = fakeFetch(json(200, account), json(200, account));
    const transport = createTransport({ apiKey: 'sk_test_1', fetch, stripeAccount: 'acct_1' }, { ...GENERIC, vendor: { account: { option: 'workspace', header: 'X-Workspace' } } });
    await transport.request(retrieveSpec, { account: 'a' }, undefined, undefined);
    await transport.request(retrieveSpec, { account: 'a' }, undefined, { workspace: 'ws_2' } as RequestOptions);
    expect(calls.map((c) => [c.headers.get('x-workspace'), c.headers.get('stripe-account')])).toEqual([[null, null], ['ws_2', null]]);
  });

  it("Stripe's module names stripeAccount and Stripe-Account", async () => {
    const { fetch, calls } = fakeFetch(json(200, account));
    await createTransport({ apiKey: 'sk_test_1', fetch, stripeAccount: 'acct_1' }, STRIPE).request(retrieveSpec, { account: 'a' }, undefined, undefined);
    expect(calls[0]!.headers.get('stripe-account')).toBe('acct_1');
  });
});
