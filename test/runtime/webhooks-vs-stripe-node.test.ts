// The verifier against the official SDK (stripe@14.25.0): each one's headers pass the other, and
// every case of the shared table (tampered payloads, timestamps, secrets, header shapes) gets the
// same verdict from both, except where we differ on purpose, each difference listed with its reason.
import fc from 'fast-check';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import * as ours from '../../templates/runtime/vendors/stripe/webhooks.js';
import { NOW_MS, NOW_S, runWebhookCase, SECRET, WEBHOOK_CASES, type Outcome } from './webhook-cases.js';

const official = new Stripe('sk_test_webhooks', { telemetry: false });

/** Stripe's verdict in the table's vocabulary, read from its error messages. */
function officialVerdict(payload: unknown, header: unknown, secret: string, tolerance: number | undefined): string {
  try {
    official.webhooks.constructEvent(payload as string, header as string, secret, tolerance, undefined, NOW_MS);
    return 'ok';
  } catch (error) {
    const message = (error as Error).message;
    const verdicts: [string, Outcome][] = [
      ['No stripe-signature header value was provided.', 'no_header'],
      ['Unable to extract timestamp and signatures from header', 'malformed_header'],
      ['No signatures found with expected scheme', 'no_v1_signature'],
      ['No signatures found matching the expected signature for payload.', 'no_matching_signature'],
      ['Timestamp outside the tolerance zone', 'outside_tolerance'],
      ['Webhook payload must be provided as a string or a Buffer', 'TypeError'],
    ];
    return verdicts.find(([start]) => message.startsWith(start))?.[1] ?? `other: ${message}`;
  }
}

/** Where the official SDK's verdict differs from ours, and why ours is the one we keep. */
const DIFFERENCES: Record<string, { official: string; why: string }> = {
  'an ArrayBuffer body (request.arrayBuffer())': { official: 'TypeError', why: 'it takes strings and Buffers only; fetch-style runtimes hand out ArrayBuffers' },
  'the header given as a one-item list': { official: 'other: Unexpected: An array was passed as a header, which should not be possible for the stripe-signature header.', why: "Node's header type allows a list; one item is unambiguous" },
  'a timestamp that is not a number': { official: 'no_matching_signature', why: 'both refuse; it signs `NaN.<payload>`, we name the header as malformed' },
  'two timestamps': { official: 'no_matching_signature', why: 'both refuse; it keeps the last t=, we refuse the ambiguity' },
  'signed 301 s ahead of this clock': { official: 'ok', why: 'it bounds only the age; we bound the distance either way, as "tolerance" says' },
  'an empty secret': { official: 'no_matching_signature', why: 'both refuse; an empty secret is a configuration mistake, so ours is a TypeError' },
};

describe('headers pass from one implementation to the other', () => {
  const payloads = fc.oneof(fc.json(), fc.string({ unit: 'grapheme' }));
  const secrets = fc.string({ minLength: 1, unit: 'grapheme-ascii' }).map((s) => `whsec_${s}`);
  const timestamps = fc.integer({ min: NOW_S - 300, max: NOW_S });

  it("stripe-node's generateTestHeaderString headers verify here", async () => {
    await fc.assert(
      fc.asyncProperty(payloads, secrets, timestamps, async (payload, secret, timestamp) => {
        const header = official.webhooks.generateTestHeaderString({ payload, secret, timestamp });
        expect(await ours.verifyWebhookSignature(payload, header, secret, { now: () => NOW_MS })).toBe(payload);
      }),
      { numRuns: 200 },
    );
  });

  it("headers made here pass stripe-node's constructEvent", async () => {
    await fc.assert(
      fc.asyncProperty(fc.json(), secrets, timestamps, async (payload, secret, timestamp) => {
        const header = await ours.generateTestHeader({ payload, secret, timestamp });
        expect(official.webhooks.constructEvent(payload, header, secret, undefined, undefined, NOW_MS)).toEqual(JSON.parse(payload));
      }),
      { numRuns: 200 },
    );
  });

  it('with the real clock too (no clock injected on either side)', async () => {
    const payload = JSON.stringify({ id: 'evt_now', object: 'event' });
    const header = official.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    await expect(ours.verifyWebhookSignature(payload, header, SECRET)).resolves.toBe(payload);
    expect(official.webhooks.constructEvent(payload, await ours.generateTestHeader({ payload, secret: SECRET }), SECRET)).toMatchObject({ id: 'evt_now' });
  });
});

describe('the same verdict on every case of the table', () => {
  it.each(WEBHOOK_CASES.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    expect(await runWebhookCase(ours, c)).toBeNull();
    const { payload, header, secret = SECRET, tolerance } = await c.make(ours);
    expect(officialVerdict(payload, header, secret, tolerance)).toBe(DIFFERENCES[name]?.official ?? c.expect);
  });

  it('every listed difference is a case of the table', () => {
    const names = new Set(WEBHOOK_CASES.map((c) => c.name));
    expect(Object.keys(DIFFERENCES).filter((name) => !names.has(name))).toEqual([]);
  });
});
