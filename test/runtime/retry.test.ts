// The retry policy: what is retried, backoff bounds with jitter, Retry-After, and abortable sleeps.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { retryAfterMs, retryDelayMs, shouldRetry, sleep } from '../../templates/runtime/retry.js';
import { stripeShouldRetry } from '../../templates/runtime/vendors/stripe/retry.js';

afterEach(() => {
  vi.useRealTimers();
});

const h = (init: Record<string, string> = {}) => new Headers(init);

describe("which failures a Stripe client retries (stripe-node's rule: every POST carries an Idempotency-Key)", () => {
  it.each<[number | undefined, Record<string, string>, boolean, string]>([
    [undefined, {}, true, 'no response at all (network failure or timeout)'],
    [409, {}, true, 'a conflict'],
    [500, {}, true, 'a server error'],
    [502, {}, true, 'a bad gateway'],
    [503, {}, true, 'unavailable'],
    [501, {}, false, 'not implemented'],
    [400, {}, false, 'a bad request'],
    [402, {}, false, 'a declined card'],
    [404, {}, false, 'not found'],
    [429, {}, false, 'a rate limit without Retry-After'],
    [429, { 'retry-after': '2' }, true, 'a rate limit with Retry-After'],
    [400, { 'stripe-should-retry': 'true' }, true, 'anything Stripe says should be retried'],
    [500, { 'stripe-should-retry': 'false' }, false, 'a 500 Stripe says not to retry'],
    [409, { 'stripe-should-retry': 'false' }, false, 'a conflict Stripe says not to retry'],
  ])('status %s %j → %s (%s)', (status, headers, expected) => {
    expect(stripeShouldRetry(status, h(headers), false)).toBe(expected);
  });
});

describe('which failures any other client retries: what is safe to repeat (HTTP rules)', () => {
  it.each<[number | undefined, boolean, boolean, string]>([
    [undefined, true, true, 'no answer, to a GET or a keyed POST'],
    [undefined, false, false, 'no answer to an unkeyed POST: it may have been done'],
    [408, true, true, 'a request timeout, to a safe request'],
    [503, true, true, 'unavailable, to a safe request'],
    [503, false, false, 'unavailable, to an unkeyed POST'],
    [429, false, true, 'a rate limit: not processed, whatever the method'],
    [500, true, false, 'a server error: not a rule of HTTP that it is transient'],
    [500, false, false, 'a 500 to a POST (booking twice is worse than failing)'],
    [409, true, false, 'a conflict'],
    [502, true, false, 'a bad gateway'],
    [404, true, false, 'not found'],
  ])('status %s, safe %s → %s (%s)', (status, safe, expected) => {
    expect(shouldRetry(status, h(), safe)).toBe(expected);
  });

  it("ignores Stripe's Stripe-Should-Retry", () => {
    expect(shouldRetry(500, h({ 'stripe-should-retry': 'true' }), true)).toBe(false);
    expect(shouldRetry(503, h({ 'stripe-should-retry': 'false' }), true)).toBe(true);
  });
});

describe('how long to wait before a retry', () => {
  it('doubles from 0.5 s up to 5 s, with the jitter in the upper half', () => {
    const low = () => 0;
    const high = () => 0.999999;
    expect([1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(n, undefined, low))).toEqual([250, 500, 1000, 2000, 2500, 2500]);
    expect([1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(n, undefined, high))).toEqual([499, 999, 1999, 3999, 4999, 4999]);
  });

  it('waits at least as long as Retry-After asks', () => {
    expect(retryDelayMs(1, h({ 'retry-after': '7' }), () => 0)).toBe(7000);
  });

  it('caps Retry-After at 60 s', () => {
    expect(retryDelayMs(1, h({ 'retry-after': '3600' }), () => 0)).toBe(60_000);
  });

  it('a Retry-After shorter than the backoff does not shorten it', () => {
    expect(retryDelayMs(3, h({ 'retry-after': '0' }), () => 0)).toBe(1000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2024-01-01T00:00:00Z');
    expect(retryAfterMs(h({ 'retry-after': '3' }), now)).toBe(3000);
    expect(retryAfterMs(h({ 'retry-after': 'Mon, 01 Jan 2024 00:00:10 GMT' }), now)).toBe(10_000);
    expect(retryAfterMs(h({ 'retry-after': 'Sun, 31 Dec 2023 23:00:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(h({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(h(), now)).toBeUndefined();
  });
});

describe('sleeping between attempts', () => {
  it('resolves after the delay', async () => {
    vi.useFakeTimers();
    let done = false;
    void sleep(1000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });

  it('an abort ends the sleep at once with the signal’s reason', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const slept = sleep(60_000, controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('stop'));
    await expect(slept).rejects.toThrow('stop');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('an already-aborted signal rejects without waiting', async () => {
    await expect(sleep(60_000, AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });
});
