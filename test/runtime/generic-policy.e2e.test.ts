// A client of any API but Stripe's, on the wire (a loopback server): no Stripe header and no Stripe
// retry rule reaches it. It retries only what is safe to repeat, honours Retry-After, makes an
// idempotency key only where the spec declares one, and names itself in its User-Agent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bearerAuth, createTransport, jsonBody, rawRequest } from '../../templates/runtime/index.js';
import type { OperationSpec, SpecDefaults, Transport } from '../../templates/runtime/index.js';
import { startCaptureServer, type CaptureServer, type Reply } from '../support/capture-server.js';
import { STRIPE_DEFAULTS } from '../support/stripe-defaults.js';

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** Answers the scripted replies in turn, then `200 {}`. */
const script = (...replies: Reply[]) => {
  server.reply = () => replies.shift() ?? { body: {} };
};
const generic = (): SpecDefaults => ({ apiVersion: '1.0', baseUrl: server.baseUrl, auth: { apiKey: bearerAuth }, security: [['apiKey']], userAgent: 'petstore/1.0 stripe-fc-codegen/0.1.0' });
const transportOf = (defaults: SpecDefaults): Transport => createTransport({ apiKey: 'k', maxRetries: 2 }, defaults);
const createPet = { method: 'POST', path: '/pets', body: jsonBody } as const satisfies OperationSpec;
const listPets = { method: 'GET', path: '/pets' } as const satisfies OperationSpec;
const createOrder = { method: 'POST', path: '/orders', body: jsonBody, headers: ['Idempotency-Key'], idempotencyHeader: 'Idempotency-Key' } as const satisfies OperationSpec;
const boom = { status: 500, body: { message: 'oops' } };

describe('a client of an API without a vendor profile', () => {
  it('sends a POST with no Idempotency-Key and no Stripe header, and names itself, then the generator, in its User-Agent', async () => {
    await transportOf(generic()).request(createPet, {}, { name: 'Rex' }, undefined);
    const [sent] = server.requests;
    expect(sent?.headers['idempotency-key']).toBeUndefined();
    expect(Object.keys(sent!.headers).filter((h) => /stripe/i.test(h))).toEqual([]);
    expect(sent?.headers['user-agent']).toBe('petstore/1.0 stripe-fc-codegen/0.1.0');
  });

  it('does not retry a POST after a 500 (it may have been done: a retry would book twice)', async () => {
    script(boom);
    await expect(transportOf(generic()).request(createPet, {}, { name: 'Rex' }, undefined)).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(1);
  });

  it("ignores Stripe's Stripe-Should-Retry, and does not retry a 409 or a 500 even to a GET", async () => {
    script({ status: 409, headers: { 'stripe-should-retry': 'true' } });
    await expect(transportOf(generic()).request(createPet, {}, {}, undefined)).rejects.toMatchObject({ status: 409 });
    script(boom);
    await expect(transportOf(generic()).request(listPets, {}, undefined, undefined)).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a GET after 503 and 408, waiting as long as Retry-After says', async () => {
    script({ status: 503, headers: { 'retry-after': '1' } }, { status: 408 }, { body: [{ id: 1 }] });
    const started = Date.now();
    expect(await transportOf(generic()).request(listPets, {}, undefined, undefined)).toEqual([{ id: 1 }]);
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('retries any request after 429 (the server says it did not process it)', async () => {
    script({ status: 429, headers: { 'retry-after': '0' } }, { body: { id: 7 } });
    expect(await transportOf(generic()).request(createPet, {}, { name: 'Rex' }, undefined)).toEqual({ id: 7 });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a POST after 503 only when it carries the idempotency key its spec declares, the same key each time', async () => {
    script({ status: 503, headers: { 'retry-after': '0' } });
    await expect(transportOf(generic()).request(createPet, {}, {}, undefined)).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    script({ status: 503, headers: { 'retry-after': '0' } }, { body: { id: 'ord_1' } });
    expect(await transportOf(generic()).request(createOrder, {}, { item: 'x' }, undefined)).toEqual({ id: 'ord_1' });
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('a key the caller gives, in the declared header parameter, is sent verbatim', async () => {
    await transportOf(generic()).request(createOrder, {}, { item: 'x', 'Idempotency-Key': 'order-42' }, undefined);
    expect(server.requests[0]?.headers['idempotency-key']).toBe('order-42');
    expect(server.requests[0]?.body).toBe('{"item":"x"}');
  });

  it('retries a GET whose connection failed before any answer; not a POST', async () => {
    script({ cutOff: true, body: { partial: true } });
    await expect(transportOf(generic()).request(createPet, {}, {}, undefined)).rejects.toMatchObject({ name: 'ConnectionError' });
    expect(server.requests).toHaveLength(1);
    server.requests.length = 0;
    script({ cutOff: true, body: { partial: true } });
    expect(await transportOf(generic()).request(listPets, {}, undefined, undefined)).toEqual({});
    expect(server.requests).toHaveLength(2);
  });

  it('rawRequest POSTs JSON to it', async () => {
    await rawRequest(transportOf(generic()), 'POST', '/pets', { name: 'Rex', tags: ['a'] });
    expect([server.requests[0]?.headers['content-type'], server.requests[0]?.body]).toEqual(['application/json', '{"name":"Rex","tags":["a"]}']);
  });
});

describe("Stripe's client keeps Stripe's policies", () => {
  const stripe = (): SpecDefaults => ({ ...STRIPE_DEFAULTS, baseUrl: server.baseUrl });
  it('every POST carries an Idempotency-Key, and a POST is retried after a 500 with the same key', async () => {
    script({ status: 500, body: { error: { type: 'api_error', message: 'oops' } }, headers: { 'retry-after': '0' } });
    await transportOf(stripe()).request(createPet, {}, {}, undefined);
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });
});
