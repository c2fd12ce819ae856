// Error classes, one per kind of failure, and the single factory that picks one from a response.
// Errors hold only response data (status, the body, the API's error object, response headers): never
// the request headers or the API key, so logging an error can't leak credentials. The message is the
// API's own words, read from the shapes APIs answer with (problem+json, `{ message }`, `{ error }`). What a vendor's errors add
// (their own types and fields, e.g. Stripe's `card_error`) comes from its module in vendors/.
// Each operation's error type (its `…Error`, made of `ErrorAnswer`s) types `body` by `status`.

import type { ApiPromise } from './api-promise.js';

/** The error object of a failed response; its shape is the API's (a vendor module may declare its fields). */
export interface RawApiError {
  readonly message?: string;
  readonly [key: string]: unknown;
}

export interface ApiErrorInit {
  readonly status?: number | undefined;
  readonly headers?: Headers | undefined;
  /** The response body: parsed JSON, or the text when it was not JSON. */
  readonly body?: unknown;
  readonly raw?: RawApiError | undefined;
  readonly cause?: unknown;
}

/** `v` if it is a string (error objects are JSON from the wire: any field may be anything). */
export const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Response headers that carry a request id, in the order they are looked for (Stripe's first). */
const REQUEST_ID_HEADERS = [
  'request-id',
  'x-request-id',
  'x-github-request-id',
  'twilio-request-id',
  'x-amzn-requestid',
  'x-ms-request-id',
  'x-correlation-id',
];

/** The request id the API sent, from whichever header it uses (`Request-Id`, `X-GitHub-Request-Id`, …). */
export function requestIdOf(headers: Headers | undefined): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const id = headers?.get(name);
    if (id) return id;
  }
  return undefined;
}

/**
 * Base of every error the client throws for a failed call (except an abort, which rejects with the
 * signal's reason). `Body` types `body` as the spec declares the operation's error answers
 * (`error as ApiError<BasicError>`); unknown by default, as any API may answer anything.
 */
export class ApiError<Body = unknown> extends Error {
  override name = 'ApiError';
  // Declared, not initialised: the constructor assigns every one.
  /** HTTP status; undefined when no response arrived (connection errors). */
  declare readonly status: number | undefined;
  /** The request id header the API sent (`Request-Id`, `X-Request-Id`, `X-GitHub-Request-Id`, …): quote it to its support. */
  declare readonly requestId: string | undefined;
  /** The response body as the API sent it: parsed JSON, or the text when it was not JSON; undefined without one. */
  declare readonly body: Body;
  /** Response headers. */
  declare readonly headers: Headers | undefined;
  /** The error object as the API sent it. */
  declare readonly raw: RawApiError | undefined;

  constructor(message: string, init: ApiErrorInit = {}) {
    // Error reads `cause` from the options only when present, as `{ cause }` always is here.
    super(message, init);
    const { headers } = init;
    Object.assign(this, {
      status: init.status,
      requestId: requestIdOf(headers),
      headers,
      body: init.body,
      raw: init.raw,
    });
  }
}

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type NumberOf<S> = S extends `${infer N extends number}` ? N : never;

/** The statuses of a range the spec names `4XX`: 400 to 499 as literals, so that a check narrows. */
export type StatusRange<Hundreds extends 2 | 3 | 4 | 5> = NumberOf<`${Hundreds}${Digit}${Digit}`>;

/** Every status a fetch answer can have: 200 to 599. */
export type HttpStatus = StatusRange<2 | 3 | 4 | 5>;

/**
 * One member of an operation's error type (its `…Error`): an ApiError whose `status` is one of `S`
 * and whose `body` is what the spec declares for them, so checking `status` narrows `body`.
 */
export type ErrorAnswer<S extends number | undefined, Body> = ApiError<Body> & {
  readonly status: S;
};

/**
 * The error type of an operation whose only error answer is `default` (Stripe's): `Body` on
 * every status, no body without an answer (a ConnectionError). With one body there is nothing
 * for a status to tell apart, so it is a plain `number`: `HttpStatus` here cost a user's tsc
 * about 15 ms on the first call of Stripe's client, building its 400 literals (docs/benchmarks.md).
 */
export type DefaultErrorAnswer<Body> = ErrorAnswer<number, Body> | ErrorAnswer<undefined, unknown>;

/** The error a call rejects with: its operation's `…Error` type (api-promise.ts's `E`), else ApiError. */
export type ErrorOf<Call> = Call extends (...args: never) => ApiPromise<unknown, infer E>
  ? E
  : ApiError;

/**
 * Is `error` an ApiError: a failure the API or the connection reported (not an abort's reason, not
 * a TypeError about the arguments)? `isApiError<typeof client.issues.create>(error)` narrows it to
 * that operation's error type, on which checking `status` types `body` as the spec declares. Only
 * `instanceof` runs: name the call that threw.
 */
export function isApiError<Call = never>(
  error: unknown,
): error is [Call] extends [never] ? ApiError : ErrorOf<Call> {
  return error instanceof ApiError;
}

export type ErrorClass<N extends string = string> = new (
  message: string,
  init?: ApiErrorInit,
) => ApiError & { readonly name: N };

/**
 * A subclass of ApiError named `name`: its `name` and its constructor's, both kept by minifiers since
 * they are strings.
 */
export function errorClass<N extends string>(name: N): ErrorClass<N> {
  // A class defined as a computed-key property value takes the key as its name.
  return {
    [name]: class extends ApiError {
      override name = name;
    },
  }[name] as ErrorClass<N>;
}

/** 400, 404 and any other 4xx without a class of its own: bad parameters or unknown object. */
export const InvalidRequestError: ErrorClass<'InvalidRequestError'> =
  errorClass('InvalidRequestError');
export type InvalidRequestError = InstanceType<typeof InvalidRequestError>;
/** 401: missing or wrong API key. */
export const AuthenticationError: ErrorClass<'AuthenticationError'> =
  errorClass('AuthenticationError');
export type AuthenticationError = InstanceType<typeof AuthenticationError>;
/** 403: the key may not do this. */
export const PermissionError: ErrorClass<'PermissionError'> = errorClass('PermissionError');
export type PermissionError = InstanceType<typeof PermissionError>;
/** 429: too many requests. */
export const RateLimitError: ErrorClass<'RateLimitError'> = errorClass('RateLimitError');
export type RateLimitError = InstanceType<typeof RateLimitError>;
/** 5xx, or a response that can't be read: the problem is on the server's side. */
export const ServerError: ErrorClass<'ServerError'> = errorClass('ServerError');
export type ServerError = InstanceType<typeof ServerError>;
/** No usable response: network failure or timeout. `status` is undefined. */
export const ConnectionError: ErrorClass<'ConnectionError'> = errorClass('ConnectionError');
export type ConnectionError = InstanceType<typeof ConnectionError>;

/** The `error` object of a JSON body (`{ error: { message, … } }`, the common shape), if it has one. */
export function errorObjectOf(body: unknown): RawApiError | undefined {
  const err = (body as { error?: unknown } | null)?.error;
  return err !== null && typeof err === 'object' ? (err as RawApiError) : undefined;
}

/**
 * The API's own words in a failed response's JSON: `error.message` (OpenAI's, Stripe's shape);
 * problem+json's `title` and `detail`; a top-level `message` (GitHub's, Twilio's) with GitHub's
 * `errors` and Twilio's `more_info` after it; OAuth's `error_description`; or the first of an
 * `errors` list's messages (Clerk's `long_message`).
 */
function wordsOf(body: unknown, raw: RawApiError | undefined): string | undefined {
  type Words = {
    readonly [
      K in
        | 'errors'
        | 'title'
        | 'detail'
        | 'message'
        | 'more_info'
        | 'long_message'
        | 'error'
        | 'error_description'
    ]?: unknown;
  };
  const b = (body ?? {}) as Words;
  const list = Array.isArray(b.errors) ? (b.errors as unknown[]) : [];
  const first = (list[0] ?? {}) as Words;
  const problem = [b.title, b.detail].filter((t) => typeof t === 'string').join(': ');
  const details = list
    .map((e) =>
      typeof e === 'string' ? e : (textOf((e as RawApiError)?.message) ?? JSON.stringify(e)),
    )
    .join('; ');
  const main = textOf(b.message);
  return (
    textOf(raw?.message) ??
    (problem || undefined) ??
    (main &&
      main +
        (details && !textOf(first.long_message) ? ` (${details})` : '') +
        (typeof b.more_info === 'string' ? ` (${b.more_info})` : '')) ??
    textOf(b.error_description) ??
    textOf(first.long_message) ??
    textOf(first.message) ??
    textOf(b.error)
  );
}

/** What a vendor reads from a failed response (vendors/stripe/errors.ts has one); each part may be left out. */
export interface VendorReading {
  /** The error object, undefined for none (a vendor whose bodies have the common shape asks `errorObjectOf`). */
  readonly raw?: RawApiError | undefined;
  /** The class it selects, unless the status is 401, 403 or 429 (those win). */
  readonly Class?: ErrorClass | undefined;
  /** Fields the error takes from the object besides the generic ones. */
  readonly fields?: object | undefined;
}

/** A vendor's way of reading a failed response's body (JSON, or the text when it wasn't JSON). */
export type ErrorStyle = (body: unknown, status: number) => VendorReading;

/**
 * The one place that decides an error's class. 401, 403 and 429 win; then the style's choice (Stripe's
 * `error.type`); then the status (5xx server, other 4xx invalid request). `body` is the parsed JSON
 * body, or the raw text when it wasn't JSON: a success status with such a body is a ServerError too.
 */
export function errorFromResponse(
  status: number,
  headers: Headers,
  body: unknown,
  style?: ErrorStyle,
): ApiError {
  const { raw, Class, fields } = style?.(body, status) ?? { raw: errorObjectOf(body) };
  const message =
    typeof body === 'string'
      ? `The API answered ${status} with a body that is not JSON: ${body.length > 200 ? body.slice(0, 200) + '…' : body}`
      : (wordsOf(body, raw) ?? `The API answered ${status}`);
  const Chosen =
    (
      { 401: AuthenticationError, 403: PermissionError, 429: RateLimitError } as Record<
        number,
        ErrorClass
      >
    )[status] ??
    Class ??
    (status >= 500
      ? ServerError
      : status >= 400
        ? InvalidRequestError
        : typeof body === 'string'
          ? ServerError
          : ApiError);
  return Object.assign(new Chosen(message, { status, headers, body, raw }), fields);
}
