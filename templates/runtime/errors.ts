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
  /** HTTP status; undefined when no response arrived (connection errors). */
  readonly status: number | undefined;
  /** Stripe's `error.type`, e.g. `card_error`. */
  readonly type: string | undefined;
  readonly code: string | undefined;
  readonly param: string | undefined;
  readonly docUrl: string | undefined;
  readonly declineCode: string | undefined;
  /** The `Request-Id` response header: quote it to Stripe support. */
  readonly requestId: string | undefined;
  /** Response headers. */
  readonly headers: Headers | undefined;
  /** The error object as the API sent it. */
  readonly raw: RawApiError | undefined;

  constructor(message: string, init: ApiErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    const raw = init.raw;
    this.status = init.status;
    this.type = text(raw?.type);
    this.code = text(raw?.code);
    this.param = text(raw?.param);
    this.docUrl = text(raw?.doc_url);
    this.declineCode = text(raw?.decline_code);
    this.requestId = init.headers?.get('request-id') ?? undefined;
    this.headers = init.headers;
    this.raw = raw;
  }
}

/** 402 / `card_error`: the card was declined or can't be charged. */
export class CardError extends ApiError {
  override name = 'CardError';
}
/** 400, 404 / `invalid_request_error`: bad parameters or unknown object. */
export class InvalidRequestError extends ApiError {
  override name = 'InvalidRequestError';
}
/** 401 / `authentication_error`: missing or wrong API key. */
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
}
/** 403: the key may not do this. */
export class PermissionError extends ApiError {
  override name = 'PermissionError';
}
/** 429 / `rate_limit_error`: too many requests. */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
}
/** `idempotency_error`: an Idempotency-Key was reused with different parameters. */
export class IdempotencyError extends ApiError {
  override name = 'IdempotencyError';
}
/** 5xx / `api_error`, or a response that can't be read: the problem is on the server's side. */
export class ServerError extends ApiError {
  override name = 'ServerError';
}
/** No usable response: network failure or timeout. `status` is undefined. */
export class ConnectionError extends ApiError {
  override name = 'ConnectionError';
}

type ErrorClass = new (message: string, init?: ApiErrorInit) => ApiError;

const BY_TYPE: Readonly<Record<string, ErrorClass>> = {
  card_error: CardError,
  invalid_request_error: InvalidRequestError,
  authentication_error: AuthenticationError,
  rate_limit_error: RateLimitError,
  idempotency_error: IdempotencyError,
  api_error: ServerError,
};

/**
 * The one place that decides an error's class. Like stripe-node, 401, 403 and 429 win over `error.type`;
 * otherwise the type decides, and without a known type the status does (402 card, other 4xx invalid
 * request, 5xx server). `body` is the parsed JSON body, or the raw text when it wasn't JSON.
 */
export function errorFromResponse(status: number, headers: Headers, body: unknown): ApiError {
  let raw: RawApiError | undefined;
  let message: string;
  if (typeof body === 'string') {
    const snippet = body.length > 200 ? body.slice(0, 200) + '…' : body;
    message = `The API answered ${status} with a body that is not JSON: ${snippet}`;
  } else {
    const err = (body as { error?: unknown; error_description?: unknown } | null)?.error;
    // OAuth endpoints answer `{ error: 'invalid_grant', error_description }`; give it the usual shape.
    raw = typeof err === 'string' ? { type: err, message: text((body as { error_description?: unknown }).error_description) ?? err } : err !== null && typeof err === 'object' ? (err as RawApiError) : undefined;
    message = text(raw?.message) ?? `The API answered ${status}`;
  }
  const init = { status, headers, raw };
  const type = text(raw?.type);
  const Class =
    status === 401 ? AuthenticationError
    : status === 403 ? PermissionError
    : status === 429 ? RateLimitError
    : (type !== undefined && Object.hasOwn(BY_TYPE, type) ? BY_TYPE[type] : undefined) ??
      (status === 402 ? CardError : status >= 500 ? ServerError : status >= 400 ? InvalidRequestError : ApiError);
  return new Class(message, init);
}
