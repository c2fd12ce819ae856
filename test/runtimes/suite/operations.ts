// Every kind of operation on the wire: what the server receives for a form body, a query, a JSON
// body, a multipart upload and a path id that tries to change the path.
import type { SessionRequest } from '../../support/scripted-sessions.js';
import { equal, matches } from './check.js';
import { API_KEY, stripeOn, type Behaviour } from './context.js';

const inBrowser = () => /^Mozilla\//.test(globalThis.navigator?.userAgent ?? '');

/** The one request a session received. */
function only(requests: SessionRequest[]): SessionRequest {
  equal(requests.length, 1, 'requests received');
  return requests[0]!;
}

/** multipart/form-data parts as the server read them: disposition, media type and content. */
function parts(request: SessionRequest): { disposition: string | undefined; type: string | undefined; content: string }[] {
  const boundary = /boundary=("?)([^";]+)\1/.exec(request.headers['content-type'] ?? '')?.[2];
  if (!boundary) throw new Error(`no multipart boundary in ${request.headers['content-type']}`);
  return request.body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((raw) => {
      const [head = '', ...rest] = raw.replace(/^\r\n/, '').replace(/\r\n$/, '').split('\r\n\r\n');
      const headers = new Map(head.split('\r\n').map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      return { disposition: headers.get('content-disposition'), type: headers.get('content-type')?.split(';')[0], content: rest.join('\r\n\r\n') };
    });
}

export const OPERATIONS: readonly Behaviour[] = [
  {
    name: 'form body',
    async run({ session }) {
      const s = await session([{ body: { id: 'fcsess_1', object: 'financial_connections.session' } }]);
      const created = await stripeOn(s).financialConnections.sessions.create(
        {
          account_holder: { type: 'customer', customer: 'cus_1' },
          permissions: ['balances', 'ownership'],
          filters: { countries: ['US'] },
          return_url: 'https://example.test/back?a=1&b=2',
        },
        { idempotencyKey: 'form-key-1', stripeAccount: 'acct_1' },
      );
      equal(created.id, 'fcsess_1', 'the created session');
      const req = only(await s.requests());
      equal([req.method, req.path, req.query], ['POST', '/v1/financial_connections/sessions', ''], 'method, path, query');
      equal(
        req.body,
        'account_holder[type]=customer&account_holder[customer]=cus_1&permissions[0]=balances&permissions[1]=ownership' +
          '&filters[countries][0]=US&return_url=https%3A%2F%2Fexample.test%2Fback%3Fa%3D1%26b%3D2',
        'the form body',
      );
      const h = req.headers;
      equal(
        [h['content-type'], h['authorization'], h['stripe-version'], h['stripe-account'], h['idempotency-key']],
        ['application/x-www-form-urlencoded', `Bearer ${API_KEY}`, '2023-10-16', 'acct_1', 'form-key-1'],
        'content-type, authorization, stripe-version, stripe-account, idempotency-key',
      );
      // Browsers send their own User-Agent; everywhere else the client names itself.
      if (!inBrowser()) equal(h['user-agent'], 'openapi-client-codegen/0.1.0', 'user-agent');
    },
  },
  {
    name: 'query',
    async run({ session, vendors }) {
      const list = { object: 'list', data: [], has_more: false, url: '/v1/financial_connections/transactions' };
      const s = await session([{ body: list }, { body: { id: 'fca_1', object: 'financial_connections.account' } }, { body: [] }]);
      const stripe = stripeOn(s);
      await stripe.financialConnections.transactions.list({ account: 'fca_1', transacted_at: { gte: 1700000000, lt: 1800000000 }, limit: 3 });
      await stripe.financialConnections.accounts.retrieve('fca_1', { expand: ['ownership', 'account_holder'] });
      // Another style: form, explode false (comma-joined arrays).
      await vendors.pets.createClient({ apiKey: 'key_pets', baseUrl: s.baseUrl, maxRetries: 0 }).stores.listPets('s1', { tags: ['a b', 'c,d'], limit: 5 });
      const sent = (await s.requests()).map((r) => [r.method, r.path, r.query, r.body, r.headers['content-type'] ?? null, r.headers['idempotency-key'] ?? null]);
      equal(
        sent,
        [
          ['GET', '/v1/financial_connections/transactions', 'account=fca_1&transacted_at[gte]=1700000000&transacted_at[lt]=1800000000&limit=3', '', null, null],
          ['GET', '/v1/financial_connections/accounts/fca_1', 'expand[0]=ownership&expand[1]=account_holder', '', null, null],
          ['GET', '/stores/s1/pets', 'tags=a%20b,c%2Cd&limit=5', '', null, null],
        ],
        'method, path, query, body, content-type, idempotency-key',
      );
    },
  },
  {
    name: 'JSON body',
    async run({ session, vendors }) {
      const s = await session([{ status: 201, body: { id: 7, name: 'Rex', tag: 'good' } }]);
      const pets = vendors.pets.createClient({ apiKey: 'key_pets', baseUrl: s.baseUrl, maxRetries: 0 });
      equal(await pets.stores.createPet('store 1', { name: 'Rex', tag: 'good' }), { id: 7, name: 'Rex', tag: 'good' }, 'the created pet');
      const req = only(await s.requests());
      equal([req.method, req.path, req.body], ['POST', '/stores/store%201/pets', '{"name":"Rex","tag":"good"}'], 'method, path, body');
      equal(
        [req.headers['content-type'], req.headers['x-api-key'], req.headers['authorization'] ?? null, req.headers['stripe-version'] ?? null],
        ['application/json', 'key_pets', null, null],
        'content-type, x-api-key, authorization, stripe-version',
      );
    },
  },
  {
    name: 'multipart body',
    async run({ session, vendors }) {
      const s = await session([{ body: { id: 'file_1', size: 20 } }]);
      const files = vendors.files.createClient({ bearer: 'sk_files', baseUrl: s.baseUrl, maxRetries: 0 });
      const file = new Blob(['hello from a runtime'], { type: 'text/plain' });
      equal(await files.files.create({ file, purpose: 'identity_document', note: 'Zoë' }), { id: 'file_1', size: 20 }, 'the upload');
      const req = only(await s.requests());
      equal([req.method, req.path], ['POST', '/v1/files'], 'method, path');
      matches(req.headers['content-type'], /^multipart\/form-data; ?boundary=/, 'content-type');
      equal(
        parts(req),
        [
          { disposition: 'form-data; name="file"; filename="blob"', type: 'text/plain', content: 'hello from a runtime' },
          { disposition: 'form-data; name="purpose"', content: 'identity_document' },
          { disposition: 'form-data; name="note"', content: 'Zoë' },
        ],
        'the parts',
      );
    },
  },
  {
    name: 'raw upload',
    async run({ session, vendors }) {
      const s = await session([{ body: { id: 'file_1', size: 5 } }, { body: { id: 'file_1', size: 9 } }]);
      const files = vendors.files.createClient({ bearer: 'sk_files', baseUrl: s.baseUrl, maxRetries: 0 });
      equal(await files.files.contents('file_1', { body: new Uint8Array([104, 101, 108, 108, 111]) }), { id: 'file_1', size: 5 }, 'the bytes upload');
      await files.files.contents('file_1', { body: new Blob(['from Blob'], { type: 'text/plain' }) });
      equal(
        (await s.requests()).map((r) => [r.method, r.path, r.headers['content-type'], r.body]),
        [
          ['PUT', '/v1/files/file_1/contents', 'application/octet-stream', 'hello'],
          ['PUT', '/v1/files/file_1/contents', 'application/octet-stream', 'from Blob'],
        ],
        'method, path, content type and bytes as sent',
      );
    },
  },
  {
    name: 'path escaping',
    async run({ session }) {
      const s = await session([{ body: { id: 'x' } }, { body: { id: 'y' } }]);
      const stripe = stripeOn(s);
      await stripe.financialConnections.accounts.retrieve('fca_1/../../v1/charges?x=1#y');
      await stripe.financialConnections.transactions.retrieve('fctxn_Zoë 1%2F');
      equal(
        (await s.requests()).map((r) => [r.path, r.query]),
        [
          ['/v1/financial_connections/accounts/fca_1%2F..%2F..%2Fv1%2Fcharges%3Fx%3D1%23y', ''],
          ['/v1/financial_connections/transactions/fctxn_Zo%C3%AB%201%252F', ''],
        ],
        'paths and queries',
      );
    },
  },
];
