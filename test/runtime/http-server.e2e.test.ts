// End to end against a real HTTP server on 127.0.0.1: proves the bytes on the wire are what the unit
// tests claim, through the platform's real fetch.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearerAuth, blobResponse, ConnectionError, createTransport, deepObjectQuery, bracketFormBody, textResponse } from '../../templates/runtime/index.js';
import type { ClientOptions, OperationSpec, SpecDefaults } from '../../templates/runtime/index.js';
import { STRIPE_DEFAULTS } from '../support/stripe-defaults.js';

interface Received { method: string; url: string; headers: IncomingHttpHeaders; body: string }
type Handler = (req: Received, res: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let received: Received[] = [];
let handlers: Handler[] = [];

const reply = (status: number, body: unknown, headers: Record<string, string> = {}): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${received.length}`, ...headers });
  res.end(JSON.stringify(body));
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      const handler = handlers.shift() ?? reply(500, { error: { type: 'api_error', message: 'no handler' } });
      handler(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
});

beforeEach(() => {
  received = [];
  handlers = [];
});

const STRIPE: SpecDefaults = { ...STRIPE_DEFAULTS, userAgent: 'fc-client/0.1.0' };
const client = (options: Partial<ClientOptions> = {}) => createTransport({ apiKey: 'sk_test_e2e', baseUrl, ...options }, STRIPE);
const retrieveSpec = { method: 'GET', path: '/v1/financial_connections/accounts/{account}', query: { expand: deepObjectQuery } } as const satisfies OperationSpec;
const sessionSpec = { method: 'POST', path: '/v1/financial_connections/sessions', body: bracketFormBody } as const satisfies OperationSpec;
const listTxSpec = { method: 'GET', path: '/v1/financial_connections/transactions' } as const satisfies OperationSpec;

describe('non-JSON answers over real HTTP', () => {
  const raw = (status: number, contentType: string, body: Buffer | string): Handler => (_req, res) => {
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
  };
  const pdfSpec = { method: 'GET', path: '/v1/quotes/{quote}/pdf', response: blobResponse } as const satisfies OperationSpec;
  const csvSpec = { method: 'GET', path: '/v1/reports/{report}.csv', response: textResponse } as const satisfies OperationSpec;

  it('a PDF arrives as a Blob with its bytes and media type, asked for with Accept: */*', async () => {
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0xff, 0xfe]);
    handlers.push(raw(200, 'application/pdf', pdf));
    const data = await client().request<Blob>(pdfSpec, { quote: 'qt_1' }, undefined, undefined);
    expect(data).toBeInstanceOf(Blob);
    expect(data.type).toBe('application/pdf');
    expect(Buffer.from(await data.arrayBuffer())).toEqual(pdf);
    expect(received[0]?.headers['accept']).toBe('*/*');
  });

  it('a CSV arrives as the text it is', async () => {
    handlers.push(raw(200, 'text/csv; charset=utf-8', 'id,amount\n1,Zoë\n'));
    expect(await client().request<string>(csvSpec, { report: 'r_1' }, undefined, undefined)).toBe('id,amount\n1,Zoë\n');
  });

  it('an error answer to a PDF request is still read as the API\'s JSON error', async () => {
    handlers.push(reply(404, { error: { type: 'invalid_request_error', message: 'No such quote' } }));
    await expect(client().request(pdfSpec, { quote: 'qt_missing' }, undefined, undefined)).rejects.toMatchObject({ status: 404, message: 'No such quote' });
  });
});

describe('over real HTTP', () => {
  it('a GET sends exactly the method, path, query and headers', async () => {
    handlers.push(reply(200, { id: 'fca_1', object: 'financial_connections.account' }));
    const { data, response } = await client({ stripeAccount: 'acct_1' })
      .request(retrieveSpec, { account: 'fca 1/..' }, { expand: ['ownership', 'account_holder'] }, undefined)
      .withResponse();
    expect(data).toEqual({ id: 'fca_1', object: 'financial_connections.account' });
    expect(response.status).toBe(200);
    expect(response.requestId).toBe('req_1');
    const [r] = received;
    expect(r?.method).toBe('GET');
    expect(r?.url).toBe('/v1/financial_connections/accounts/fca%201%2F..?expand[0]=ownership&expand[1]=account_holder');
    expect(r?.body).toBe('');
    expect(r?.headers['authorization']).toBe('Bearer sk_test_e2e');
    expect(r?.headers['stripe-version']).toBe('2023-10-16');
    expect(r?.headers['stripe-account']).toBe('acct_1');
    expect(r?.headers['accept']).toBe('application/json');
    expect(r?.headers['user-agent']).toBe('fc-client/0.1.0');
    expect(r?.headers['idempotency-key']).toBeUndefined();
    expect(r?.headers['content-type']).toBeUndefined();
  });

  it('a GET with filters puts them in the query in bracket notation, Dates as unix seconds', async () => {
    handlers.push(reply(200, { object: 'list', data: [], has_more: false, url: '/v1/financial_connections/transactions' }));
    await client().request(listTxSpec, {}, { account: 'fca_1', transacted_at: { gte: new Date(1700000000000) }, limit: 5 }, undefined);
    expect(received[0]?.url).toBe('/v1/financial_connections/transactions?account=fca_1&transacted_at[gte]=1700000000&limit=5');
  });

  it('a POST sends the exact form body with its content type, length and an idempotency key', async () => {
    handlers.push(reply(200, { id: 'fcsess_1' }));
    await client().request(sessionSpec, {}, {
      account_holder: { type: 'customer', customer: 'cus_1' },
      permissions: ['balances', 'transactions'],
      filters: { countries: ['US'] },
      return_url: 'https://example.com/return?a=1&b=[x]',
      metadata: { note: 'Zoë 🎉', cleared: null },
    }, { idempotencyKey: 'e2e-key-1' });
    const [r] = received;
    const body =
      'account_holder[type]=customer&account_holder[customer]=cus_1&permissions[0]=balances&permissions[1]=transactions' +
      '&filters[countries][0]=US&return_url=https%3A%2F%2Fexample.com%2Freturn%3Fa%3D1%26b%3D[x]&metadata[note]=Zo%C3%AB%20%F0%9F%8E%89&metadata[cleared]=';
    expect(r?.method).toBe('POST');
    expect(r?.url).toBe('/v1/financial_connections/sessions');
    expect(r?.body).toBe(body);
    expect(r?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(r?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(r?.headers['idempotency-key']).toBe('e2e-key-1');
    expect(new URLSearchParams(r?.body).get('metadata[note]')).toBe('Zoë 🎉');
  });

  it('a 500 then a 200: retried once with the same idempotency key, and the 200 is returned', async () => {
    handlers.push(reply(500, { error: { type: 'api_error', message: 'try again' } }), reply(200, { id: 'fcsess_2' }));
    const result = await client().request(sessionSpec, {}, { permissions: ['balances'] }, undefined);
    expect(result).toEqual({ id: 'fcsess_2' });
    expect(received).toHaveLength(2);
    expect(received[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(received[1]?.headers['idempotency-key']).toBe(received[0]?.headers['idempotency-key']);
    expect(received[1]?.body).toBe('permissions[0]=balances');
  });

  it('a server that never answers times out as a ConnectionError', async () => {
    handlers.push(() => undefined);
    const error = await client({ timeout: 200, maxRetries: 0 }).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe('Request timed out after 200 ms');
  });

  it('an oversized chunked response is cut off', async () => {
    handlers.push((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":"');
      res.end('x'.repeat(10_000) + '"}');
    });
    const error = await client({ maxResponseBytes: 4096 }).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined).catch((e: unknown) => e);
    expect((error as Error).message).toBe('The response body is larger than maxResponseBytes (4096 bytes)');
  });

  it('a refused connection is a ConnectionError', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await createTransport({ apiKey: 'sk_test_e2e', baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 }, STRIPE)
      .request(retrieveSpec, { account: 'fca_1' }, undefined, undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^Could not connect to the API \(fetch failed: .*ECONNREFUSED/);
  });
});
