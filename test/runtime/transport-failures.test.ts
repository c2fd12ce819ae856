// What a failed call rejects with: timeouts, aborts, network errors, bad bodies, and no key anywhere.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTransport } from '../../templates/runtime/transport.js';
import { apiKeyAuth, basicAuth, bearerAuth } from '../../templates/runtime/auth.js';
import { ApiError, AuthenticationError, ConnectionError, ServerError } from '../../templates/runtime/errors.js';
import { CardError } from '../../templates/runtime/vendors/stripe/index.js';
import type { OperationSpec } from '../../templates/runtime/index.js';
import { fakeFetch, hang, json, stripeError } from './fake-fetch.js';
import { STRIPE_DEFAULTS } from '../support/stripe-defaults.js';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const STRIPE = STRIPE_DEFAULTS;
const retrieveSpec = { method: 'GET', path: '/v1/financial_connections/accounts/{account}' } as const satisfies OperationSpec;
const account = { id: 'fca_1', object: 'financial_connections.account' };
const SECRET = 'sk_live_51SuperSecretKeyValue';

describe('timeouts', () => {
  it('an attempt that takes longer than the timeout fails as a ConnectionError saying so', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = fakeFetch(hang);
    const call = createTransport({ apiKey: 'sk', fetch, maxRetries: 0, timeout: 1000 }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined);
    const failed = call.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(999);
    expect(calls[0]?.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = (await failed) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe('Request timed out after 1000 ms');
    expect(calls[0]?.signal.aborted).toBe(true);
  });

  it('the default timeout is 80 s, and a timed-out attempt is retried', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = fakeFetch(hang, json(200, account));
    const call = createTransport({ apiKey: 'sk', fetch }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined);
    await vi.advanceTimersByTimeAsync(79_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 + 500);
    expect(calls).toHaveLength(2);
    expect(await call).toEqual(account);
  });

  it('a per-request timeout overrides the client’s, and counts retries in its message', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = fakeFetch(hang);
    const call = createTransport({ apiKey: 'sk', fetch, timeout: 60_000 }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, { timeout: 50, maxRetries: 1 });
    const failed = expect(call).rejects.toThrow(new ConnectionError('Request timed out after 50 ms; gave up after 1 retry'));
    await vi.advanceTimersByTimeAsync(50 + 500 + 50);
    await failed;
    expect(calls).toHaveLength(2);
  });

  it('the timeout also covers a body that never finishes', async () => {
    vi.useFakeTimers();
    const stalled = (req: { signal: AbortSignal }) =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id":'));
            req.signal.addEventListener('abort', () => controller.error(req.signal.reason));
          },
        }),
        { status: 200 },
      );
    const { fetch } = fakeFetch(stalled);
    const call = createTransport({ apiKey: 'sk', fetch, maxRetries: 0, timeout: 2000 }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined);
    const failed = expect(call).rejects.toThrow('Request timed out after 2000 ms');
    await vi.advanceTimersByTimeAsync(2000);
    await failed;
  });
});

describe('cancellation', () => {
  it('aborting while the request is in flight rejects with an AbortError and does not retry', async () => {
    const { fetch, calls } = fakeFetch(hang);
    const controller = new AbortController();
    const call = createTransport({ apiKey: 'sk', fetch }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(calls).toHaveLength(1);
  });

  it('aborting during the backoff sleep rejects at once with the signal’s reason, without another attempt', async () => {
    vi.useFakeTimers();
    const { fetch, calls } = fakeFetch(json(503, {}, { 'retry-after': '30' }), json(200, account));
    const controller = new AbortController();
    const call = createTransport({ apiKey: 'sk', fetch }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, { signal: controller.signal });
    const failed = call.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
    controller.abort(new Error('user navigated away'));
    expect(await failed).toEqual(new Error('user navigated away'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an already-aborted signal sends nothing', async () => {
    const { fetch, calls } = fakeFetch(json(200, account));
    const call = createTransport({ apiKey: 'sk', fetch }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, { signal: AbortSignal.abort() });
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(0);
  });
});

describe('errors from the API', () => {
  it('a declined card is a CardError with every field and the request id', async () => {
    const { fetch } = fakeFetch(
      json(402, { error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.', param: '', doc_url: 'https://stripe.com/docs/error-codes/card-declined' } }, { 'request-id': 'req_402' }),
    );
    const error = await createTransport({ apiKey: 'sk', fetch }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CardError);
    expect(error).toMatchObject({
      status: 402, type: 'card_error', code: 'card_declined', declineCode: 'generic_decline', param: '',
      message: 'Your card was declined.', docUrl: 'https://stripe.com/docs/error-codes/card-declined', requestId: 'req_402',
    });
  });

  it('withResponse rejects with the same error', async () => {
    const { fetch } = fakeFetch(json(401, stripeError('invalid_request_error', 'Invalid API Key provided: sk_test_****1234')));
    const call = createTransport({ apiKey: 'sk', fetch }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined);
    await expect(call.withResponse()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('a 2xx body that is not JSON is a ServerError quoting its start', async () => {
    const { fetch } = fakeFetch(new Response('<html>maintenance</html>', { status: 200 }));
    const call = createTransport({ apiKey: 'sk', fetch }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined);
    await expect(call).rejects.toMatchObject({ name: 'ServerError', status: 200, message: 'The API answered 200 with a body that is not JSON: <html>maintenance</html>' });
    await expect(call).rejects.toBeInstanceOf(ServerError);
  });

  it('a body larger than maxResponseBytes is refused, whether announced or streamed', async () => {
    const big = '{"data":"' + 'x'.repeat(2000) + '"}';
    const announced = fakeFetch(new Response(big, { status: 200, headers: { 'content-length': String(big.length) } }));
    const streamed = fakeFetch(new Response(new Blob([big]).stream(), { status: 200 }));
    for (const { fetch } of [announced, streamed]) {
      const call = createTransport({ apiKey: 'sk', fetch, maxResponseBytes: 1024 }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined);
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).message).toBe('The response body is larger than maxResponseBytes (1024 bytes)');
      expect((error as ApiError).status).toBe(200);
    }
  });

  it('a body exactly at the limit is fine', async () => {
    const body = JSON.stringify({ s: 'x'.repeat(100) });
    const { fetch } = fakeFetch(new Response(body, { status: 200 }));
    const data = await createTransport({ apiKey: 'sk', fetch, maxResponseBytes: body.length }, STRIPE).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined);
    expect(data).toEqual({ s: 'x'.repeat(100) });
  });
});

describe('the API key never leaks into an error', () => {
  /** Everything someone might log: message, stack, own properties, causes, headers. */
  function everything(error: unknown): string {
    const seen = new Set<unknown>();
    const dump = (e: unknown): string => {
      if (e === null || typeof e !== 'object' || seen.has(e)) return String(e);
      seen.add(e);
      const parts = [String(e), (e as Error).stack ?? ''];
      if (e instanceof Headers) parts.push(JSON.stringify([...e]));
      for (const key of Object.getOwnPropertyNames(e)) parts.push(key, dump((e as Record<string, unknown>)[key]));
      return parts.join('\n');
    };
    return dump(error);
  }

  it.each([
    ['an authentication error', () => json(401, stripeError('invalid_request_error', 'Invalid API Key provided: sk_live_****alue'))],
    ['a server error', () => json(500, stripeError('api_error', 'oops'))],
    ['a non-JSON error', () => new Response('<html>bad gateway</html>', { status: 502 })],
    ['a network failure', () => new TypeError('fetch failed')],
    ['a failure whose message echoes the URL with the key', () => new TypeError(`Failed to parse URL from https://api.example.com/x?api_key=${SECRET}`)],
  ])('%s', async (_name, reply) => {
    const { fetch } = fakeFetch((() => {
      const r = reply();
      if (r instanceof Error) throw r;
      return r;
    }) as () => Response);
    const credentials = [
      [bearerAuth, SECRET],
      [basicAuth, { username: 'acct_1', password: SECRET }],
      [apiKeyAuth('query', 'api_key'), SECRET],
    ] as const;
    for (const [scheme, apiKey] of credentials) {
      const call = createTransport({ apiKey, fetch, maxRetries: 0 }, { ...STRIPE, auth: { apiKey: scheme } }).request(retrieveSpec, { account: 'fca_1' }, undefined, undefined);
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      const text = everything(error);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(btoa('acct_1:' + SECRET));
    }
  });

  it('a rejected key is not quoted in the validation message', () => {
    expect(() => createTransport({ apiKey: SECRET + '\n' }, STRIPE)).toThrow(expect.objectContaining({ message: expect.not.stringContaining(SECRET) }));
  });
});
