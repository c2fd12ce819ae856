// Webhook signatures: checks a `Stripe-Signature` header (HMAC-SHA256 over `<t>.<raw body>`) with
// Web Crypto, so it runs wherever the client does. Its own module: a bundle that never verifies a
// webhook never carries it.

/** The request body exactly as it arrived: a parsed object cannot be checked (its bytes are gone). */
export type WebhookPayload = string | Uint8Array | ArrayBuffer;

/** The header as frameworks hand it over (`Headers.get` gives null, Node's `req.headers` may give a list). */
export type SignatureHeader = string | readonly string[] | null | undefined;

export interface VerifyWebhookOptions {
  /** Seconds a signature's timestamp may be from now, either way (default 300; `Infinity` turns the check off). */
  readonly tolerance?: number;
  /** The current time in milliseconds since the epoch (default `Date.now`); inject one in tests. */
  readonly now?: () => number;
}

/**
 * Why a request was refused, in the order checked: the header's shape first, then the signature,
 * then the timestamp (so `outside_tolerance` means Stripe did sign it, too long ago or ahead).
 */
export type WebhookSignatureReason =
  | 'no_header'
  | 'malformed_header'
  | 'no_v1_signature'
  | 'outside_tolerance'
  | 'no_matching_signature';

/**
 * A webhook whose signature does not check out: answer 400 and do not act on it. The message and
 * properties never hold the secret, the payload or the header's signatures.
 */
export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
  declare readonly reason: WebhookSignatureReason;

  constructor(reason: WebhookSignatureReason, message: string) {
    super(message);
    Object.assign(this, { reason });
  }
}

export const DEFAULT_WEBHOOK_TOLERANCE_S = 300;

// A function, not a module-level encoder: top-level `new` would keep this file in every bundle.
const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Checks `header` against `payload` signed with `secret` (the endpoint's `whsec_…`) and returns
 * the payload as text. Throws `WebhookSignatureError` for a request to refuse, and `TypeError`
 * for a programming mistake (a parsed body, an empty secret, a bad tolerance).
 */
export async function verifyWebhookSignature(
  payload: WebhookPayload,
  header: SignatureHeader,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<string> {
  const body = payloadBytes(payload);
  if (typeof secret !== 'string' || secret === '') {
    throw new TypeError(
      "The webhook secret must be the endpoint's signing secret (whsec_…), a non-empty string",
    );
  }
  const tolerance = options.tolerance ?? DEFAULT_WEBHOOK_TOLERANCE_S;
  if (typeof tolerance !== 'number' || !(tolerance >= 0)) {
    throw new TypeError(
      'tolerance must be a number of seconds, 0 or more (Infinity to skip the check)',
    );
  }
  const { timestamp, signatures } = parseSignatureHeader(header);
  const expected = await hmacSha256(secret, concat(utf8(`${timestamp}.`), body));
  let matched = false;
  // Every candidate is compared, matched or not, so timing tells nothing about which one matched.
  for (const candidate of signatures) if (constantTimeEqualHex(expected, candidate)) matched = true;
  if (!matched) {
    throw new WebhookSignatureError(
      'no_matching_signature',
      'No v1 signature in the Stripe-Signature header matches the payload: check the endpoint secret, and pass the raw request body, unparsed' +
        (secret.trim() === secret
          ? ''
          : ' (the secret starts or ends with whitespace: a stray newline?)'),
    );
  }
  const age = Math.floor((options.now ?? Date.now)() / 1000) - timestamp;
  if (!(Math.abs(age) <= tolerance)) {
    throw new WebhookSignatureError(
      'outside_tolerance',
      `The Stripe-Signature timestamp is ${Math.abs(age)} s ${age < 0 ? 'ahead of' : 'behind'} this clock, outside the tolerance of ${tolerance} s`,
    );
  }
  return new TextDecoder().decode(body);
}

/**
 * A valid `Stripe-Signature` header for `payload`, for your own tests (the timestamp defaults to
 * now, in seconds). Sign exactly the string you then send as the body.
 */
export async function generateTestHeader(options: {
  readonly payload: WebhookPayload;
  readonly secret: string;
  readonly timestamp?: number;
}): Promise<string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signed = concat(utf8(`${timestamp}.`), payloadBytes(options.payload));
  return `t=${timestamp},v1=${toHex(await hmacSha256(options.secret, signed))}`;
}

/** `t=…,v1=…,v1=…`: one timestamp, the v1 signatures; other schemes (v0) and unknown keys are ignored. */
function parseSignatureHeader(header: SignatureHeader): {
  timestamp: number;
  signatures: string[];
} {
  const text =
    typeof header === 'string' ? header : Array.isArray(header) ? header.join(',') : undefined;
  if (text === undefined || text.trim() === '') {
    throw new WebhookSignatureError('no_header', 'The request has no Stripe-Signature header');
  }
  const timestamps: string[] = [];
  const signatures: string[] = [];
  for (const item of text.split(',')) {
    const at = item.indexOf('=');
    if (at < 0) continue;
    const key = item.slice(0, at);
    const value = item.slice(at + 1);
    if (key === 't') timestamps.push(value);
    else if (key === 'v1') signatures.push(value);
  }
  if (timestamps.length !== 1 || !/^\d{1,15}$/.test(timestamps[0]!)) {
    throw new WebhookSignatureError(
      'malformed_header',
      'The Stripe-Signature header is malformed: it needs exactly one timestamp, t=<seconds>',
    );
  }
  if (signatures.length === 0) {
    throw new WebhookSignatureError(
      'no_v1_signature',
      'The Stripe-Signature header has no v1 signature',
    );
  }
  return { timestamp: Number(timestamps[0]), signatures };
}

function payloadBytes(payload: WebhookPayload): Uint8Array {
  if (typeof payload === 'string') return utf8(payload);
  // isView rather than instanceof: a Buffer or a Uint8Array from another realm (a vm, an iframe) counts too.
  if (ArrayBuffer.isView(payload))
    return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  const what =
    payload === null ? 'null' : typeof payload === 'object' ? 'a parsed object' : typeof payload;
  throw new TypeError(
    `The webhook payload must be the raw request body (string, Uint8Array or ArrayBuffer), not ${what}: ` +
      'a body parsed as JSON no longer has the bytes Stripe signed. ' +
      "Express: express.raw({ type: 'application/json' }) on the route; fetch-style handlers: await request.text()",
  );
}

async function hmacSha256(secret: string, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    utf8(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, data));
}

/** Compares every byte whatever the first difference; only the (public) length may end it early. */
function constantTimeEqualHex(expected: Uint8Array, candidate: string): boolean {
  if (candidate.length !== expected.length * 2) return false;
  const hex = toHex(expected);
  let difference = 0;
  for (let i = 0; i < hex.length; i++) difference |= hex.charCodeAt(i) ^ candidate.charCodeAt(i);
  return difference === 0;
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
