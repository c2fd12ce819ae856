// Auth, version, account and idempotency headers, and the refusal of CR/LF in any of them.
import { describe, expect, it, vi, afterEach } from 'vitest';
import { apiKeyAuth, basicAuth, bearerAuth, buildHeaders, checkHeaderValue } from '../../templates/runtime/headers.js';
import { STRIPE } from '../../templates/runtime/vendors/stripe/index.js';

const STRIPE_ACCOUNT = STRIPE.account!;

afterEach(() => {
  vi.restoreAllMocks();
});

const asObject = (h: Headers) => Object.fromEntries(h.entries());

describe('request headers', () => {
  it('a GET carries auth, version and Accept, and no idempotency key or content type', () => {
    const h = buildHeaders({ method: 'GET', auth: bearerAuth, apiKey: 'sk_test_123', version: ['Stripe-Version', '2023-10-16'] });
    expect(asObject(h)).toEqual({
      accept: 'application/json',
      authorization: 'Bearer sk_test_123',
      'stripe-version': '2023-10-16',
    });
  });

  it('a POST always gets a generated UUID Idempotency-Key', () => {
    vi.spyOn(crypto, 'randomUUID').mockReturnValue('11111111-2222-4333-8444-555555555555');
    const h = buildHeaders({ method: 'POST', auth: bearerAuth, apiKey: 'sk', contentType: 'application/x-www-form-urlencoded' });
    expect(h.get('idempotency-key')).toBe('11111111-2222-4333-8444-555555555555');
    expect(h.get('content-type')).toBe('application/x-www-form-urlencoded');
  });

  it('a given Idempotency-Key is sent verbatim, on any method', () => {
    expect(buildHeaders({ method: 'POST', auth: bearerAuth, apiKey: 'sk', idempotencyKey: 'order-42 retry' }).get('idempotency-key')).toBe('order-42 retry');
    expect(buildHeaders({ method: 'DELETE', auth: bearerAuth, apiKey: 'sk', idempotencyKey: 'k' }).get('idempotency-key')).toBe('k');
  });

  it("the vendor's account header, User-Agent and header parameters are set", () => {
    const h = buildHeaders({
      method: 'GET', auth: bearerAuth, apiKey: 'sk',
      account: STRIPE_ACCOUNT, accountId: 'acct_1', userAgent: 'fc-client/1.0', params: [['X-Trace', 'abc']],
    });
    expect(h.get('stripe-account')).toBe('acct_1');
    expect(h.get('user-agent')).toBe('fc-client/1.0');
    expect(h.get('x-trace')).toBe('abc');
  });

  it('extra headers override case-insensitively instead of duplicating', () => {
    const h = buildHeaders({
      method: 'POST', auth: bearerAuth, apiKey: 'sk', idempotencyKey: 'mine',
      extra: [{ 'idempotency-key': 'client' }, undefined, { 'IDEMPOTENCY-KEY': 'request', 'X-A': '1' }],
    });
    expect(h.get('idempotency-key')).toBe('request');
    expect(h.get('x-a')).toBe('1');
  });

  it('basic auth sends base64 of "key:"', () => {
    expect(basicAuth.header!('sk_test_123')).toEqual(['Authorization', 'Basic ' + btoa('sk_test_123:')]);
    expect(basicAuth.header!('sk_test_123')).toEqual(['Authorization', 'Basic c2tfdGVzdF8xMjM6']);
  });

  it('basic auth encodes non-Latin-1 keys as UTF-8 instead of throwing', () => {
    expect(basicAuth.header!('ключ')).toEqual(['Authorization', 'Basic 0LrQu9GO0Yc6']);
  });

  it('an apiKey scheme in a header uses that header; in the query, no header at all', () => {
    expect(apiKeyAuth('header', 'X-Api-Key').header!('k')).toEqual(['X-Api-Key', 'k']);
    expect(apiKeyAuth('query', 'api_key').header).toBeUndefined();
  });

  it.each([
    ['idempotencyKey', { idempotencyKey: 'a\r\nX-Evil: 1' }],
    ['stripeAccount', { account: STRIPE_ACCOUNT, accountId: 'acct_1\nX-Evil: 1' }],
    ['apiKey', { apiKey: 'sk_live_secret\r' }],
    ['Header "X-A"', { extra: [{ 'X-A': 'a\nb' }] }],
  ])('a %s containing CR or LF is rejected before sending, without echoing it', (what, input) => {
    const build = () => buildHeaders({ method: 'POST', auth: bearerAuth, apiKey: 'sk', ...input });
    expect(build).toThrow(new TypeError(`${what} must not contain CR, LF or NUL characters`));
    try {
      build();
    } catch (e) {
      expect(String(e)).not.toContain('secret');
      expect(String(e)).not.toContain('Evil');
    }
  });

  it('values that are not header-safe are refused with a message that hides them', () => {
    expect(() => checkHeaderValue('apiKey', ' sk_padded')).toThrow(new TypeError('apiKey is not a valid HTTP header value'));
    expect(() => checkHeaderValue('apiKey', 'sk_ключ')).toThrow(new TypeError('apiKey is not a valid HTTP header value'));
    expect(checkHeaderValue('x', 'a b\tc')).toBe('a b\tc');
  });
});
