// Retries as they happen: attempt counts, the same idempotency key each time, delays within bounds.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTransport } from '../../templates/runtime/transport.js';
import { bearerAuth } from '../../templates/runtime/auth.js';
import { bracketFormBody } from '../../templates/runtime/body.js';
import { ConnectionError, RateLimitError, ServerError, InvalidRequestError } from '../../templates/runtime/errors.js';
import type { OperationSpec } from '../../templates/runtime/index.js';
import { fakeFetch, json, stripeError } from './fake-fetch.js';
import type { Reply } from './fake-fetch.js';
import { STRIPE_DEFAULTS } from '../support/stripe-defaults.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const STRIPE = STRIPE_DEFAULTS;
const refreshSpec = { method: 'POST', path: '/v1/financial_connections/accounts/{account}/refresh', body: bracketFormBody } as const satisfies OperationSpec;
const account = { id: 'fca_1', object: 'financial_connections.account' };
const boom = () => json(500, stripeError('api_error', 'Something went wrong on our end'));

function start(replies: Reply[], clientOptions: { maxRetries?: number } = {}, requestOptions: { maxRetries?: number; idempotencyKey?: string } = {}) {
  const { fetch, calls } = fakeFetch(...replies);
  const transport = createTransport({ apiKey: 'sk_test_123', fetch, ...clientOptions }, STRIPE);
  const call = transport.request(refreshSpec, { account: 'fca_1' }, { features: ['balance'] }, requestOptions);
  return { call, calls };
}

describe('retries', () => {
  it('a 500 then a 200 succeeds on the second attempt with the same Idempotency-Key and body', async () => {
    const { call, calls } = start([boom(), json(200, account)]);
    await vi.runAllTimersAsync();
    expect(await call).toEqual(account);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.headers.get('idempotency-key')).toBe(calls[0]?.headers.get('idempotency-key'));
    expect(calls[1]?.body).toBe('features[0]=balance');
    expect(calls[0]?.body).toBe('features[0]=balance');
  });

  it('a caller-given Idempotency-Key is reused verbatim on every attempt', async () => {
    const { call, calls } = start([boom(), boom(), json(200, account)], {}, { idempotencyKey: 'refresh-fca_1-2024-01-01' });
    await vi.runAllTimersAsync();
    await call;
    expect(calls.map((c) => c.headers.get('idempotency-key'))).toEqual(Array(3).fill('refresh-fca_1-2024-01-01'));
  });

  it('gives up after 2 retries by default (3 attempts) and throws the last error', async () => {
    const { call, calls } = start([boom()]);
    const failed = expect(call).rejects.toThrow(ServerError);
    await vi.runAllTimersAsync();
    await failed;
    expect(calls).toHaveLength(3);
  });

  it('maxRetries is set per client and overridden per request', async () => {
    const none = start([boom()], { maxRetries: 0 });
    const noneFailed = expect(none.call).rejects.toThrow('Something went wrong on our end');
    const five = start([boom()], { maxRetries: 0 }, { maxRetries: 5 });
    const fiveFailed = expect(five.call).rejects.toBeInstanceOf(ServerError);
    await vi.runAllTimersAsync();
    await noneFailed;
    await fiveFailed;
    expect(none.calls).toHaveLength(1);
    expect(five.calls).toHaveLength(6);
  });

  it.each([
    ['low', 0, 250, 500],
    ['high', 0.999999, 499, 999],
  ])('waits 250–500 ms before the first retry and 500–1000 ms before the second (jitter at its %s end)', async (_end, random, first, second) => {
    vi.spyOn(Math, 'random').mockReturnValue(random);
    const { call, calls } = start([boom(), boom(), json(200, account)]);
    await vi.advanceTimersByTimeAsync(first - 1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(second - 1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    expect(await call).toEqual(account);
  });

  it('a 409 conflict is retried', async () => {
    const { call, calls } = start([json(409, stripeError('invalid_request_error', 'lock')), json(200, account)]);
    await vi.runAllTimersAsync();
    await call;
    expect(calls).toHaveLength(2);
  });

  it('a 400 is not retried', async () => {
    const { call, calls } = start([json(400, stripeError('invalid_request_error', 'Missing param', { param: 'features' }))]);
    await expect(call).rejects.toMatchObject({ name: 'InvalidRequestError', param: 'features' });
    expect(calls).toHaveLength(1);
  });

  it('a 429 without Retry-After is not retried', async () => {
    const { call, calls } = start([json(429, stripeError('rate_limit_error', 'Too many requests'))]);
    await expect(call).rejects.toBeInstanceOf(RateLimitError);
    expect(calls).toHaveLength(1);
  });

  it('Retry-After is honoured: no retry before it has passed', async () => {
    const { call, calls } = start([json(429, stripeError('rate_limit_error', 'slow down'), { 'retry-after': '3' }), json(200, account)]);
    await vi.advanceTimersByTimeAsync(2999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await call;
  });

  it('Retry-After as an HTTP date is honoured', async () => {
    vi.setSystemTime(Date.parse('2024-01-01T00:00:00Z'));
    const { call, calls } = start([json(503, {}, { 'retry-after': 'Mon, 01 Jan 2024 00:00:04 GMT' }), json(200, account)]);
    await vi.advanceTimersByTimeAsync(3999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await call;
  });

  it('a huge Retry-After is capped at 60 s', async () => {
    const { call, calls } = start([json(503, {}, { 'retry-after': '86400' }), json(200, account)]);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await call;
  });

  it('Stripe-Should-Retry: false means no retry, even for a 500', async () => {
    const { call, calls } = start([json(500, stripeError('api_error', 'replayed'), { 'stripe-should-retry': 'false' })]);
    await expect(call).rejects.toBeInstanceOf(ServerError);
    expect(calls).toHaveLength(1);
  });

  it('Stripe-Should-Retry: true means retry, even for a 400', async () => {
    const { call, calls } = start([json(400, stripeError('invalid_request_error', 'lock timeout'), { 'stripe-should-retry': 'true' }), json(200, account)]);
    await vi.runAllTimersAsync();
    await call;
    expect(calls).toHaveLength(2);
  });

  it('a network failure is retried, then reported as a ConnectionError with its cause', async () => {
    const cause = Object.assign(new TypeError('fetch failed'), { cause: new Error('connect ECONNREFUSED 127.0.0.1:443') });
    const { call, calls } = start([cause]);
    const failed = call.catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = (await failed) as ConnectionError;
    expect(calls).toHaveLength(3);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe('Could not connect to the API (fetch failed: connect ECONNREFUSED 127.0.0.1:443); gave up after 2 retries');
    expect(error.status).toBeUndefined();
    expect(error.cause).toBe(cause);
  });

  it('a network failure followed by success recovers', async () => {
    const { call, calls } = start([new TypeError('fetch failed'), json(200, account)]);
    await vi.runAllTimersAsync();
    expect(await call).toEqual(account);
    expect(calls).toHaveLength(2);
  });

  it('a 502 HTML page after all retries is a ServerError quoting it', async () => {
    const page = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const { call, calls } = start([new Response(page, { status: 502, headers: { 'content-type': 'text/html' } })]);
    const failed = expect(call).rejects.toMatchObject({
      name: 'ServerError',
      status: 502,
      message: `The API answered 502 with a body that is not JSON: ${page}`,
    });
    await vi.runAllTimersAsync();
    await failed;
    expect(calls).toHaveLength(3);
  });

  it('an invalid request error with 404 is not retried', async () => {
    const { fetch, calls } = fakeFetch(json(404, stripeError('invalid_request_error', 'No such account')));
    const call = createTransport({ apiKey: 'sk', fetch }, STRIPE).request({ method: 'GET', path: '/v1/x/{id}' }, { id: 'nope' }, undefined, undefined);
    await expect(call).rejects.toBeInstanceOf(InvalidRequestError);
    expect(calls).toHaveLength(1);
  });
});
