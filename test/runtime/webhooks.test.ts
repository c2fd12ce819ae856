// Webhook signatures: the runtime-agnostic case table run against templates/runtime, then what
// only Node shows here (the error class, the messages, the default clock, tolerance checks).
import { describe, expect, it } from 'vitest';
import * as webhooks from '../../templates/runtime/vendors/stripe/webhooks.js';
import { generateTestHeader, verifyWebhookSignature, WebhookSignatureError } from '../../templates/runtime/vendors/stripe/webhooks.js';
import { NOW_MS, PAYLOAD, runWebhookCase, SECRET, WEBHOOK_CASES } from './webhook-cases.js';

describe('a webhook is accepted only with a fresh signature of its raw body', () => {
  it.each(WEBHOOK_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    expect(await runWebhookCase(webhooks, c)).toBeNull();
  });
});

describe('what a refusal tells the developer', () => {
  const refusal = async (...args: Parameters<typeof verifyWebhookSignature>) => {
    const error = await verifyWebhookSignature(...args).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WebhookSignatureError);
    return error as WebhookSignatureError;
  };

  it('is one error class carrying the reason, named for logs', async () => {
    const error = await refusal(PAYLOAD, 't=1', SECRET);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('WebhookSignatureError');
    expect(error.reason).toBe('no_v1_signature');
    expect(error.message).toBe('The Stripe-Signature header has no v1 signature');
  });

  it('says how far off the clock is', async () => {
    const header = await generateTestHeader({ payload: PAYLOAD, secret: SECRET, timestamp: NOW_MS / 1000 - 400 });
    const error = await refusal(PAYLOAD, header, SECRET, { now: () => NOW_MS });
    expect(error.message).toBe('The Stripe-Signature timestamp is 400 s behind this clock, outside the tolerance of 300 s');
  });

  it('points at the raw body, and at a secret with stray whitespace', async () => {
    const header = await generateTestHeader({ payload: PAYLOAD, secret: SECRET });
    expect((await refusal(PAYLOAD + ' ', header, SECRET)).message).toMatch(/pass the raw request body, unparsed$/);
    expect((await refusal(PAYLOAD, header, ` ${SECRET}`)).message).toMatch(/the secret starts or ends with whitespace/);
  });

  it('keeps the secret, the payload and the signatures out of every property', async () => {
    const header = await generateTestHeader({ payload: PAYLOAD, secret: 'whsec_other' });
    const error = await refusal(PAYLOAD, header, SECRET);
    const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
    for (const secret of [SECRET, header.slice(-64), 'fca_1']) expect(everything).not.toContain(secret);
  });

  it('tells the developer who passed a parsed body to pass the raw one, naming the fix', async () => {
    const parsed = JSON.parse(PAYLOAD) as unknown as string;
    await expect(verifyWebhookSignature(parsed, 't=1,v1=00', SECRET)).rejects.toThrow(
      new TypeError(
        'The webhook payload must be the raw request body (string, Uint8Array or ArrayBuffer), not a parsed object: ' +
          'a body parsed as JSON no longer has the bytes Stripe signed. ' +
          "Express: express.raw({ type: 'application/json' }) on the route; fetch-style handlers: await request.text()",
      ),
    );
  });

  it.each([-1, Number.NaN, '300' as unknown as number])('refuses the tolerance %j', async (tolerance) => {
    await expect(verifyWebhookSignature(PAYLOAD, 't=1,v1=00', SECRET, { tolerance })).rejects.toThrow(TypeError);
  });
});

describe('the default clock and the test helper', () => {
  it('a header made now verifies now, with the real clock', async () => {
    const header = await generateTestHeader({ payload: PAYLOAD, secret: SECRET });
    expect(header).toMatch(/^t=\d{10},v1=[0-9a-f]{64}$/);
    await expect(verifyWebhookSignature(PAYLOAD, header, SECRET)).resolves.toBe(PAYLOAD);
  });

  it('signs the bytes it is given: the same header for a string and its UTF-8 bytes', async () => {
    const a = await generateTestHeader({ payload: PAYLOAD, secret: SECRET, timestamp: 1 });
    const b = await generateTestHeader({ payload: new TextEncoder().encode(PAYLOAD), secret: SECRET, timestamp: 1 });
    expect(a).toBe(b);
  });

  it('matches HMAC-SHA256 computed independently (Node crypto)', async () => {
    const { createHmac } = await import('node:crypto');
    const hex = createHmac('sha256', SECRET).update(`1700000000.${PAYLOAD}`).digest('hex');
    expect(await generateTestHeader({ payload: PAYLOAD, secret: SECRET, timestamp: 1_700_000_000 })).toBe(`t=1700000000,v1=${hex}`);
  });
});
