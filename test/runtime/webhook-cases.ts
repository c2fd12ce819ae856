// Webhook verification as a table of stories, free of Node and vitest: each runtime's suite (Node,
// Deno, Bun, a browser page, a Worker) can import it with whatever build of the runtime it loads
// and run `runWebhookCase` on every entry; the vitest unit test runs it against templates/runtime.

/** The runtime functions under test, however the caller imported them. */
export interface WebhookApi {
  verifyWebhookSignature(
    payload: string | Uint8Array | ArrayBuffer,
    header: string | readonly string[] | null | undefined,
    secret: string,
    options?: { tolerance?: number; now?: () => number },
  ): Promise<string>;
  generateTestHeader(options: { payload: string | Uint8Array | ArrayBuffer; secret: string; timestamp?: number }): Promise<string>;
}

export const SECRET = 'whsec_test_0123456789abcdef';
/** The clock every case runs at (ms), and the timestamp a fresh signature carries (s). */
export const NOW_MS = 1_700_000_000_000;
export const NOW_S = NOW_MS / 1000;
export const PAYLOAD = JSON.stringify({
  id: 'evt_1',
  object: 'event',
  type: 'financial_connections.account.refreshed_balance',
  data: { object: { id: 'fca_1', object: 'financial_connections.account', institution_name: 'Bänk ✓' } },
});

export type Outcome =
  | 'ok'
  | 'no_header'
  | 'malformed_header'
  | 'no_v1_signature'
  | 'outside_tolerance'
  | 'no_matching_signature'
  | 'TypeError';

export interface WebhookCase {
  readonly name: string;
  readonly expect: Outcome;
  /** Makes the request: the body to pass, the header, and options beyond the fixed clock. */
  readonly make: (api: WebhookApi) => Promise<{
    payload: unknown;
    header: string | readonly string[] | null | undefined;
    secret?: string;
    tolerance?: number;
  }>;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const signed = (api: WebhookApi, timestamp = NOW_S, payload = PAYLOAD, secret = SECRET) =>
  api.generateTestHeader({ payload, secret, timestamp });
/** The hex of a fresh v1 signature, for headers built by hand. */
const v1 = async (api: WebhookApi, timestamp = NOW_S, payload = PAYLOAD, secret = SECRET) =>
  (await signed(api, timestamp, payload, secret)).replace(/^t=\d+,v1=/, '');

export const WEBHOOK_CASES: readonly WebhookCase[] = [
  { name: 'a string body with its header', expect: 'ok', make: async (api) => ({ payload: PAYLOAD, header: await signed(api) }) },
  { name: 'a Uint8Array body (a Node Buffer is one)', expect: 'ok', make: async (api) => ({ payload: bytes(PAYLOAD), header: await signed(api) }) },
  {
    name: 'an ArrayBuffer body (request.arrayBuffer())',
    expect: 'ok',
    make: async (api) => ({ payload: bytes(PAYLOAD).buffer, header: await signed(api) }),
  },
  {
    name: 'a Uint8Array viewing part of a larger buffer',
    expect: 'ok',
    make: async (api) => {
      const whole = bytes(`xx${PAYLOAD}yy`);
      return { payload: whole.subarray(2, whole.length - 2), header: await signed(api) };
    },
  },
  {
    name: 'several v1 signatures (a secret being rolled), the last one matching',
    expect: 'ok',
    make: async (api) => ({
      payload: PAYLOAD,
      header: `t=${NOW_S},v1=${await v1(api, NOW_S, PAYLOAD, 'whsec_old')},v1=${await v1(api)}`,
    }),
  },
  {
    name: 'v0 signatures and unknown keys are ignored',
    expect: 'ok',
    make: async (api) => ({ payload: PAYLOAD, header: `t=${NOW_S},v0=${'0'.repeat(64)},v1=${await v1(api)},x=y` }),
  },
  {
    name: 'the header given as a one-item list',
    expect: 'ok',
    make: async (api) => ({ payload: PAYLOAD, header: [await signed(api)] }),
  },
  { name: 'signed 300 s ago: at the tolerance', expect: 'ok', make: async (api) => ({ payload: PAYLOAD, header: await signed(api, NOW_S - 300) }) },
  { name: 'signed 300 s ahead of this clock', expect: 'ok', make: async (api) => ({ payload: PAYLOAD, header: await signed(api, NOW_S + 300) }) },
  {
    name: 'signed a year ago, tolerance Infinity',
    expect: 'ok',
    make: async (api) => ({ payload: PAYLOAD, header: await signed(api, NOW_S - 31_536_000), tolerance: Infinity }),
  },

  { name: 'no header', expect: 'no_header', make: async () => ({ payload: PAYLOAD, header: undefined }) },
  { name: 'Headers.get() found none', expect: 'no_header', make: async () => ({ payload: PAYLOAD, header: null }) },
  { name: 'an empty header', expect: 'no_header', make: async () => ({ payload: PAYLOAD, header: '' }) },
  { name: 'a header without t=', expect: 'malformed_header', make: async (api) => ({ payload: PAYLOAD, header: `v1=${await v1(api)}` }) },
  { name: 'a header that is not key=value at all', expect: 'malformed_header', make: async () => ({ payload: PAYLOAD, header: 'garbage' }) },
  { name: 'a timestamp that is not a number', expect: 'malformed_header', make: async (api) => ({ payload: PAYLOAD, header: `t=soon,v1=${await v1(api)}` }) },
  {
    name: 'two timestamps',
    expect: 'malformed_header',
    make: async (api) => ({ payload: PAYLOAD, header: `t=${NOW_S},t=${NOW_S + 1},v1=${await v1(api)}` }),
  },
  { name: 'a timestamp and no signature', expect: 'no_v1_signature', make: async () => ({ payload: PAYLOAD, header: `t=${NOW_S}` }) },
  {
    name: 'only a v0 signature',
    expect: 'no_v1_signature',
    make: async (api) => ({ payload: PAYLOAD, header: `t=${NOW_S},v0=${await v1(api)}` }),
  },
  {
    name: 'one character of the payload changed',
    expect: 'no_matching_signature',
    make: async (api) => ({ payload: PAYLOAD.replace('fca_1', 'fca_2'), header: await signed(api) }),
  },
  {
    name: 'the payload parsed and stringified again (pretty-printed)',
    expect: 'no_matching_signature',
    make: async (api) => ({ payload: JSON.stringify(JSON.parse(PAYLOAD), null, 2), header: await signed(api) }),
  },
  {
    name: 'a trailing newline added to the payload',
    expect: 'no_matching_signature',
    make: async (api) => ({ payload: PAYLOAD + '\n', header: await signed(api) }),
  },
  {
    name: 'signed with another secret',
    expect: 'no_matching_signature',
    make: async (api) => ({ payload: PAYLOAD, header: await signed(api, NOW_S, PAYLOAD, 'whsec_other') }),
  },
  {
    name: 'the timestamp moved by one second, the signature kept',
    expect: 'no_matching_signature',
    make: async (api) => ({ payload: PAYLOAD, header: `t=${NOW_S - 1},v1=${await v1(api)}` }),
  },
  {
    name: 'the signature in upper case',
    expect: 'no_matching_signature',
    make: async (api) => ({ payload: PAYLOAD, header: `t=${NOW_S},v1=${(await v1(api)).toUpperCase()}` }),
  },
  {
    name: 'the signature cut short',
    expect: 'no_matching_signature',
    make: async (api) => ({ payload: PAYLOAD, header: `t=${NOW_S},v1=${(await v1(api)).slice(0, 63)}` }),
  },
  {
    name: 'the secret with a trailing newline (read from a file)',
    expect: 'no_matching_signature',
    make: async (api) => ({ payload: PAYLOAD, header: await signed(api), secret: `${SECRET}\n` }),
  },
  {
    name: 'signed 301 s ago',
    expect: 'outside_tolerance',
    make: async (api) => ({ payload: PAYLOAD, header: await signed(api, NOW_S - 301) }),
  },
  {
    name: 'signed 301 s ahead of this clock',
    expect: 'outside_tolerance',
    make: async (api) => ({ payload: PAYLOAD, header: await signed(api, NOW_S + 301) }),
  },
  {
    name: 'signed 11 s ago, tolerance 10 s',
    expect: 'outside_tolerance',
    make: async (api) => ({ payload: PAYLOAD, header: await signed(api, NOW_S - 11), tolerance: 10 }),
  },
  {
    name: 'a body already parsed by a JSON middleware',
    expect: 'TypeError',
    make: async (api) => ({ payload: JSON.parse(PAYLOAD), header: await signed(api) }),
  },
  { name: 'an empty secret', expect: 'TypeError', make: async (api) => ({ payload: PAYLOAD, header: await signed(api), secret: '' }) },
];

/**
 * Runs one case; returns null when the outcome is the expected one, else what went wrong. A
 * refusal must also keep the secret and the payload out of its message.
 */
export async function runWebhookCase(api: WebhookApi, c: WebhookCase): Promise<string | null> {
  const { payload, header, secret = SECRET, tolerance } = await c.make(api);
  const options = { now: () => NOW_MS, ...(tolerance === undefined ? {} : { tolerance }) };
  let outcome: string;
  let message = '';
  try {
    const text = await api.verifyWebhookSignature(payload as string, header, secret, options);
    outcome = text === (typeof payload === 'string' ? payload : PAYLOAD) ? 'ok' : `ok, but returned other text: ${text.slice(0, 40)}`;
  } catch (error) {
    const e = error as { name?: string; reason?: string; message?: string };
    outcome = e.name === 'WebhookSignatureError' ? String(e.reason) : String(e.name);
    message = String(e.message);
  }
  if (outcome !== c.expect) return `${c.name}: expected ${c.expect}, got ${outcome}${message ? ` (${message})` : ''}`;
  for (const secretText of [SECRET, 'whsec_other', 'whsec_old', 'test_0123456789abcdef']) {
    if (message.includes(secretText)) return `${c.name}: the message shows a secret`;
  }
  if (message.includes('fca_1') || message.includes('financial_connections.account')) return `${c.name}: the message shows the payload`;
  return null;
}
