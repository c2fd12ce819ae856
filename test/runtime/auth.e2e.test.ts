// Auth as the spec declares it, on the wire (a loopback server): a spec without security needs no
// key and sends none unless one is given; an operation's `security` decides per call (`[]`: never sent; an empty
// requirement: sent when there is one); a token may be a function, asked before each call.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyAuth, bearerAuth, createTransport } from '../../templates/runtime/index.js';
import type { OperationSpec, SpecDefaults } from '../../templates/runtime/index.js';
import { startCaptureServer, type CaptureServer } from '../support/capture-server.js';
import { STRIPE_DEFAULTS } from '../support/stripe-defaults.js';

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const publicRepo = { method: 'GET', path: '/repos/o/r', auth: 'none' } as const satisfies OperationSpec;
const maybeSignedIn = { method: 'GET', path: '/feed', auth: 'optional' } as const satisfies OperationSpec;
const myRepos = { method: 'GET', path: '/user/repos' } as const satisfies OperationSpec;
const authorization = () => server.requests.map((r) => r.headers.authorization);

describe('auth as the spec declares it', () => {
  it('a spec without security (every operation optional): no key needed and none sent; one given goes as a bearer token', async () => {
    // What a client of such a spec (GitHub's description declares none) passes the runtime.
    const none: SpecDefaults = { apiVersion: '1', baseUrl: server.baseUrl, auth: bearerAuth, keyOptional: true };
    const call = { method: 'GET', path: '/repos/o/r/issues', auth: 'optional' } as const satisfies OperationSpec;
    await createTransport({}, none).request(call, {}, undefined, undefined);
    await createTransport({ apiKey: 'ghp_1' }, none).request(call, {}, undefined, undefined);
    expect(authorization()).toEqual([undefined, 'Bearer ghp_1']);
  });

  const mixed = (): SpecDefaults => ({ apiVersion: '1', baseUrl: server.baseUrl, auth: bearerAuth, keyOptional: true });

  it('operations that need no key work without one; one that needs it refuses before sending', async () => {
    const anonymous = createTransport({}, mixed());
    await anonymous.request(publicRepo, {}, undefined, undefined);
    await anonymous.request(maybeSignedIn, {}, undefined, undefined);
    await expect(anonymous.request(myRepos, {}, undefined, undefined)).rejects.toThrow('apiKey is required: pass your secret key as { apiKey }');
    expect(authorization()).toEqual([undefined, undefined]);
  });

  it('with a key: `security: []` still sends none; an optional or required one sends it', async () => {
    const signedIn = createTransport({ apiKey: 'tok' }, mixed());
    for (const spec of [publicRepo, maybeSignedIn, myRepos]) await signedIn.request(spec, {}, undefined, undefined);
    expect(authorization()).toEqual([undefined, 'Bearer tok', 'Bearer tok']);
  });

  it('a token may be a function, sync or async, asked before each call (rotation, refresh)', async () => {
    let n = 0;
    const rotating = createTransport({ apiKey: async () => `tok-${++n}` }, mixed());
    await rotating.request(myRepos, {}, undefined, undefined);
    await rotating.request(myRepos, {}, undefined, undefined);
    await rotating.request(myRepos, {}, undefined, { apiKey: () => 'per-call' });
    expect(authorization()).toEqual(['Bearer tok-1', 'Bearer tok-2', 'Bearer per-call']);
  });

  it('a function that gives no usable token fails the call, naming the option', async () => {
    const broken = createTransport({ apiKey: () => 'a\nb' }, mixed());
    await expect(broken.request(myRepos, {}, undefined, undefined)).rejects.toThrow('apiKey must not contain CR, LF or NUL characters');
    expect(server.requests).toHaveLength(0);
  });

  it('an API key in the query goes only where the operation needs it', async () => {
    const t = createTransport({ apiKey: 'k1' }, { ...mixed(), auth: apiKeyAuth('query', 'key') });
    await t.request(publicRepo, {}, undefined, undefined);
    await t.request(myRepos, {}, undefined, undefined);
    expect(server.requests.map((r) => r.url)).toEqual(['/repos/o/r', '/user/repos?key=k1']);
  });

  it("Stripe's client still refuses to be made without a key", () => {
    expect(() => createTransport({}, STRIPE_DEFAULTS)).toThrow('apiKey is required: pass your secret key as { apiKey }');
  });
});
