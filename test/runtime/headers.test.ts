// Auth, version, account and idempotency headers, and the refusal of CR/LF in any of them.
import { describe, expect, it, vi, afterEach } from 'vitest';
import { buildHeaders, checkHeaderValue } from '../../templates/runtime/headers.js';
import { STRIPE } from '../../templates/runtime/vendors/stripe/index.js';

const STRIPE_ACCOUNT = STRIPE.account!;

afterEach(() => {
  vi.restoreAllMocks();
});

const asObject = (h: Headers) => Object.fromEntries(h.entries());

describe('request headers', () => {
  it('a GET carries auth, version and Accept, and no idempotency key or content type', () => {
    const h = buildHeaders({ auth: [['Authorization', 'Bearer sk_test_123']], version: ['Stripe-Version', '2023-10-16'] });
    expect(asObject(h)).toEqual({
      accept: 'application/json',
      authorization: 'Bearer sk_test_123',
      'stripe-version': '2023-10-16',
    });
  });

  it('an idempotency key is sent verbatim in the header it is given for (which key and header: the transport decides)', () => {
    const h = buildHeaders({ auth: [['Authorization', 'Bearer sk']], idempotency: ['Idempotency-Key', 'order-42 retry'], contentType: 'application/x-www-form-urlencoded' });
    expect(h.get('idempotency-key')).toBe('order-42 retry');
    expect(h.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(buildHeaders({ auth: [['Authorization', 'Bearer sk']], idempotency: ['X-Idempotency-Token', 'k'] }).get('x-idempotency-token')).toBe('k');
  });

  it('without one, no idempotency header at all', () => {
    expect([...buildHeaders({ auth: [['Authorization', 'Bearer sk']], contentType: 'application/json' }).keys()]).toEqual(['accept', 'authorization', 'content-type']);
  });

  it("the vendor's account header, User-Agent and header parameters are set", () => {
    const h = buildHeaders({
      auth: [['Authorization', 'Bearer sk']],
      account: STRIPE_ACCOUNT, accountId: 'acct_1', userAgent: 'fc-client/1.0', params: [['X-Trace', 'abc']],
    });
    expect(h.get('stripe-account')).toBe('acct_1');
    expect(h.get('user-agent')).toBe('fc-client/1.0');
    expect(h.get('x-trace')).toBe('abc');
  });

  it('extra headers override case-insensitively instead of duplicating', () => {
    const h = buildHeaders({
      auth: [['Authorization', 'Bearer sk']], idempotency: ['Idempotency-Key', 'mine'],
      extra: [{ 'idempotency-key': 'client' }, undefined, { 'IDEMPOTENCY-KEY': 'request', 'X-A': '1' }],
    });
    expect(h.get('idempotency-key')).toBe('request');
    expect(h.get('x-a')).toBe('1');
  });

  it.each([
    ['idempotencyKey', { idempotency: ['Idempotency-Key', 'a\r\nX-Evil: 1'] as const }],
    ['stripeAccount', { account: STRIPE_ACCOUNT, accountId: 'acct_1\nX-Evil: 1' }],
    ['Header "X-A"', { extra: [{ 'X-A': 'a\nb' }] }],
  ])('a %s containing CR or LF is rejected before sending, without echoing it', (what, input) => {
    const build = () => buildHeaders({ auth: [['Authorization', 'Bearer sk']], ...input });
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
