// Auth as the spec declares it, on the wire (a loopback server). Each scheme is a client option; a
// call sends the credentials of the first requirement alternative the client has (an operation's own
// `security`, else the document's); `[]` or an empty alternative lets it go without any; a call whose
// requirement the client cannot meet fails before sending, naming the options it needs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyAuth, basicAuth, bearerAuth, createTransport } from '../../templates/runtime/index.js';
import type { OperationSpec, SpecDefaults } from '../../templates/runtime/index.js';
import { startCaptureServer, type CaptureServer } from '../support/capture-server.js';
import { STRIPE_DEFAULTS } from '../support/stripe-defaults.js';
import { sameOrigin } from '../../templates/runtime/transport.js';

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** What a client of a spec with several schemes passes the runtime: every call needs the bearer token unless it says otherwise. */
const defaults = (): SpecDefaults => ({
  apiVersion: '1',
  baseUrl: server.baseUrl,
  auth: {
    bearer: bearerAuth,
    basic: basicAuth,
    apiKey: apiKeyAuth('header', 'X-API-Key'),
    appId: apiKeyAuth('query', 'app_id'),
    session: apiKeyAuth('cookie', 'SESSION'),
  },
  security: [['bearer']],
});
const get = (path: string, security?: OperationSpec['security']): OperationSpec => ({ method: 'GET', path, ...(security && { security }) });
const sent = () => server.requests.map((r) => ({ url: r.url, authorization: r.headers.authorization, key: r.headers['x-api-key'], cookie: r.headers.cookie }));

describe('auth as the spec declares it', () => {
  it('a spec without security needs no credentials and sends none, not even an Authorization header', async () => {
    const none: SpecDefaults = { apiVersion: '1', baseUrl: server.baseUrl };
    await createTransport({}, none).request(get('/repos/o/r'), {}, undefined, undefined);
    expect(sent()).toEqual([{ url: '/repos/o/r', authorization: undefined, key: undefined, cookie: undefined }]);
    expect(server.requests[0]!.headers).not.toHaveProperty('authorization');
  });

  it('`security: []` and an alternative `{}` let a call go anonymously; with a token, the alternative that uses it is sent', async () => {
    const anonymous = createTransport({}, defaults());
    await anonymous.request(get('/public', []), {}, undefined, undefined);
    await anonymous.request(get('/feed', [[], ['bearer']]), {}, undefined, undefined);
    const signedIn = createTransport({ bearer: 'tok' }, defaults());
    await signedIn.request(get('/public', []), {}, undefined, undefined);
    await signedIn.request(get('/feed', [[], ['bearer']]), {}, undefined, undefined);
    expect(sent().map((r) => r.authorization)).toEqual([undefined, undefined, undefined, 'Bearer tok']);
  });

  it("an operation's own security wins over the document's", async () => {
    const t = createTransport({ bearer: 'tok', apiKey: 'k1' }, defaults());
    await t.request(get('/default'), {}, undefined, undefined);
    await t.request(get('/keyed', [['apiKey']]), {}, undefined, undefined);
    expect(sent()).toEqual([
      { url: '/default', authorization: 'Bearer tok', key: undefined, cookie: undefined },
      { url: '/keyed', authorization: undefined, key: 'k1', cookie: undefined },
    ]);
  });

  it('of several alternatives, the first the client has every credential for is sent, and only it', async () => {
    const security = [['basic'], ['apiKey', 'appId'], ['bearer']];
    await createTransport({ bearer: 'tok', apiKey: 'k1' }, defaults()).request(get('/a', security), {}, undefined, undefined);
    await createTransport({ bearer: 'tok', apiKey: 'k1', appId: 'app 1' }, defaults()).request(get('/b', security), {}, undefined, undefined);
    expect(sent()).toEqual([
      { url: '/a', authorization: 'Bearer tok', key: undefined, cookie: undefined },
      // Both schemes of the AND, the query one encoded.
      { url: '/b?app_id=app%201', authorization: undefined, key: 'k1', cookie: undefined },
    ]);
  });

  it('a call the client has no credentials for fails before sending, naming what it needs', async () => {
    const t = createTransport({ bearer: 'tok' }, defaults());
    await expect(t.request(get('/x', [['basic'], ['apiKey', 'appId']]), {}, undefined, undefined)).rejects.toThrow(
      new TypeError('This call needs credentials the client was not given: basic, or apiKey and appId'),
    );
    await expect(createTransport({}, defaults()).request(get('/y'), {}, undefined, undefined)).rejects.toThrow(
      new TypeError('This call needs credentials the client was not given: bearer'),
    );
    expect(server.requests).toHaveLength(0);
  });

  it('basic is { username, password }, sent as UTF-8; a user name with a colon is refused', async () => {
    const t = createTransport({ basic: { username: 'AC123', password: 'päss wörd ✓' } }, defaults());
    await t.request(get('/messages', [['basic']]), {}, undefined, undefined);
    const encoded = sent()[0]!.authorization!;
    expect(encoded).toBe('Basic ' + Buffer.from('AC123:päss wörd ✓', 'utf8').toString('base64'));
    expect(() => createTransport({ basic: { username: 'a:b', password: 'p' } }, defaults())).toThrow(
      new TypeError('basic must be { username, password }, the user name without a colon'),
    );
    // A JavaScript caller's old-style 'user:password' string is refused the same way, not sent as "undefined:undefined".
    expect(() => createTransport({ basic: 'AC123:secret' }, defaults())).toThrow(
      new TypeError('basic must be { username, password }, the user name without a colon'),
    );
  });

  it('an API key in a cookie goes in the Cookie header, beside a header key', async () => {
    const t = createTransport({ session: 's3cr3t', apiKey: 'k1' }, defaults());
    await t.request(get('/me', [['session', 'apiKey']]), {}, undefined, undefined);
    expect(sent()).toEqual([{ url: '/me', authorization: undefined, key: 'k1', cookie: 'SESSION=s3cr3t' }]);
  });

  it('a credential may be a function, sync or async, asked before each call (rotation, refresh)', async () => {
    let n = 0;
    const rotating = createTransport(
      { bearer: async () => `tok-${++n}`, basic: () => ({ username: 'u', password: `p${n}` }) },
      defaults(),
    );
    await rotating.request(get('/a'), {}, undefined, undefined);
    await rotating.request(get('/b'), {}, undefined, undefined);
    await rotating.request(get('/c', [['basic']]), {}, undefined, undefined);
    expect(sent().map((r) => r.authorization)).toEqual(['Bearer tok-1', 'Bearer tok-2', 'Basic ' + btoa('u:p2')]);
  });

  it('a function that gives no usable credential fails the call, naming the option, not the value', async () => {
    const broken = createTransport({ bearer: () => 'a\nsecret' }, defaults());
    await expect(broken.request(get('/a'), {}, undefined, undefined)).rejects.toThrow(new TypeError('bearer must not contain CR, LF or NUL characters'));
    const empty = createTransport({ bearer: async () => '' }, defaults());
    await expect(empty.request(get('/a'), {}, undefined, undefined)).rejects.toThrow(new TypeError('bearer is required: pass your credentials as { bearer }'));
    expect(server.requests).toHaveLength(0);
  });

  it("a query key follows a next page's URL on the client's origin, once", async () => {
    const t = createTransport({ appId: 'a1' }, { ...defaults(), security: [['appId']] });
    await t.request(get('/list'), {}, undefined, undefined, sameOrigin(`${server.baseUrl}/list?page=2`));
    await t.request(get('/list'), {}, undefined, undefined, sameOrigin(`${server.baseUrl}/list?page=3&app_id=a1`));
    expect(sent().map((r) => r.url)).toEqual(['/list?page=2&app_id=a1', '/list?page=3&app_id=a1']);
  });

  it("Stripe's client still refuses to be made without its key, and sends it as a bearer token", async () => {
    expect(() => createTransport({}, STRIPE_DEFAULTS)).toThrow(new TypeError('apiKey is required: pass your credentials as { apiKey }'));
    await createTransport({ apiKey: 'sk_test_1', maxRetries: 0 }, { ...STRIPE_DEFAULTS, baseUrl: server.baseUrl }).request(get('/v1/x'), {}, undefined, undefined);
    expect(sent()[0]!.authorization).toBe('Bearer sk_test_1');
  });
});
