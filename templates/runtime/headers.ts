// Builds the request headers: authentication, API version, account, idempotency, content type.
// Values that come from the caller are checked first, so a stray newline can never smuggle in a header
// and a rejected value (perhaps an API key) is never echoed back in an error message.

import type { AccountOption } from './vendor.js';

/**
 * How the API key is presented: in a header (`bearerAuth`, `basicAuth`, `apiKeyAuth('header', …)`)
 * or as a query parameter (`apiKeyAuth('query', …)`). The generated client names its spec's scheme,
 * so a bundle holds only that one.
 */
export interface AuthScheme {
  /** The header carrying the key; absent when the key goes into the URL. */
  readonly header?: (apiKey: string) => [string, string];
  /** The query parameter carrying the key. */
  readonly query?: string;
}

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

/** `Authorization: Bearer <key>`, Stripe's scheme. */
export const bearerAuth: AuthScheme = {
  header: (apiKey) => ['Authorization', 'Bearer ' + checkHeaderValue('apiKey', apiKey)],
};

/**
 * HTTP Basic. A key with a colon is already `user:password` (an account id and its secret, as some
 * APIs want); a plain key is the user name with an empty password, Stripe's form. btoa takes
 * Latin-1 only, so go through UTF-8 bytes: any key can be encoded.
 */
export const basicAuth: AuthScheme = {
  header: (apiKey) => [
    'Authorization',
    'Basic ' +
      btoa(
        String.fromCharCode(
          ...new TextEncoder().encode(apiKey.includes(':') ? apiKey : apiKey + ':'),
        ),
      ),
  ],
};

/** The spec's `apiKey` scheme: the key in the header, or the query parameter, `name`. */
export function apiKeyAuth(at: 'header' | 'query', name: string): AuthScheme {
  return at === 'header'
    ? { header: (apiKey) => [name, checkHeaderValue('apiKey', apiKey)] }
    : { query: name };
}

export interface HeaderInput {
  /** How the key is sent; none is sent without both. */
  readonly auth?: AuthScheme | undefined;
  readonly apiKey?: string | undefined;
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
  const auth = input.apiKey === undefined ? undefined : input.auth?.header?.(input.apiKey);
  if (auth) h.set(...auth);
  if (version) set(version[0], version[1], 'apiVersion');
  if (input.account) set(input.account.header, input.accountId, input.account.option);
  if (input.idempotency) set(...input.idempotency, 'idempotencyKey');
  set('Content-Type', input.contentType || undefined);
  set('User-Agent', input.userAgent || undefined, 'userAgent');
  for (const [name, value] of input.params ?? []) set(name, value);
  for (const extra of input.extra ?? []) for (const name in extra) set(name, extra[name]);
  return h;
}
