// Builds the request headers: credentials, API version, account, idempotency, content type.
// Values that come from the caller are checked first, so a stray newline can never smuggle in a header
// and a rejected value (perhaps an API key) is never echoed back in an error message.

import type { AccountOption } from './vendor.js';

// Headers carry bytes (Latin-1) and may not start or end with whitespace.
const NOT_HEADER_SAFE = /[^\t\x20-\x7E\x80-\xFF]|^[\t ]|[\t ]$/;

/**
 * Returns `value` if it can be sent as a header, else throws a TypeError that names `what` but never
 * repeats the value (it may be a secret). Line breaks get their own message: they are how headers are smuggled.
 */
export function checkHeaderValue(what: string, value: string): string {
  if (NOT_HEADER_SAFE.test(value)) {
    throw new TypeError(
      what +
        (/[\r\n\0]/.test(value)
          ? ' must not contain CR, LF or NUL characters'
          : ' is not a valid HTTP header value'),
    );
  }
  return value;
}

export interface HeaderInput {
  /** The credentials the call sends in headers (auth.ts), already checked. */
  readonly auth?: ReadonlyArray<readonly [string, string]>;
  /** `[header name, version]`, e.g. `['Stripe-Version', '2023-10-16']`; absent for unversioned APIs. */
  readonly version?: readonly [string, string] | undefined;
  /** The vendor's account option (Stripe's `stripeAccount`, sent as `Stripe-Account`), if it has one. */
  readonly account?: AccountOption | undefined;
  /** The account the call acts for, sent in `account.header`. */
  readonly accountId?: string | undefined;
  /** `[header name, key]`: the idempotency key, when the request has one. */
  readonly idempotency?: readonly [string, string] | undefined;
  readonly contentType?: string | undefined;
  /** What the operation answers with on success; default `application/json`. */
  readonly accept?: string | undefined;
  readonly userAgent?: string | undefined;
  /** Header parameters of the operation (from `OperationSpec.headers`), already turned into text. */
  readonly params?: ReadonlyArray<readonly [string, string]>;
  /** Extra headers from the client options, then from the request options; later ones win. */
  readonly extra?: ReadonlyArray<Readonly<Record<string, string>> | undefined>;
}

/**
 * All headers of one request (reused as-is on every retry, so an idempotency key stays the same).
 * Every value but the fixed ones is checked; a failure names the option (or header) it came from.
 */
export function buildHeaders(input: HeaderInput): Headers {
  const h = new Headers({ Accept: input.accept ?? 'application/json' });
  const set = (name: string, value: string | undefined, what = `Header "${name}"`) =>
    value === undefined || h.set(name, checkHeaderValue(what, value));
  const { version } = input;
  for (const pair of input.auth ?? []) h.set(...pair);
  if (version) set(version[0], version[1], 'apiVersion');
  if (input.account) set(input.account.header, input.accountId, input.account.option);
  if (input.idempotency) set(...input.idempotency, 'idempotencyKey');
  set('Content-Type', input.contentType || undefined);
  set('User-Agent', input.userAgent || undefined, 'userAgent');
  for (const [name, value] of input.params ?? []) set(name, value);
  for (const extra of input.extra ?? []) for (const name in extra) set(name, extra[name]);
  return h;
}
