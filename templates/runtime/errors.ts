// Error classes, one per kind of failure, and the single factory that picks one from a response.
// Errors hold only response data (status, Stripe's error object, response headers): never the request
// headers or the API key, so logging an error can't leak credentials.

/** Stripe's `error` object (https://docs.stripe.com/api/errors); other APIs may send any shape. */
export interface RawApiError {
  readonly type?: string;
  readonly code?: string;
  readonly param?: string;
  readonly message?: string;
  readonly doc_url?: string;
  readonly decline_code?: string;
  readonly [key: string]: unknown;
}

export interface ApiErrorInit {
  readonly status?: number | undefined;
  readonly headers?: Headers | undefined;
  readonly raw?: RawApiError | undefined;
  readonly cause?: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Base of every error the client throws for a failed call (except an abort, which rejects with the signal's reason). */
export class ApiError extends Error {
  override name = 'ApiError';
  // Declared, not initialised: the constructor assigns every one.
  /** HTTP status; undefined when no response arrived (connection errors). */
  declare readonly status: number | undefined;
  /** Stripe's `error.type`, e.g. `card_error`. */
  declare readonly type: string | undefined;
  declare readonly code: string | undefined;
  declare readonly param: string | undefined;
  declare readonly docUrl: string | undefined;
  declare readonly declineCode: string | undefined;
  /** The `Request-Id` response header: quote it to Stripe support. */
  declare readonly requestId: string | undefined;
  /** Response headers. */
  declare readonly headers: Headers | undefined;
  /** The error object as the API sent it. */
  declare readonly raw: RawApiError | undefined;

  constructor(message: string, init: ApiErrorInit = {}) {
    // Error reads `cause` from the options only when present, as `{ cause }` always is here.
    super(message, init);
    const { raw, headers } = init;
    Object.assign(this, {
      status: init.status,
      type: text(raw?.type),
      code: text(raw?.code),
      param: text(raw?.param),
      docUrl: text(raw?.doc_url),
      declineCode: text(raw?.decline_code),
      requestId: headers?.get('request-id') ?? undefined,
      headers,
      raw,
    });
  }
}

type ErrorClass<N extends string> = new (
  message: string,
  init?: ApiErrorInit,
) => ApiError & { readonly name: N };

/** The classes an `error.type` selects, filled in as they are made. */
const BY_TYPE = new Map<unknown, ErrorClass<string>>();

/**
 * A subclass of ApiError named `name` (its `name` and its constructor's, both kept by minifiers since
 * they are strings), which `errorFromResponse` picks for `error.type` `type`.
 */
function subclass<N extends string>(name: N, type?: string): ErrorClass<N> {
  // A class defined as a computed-key property value takes the key as its name.
  const Class = {
    [name]: class extends ApiError {
      override name = name;
    },
  }[name] as ErrorClass<N>;
  if (type) BY_TYPE.set(type, Class);
  return Class;
}

/** 402 / `card_error`: the card was declined or can't be charged. */
export const CardError = subclass('CardError', 'card_error');
export type CardError = InstanceType<typeof CardError>;
/** 400, 404 / `invalid_request_error`: bad parameters or unknown object. */
export const InvalidRequestError = subclass('InvalidRequestError', 'invalid_request_error');
export type InvalidRequestError = InstanceType<typeof InvalidRequestError>;
/** 401 / `authentication_error`: missing or wrong API key. */
export const AuthenticationError = subclass('AuthenticationError', 'authentication_error');
export type AuthenticationError = InstanceType<typeof AuthenticationError>;
/** 403: the key may not do this. */
export const PermissionError = subclass('PermissionError');
export type PermissionError = InstanceType<typeof PermissionError>;
/** 429 / `rate_limit_error`: too many requests. */
export const RateLimitError = subclass('RateLimitError', 'rate_limit_error');
export type RateLimitError = InstanceType<typeof RateLimitError>;
/** `idempotency_error`: an Idempotency-Key was reused with different parameters. */
export const IdempotencyError = subclass('IdempotencyError', 'idempotency_error');
export type IdempotencyError = InstanceType<typeof IdempotencyError>;
/** 5xx / `api_error`, or a response that can't be read: the problem is on the server's side. */
export const ServerError = subclass('ServerError', 'api_error');
export type ServerError = InstanceType<typeof ServerError>;
/** No usable response: network failure or timeout. `status` is undefined. */
export const ConnectionError = subclass('ConnectionError');
export type ConnectionError = InstanceType<typeof ConnectionError>;

/**
 * The one place that decides an error's class. Like stripe-node, 401, 403 and 429 win over `error.type`;
 * otherwise the type decides, and without a known type the status does (402 card, other 4xx invalid
 * request, 5xx server). `body` is the parsed JSON body, or the raw text when it wasn't JSON: a success
 * status with such a body is a ServerError too.
 */
export function errorFromResponse(status: number, headers: Headers, body: unknown): ApiError {
  let raw: RawApiError | undefined;
  let message: string;
  if (typeof body === 'string') {
    message = `The API answered ${status} with a body that is not JSON: ${body.length > 200 ? body.slice(0, 200) + '…' : body}`;
  } else {
    const err = (body as { error?: unknown } | null)?.error;
    // OAuth endpoints answer `{ error: 'invalid_grant', error_description }`; give it the usual shape.
    raw =
      typeof err === 'string'
        ? {
            type: err,
            message: text((body as { error_description?: unknown }).error_description) ?? err,
          }
        : err !== null && typeof err === 'object'
          ? (err as RawApiError)
          : undefined;
    message = text(raw?.message) ?? `The API answered ${status}`;
  }
  const Class =
    (
      { 401: AuthenticationError, 403: PermissionError, 429: RateLimitError } as Record<
        number,
        ErrorClass<string>
      >
    )[status] ??
    BY_TYPE.get(raw?.type) ??
    (status === 402
      ? CardError
      : status >= 500
        ? ServerError
        : status >= 400
          ? InvalidRequestError
          : typeof body === 'string'
            ? ServerError
            : ApiError);
  return new Class(message, { status, headers, raw });
}
