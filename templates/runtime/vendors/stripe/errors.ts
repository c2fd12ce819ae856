// Stripe's errors: the `error` object's type, code, param, doc URL and decline code, the classes
// `error.type` selects (CardError and IdempotencyError are Stripe's own), and the OAuth endpoints'
// `{ error, error_description }`.
import {
  AuthenticationError,
  InvalidRequestError,
  RateLimitError,
  ServerError,
  errorClass,
  errorObjectOf,
  textOf,
  type ErrorClass,
  type ErrorStyle,
} from '../../errors.js';

// Declared on the runtime's own types, so that only a client shipping this module has them.
declare module '../../errors.js' {
  /** Stripe's `error` object (https://docs.stripe.com/api/errors). */
  interface RawApiError {
    readonly type?: string;
    readonly code?: string;
    readonly param?: string;
    readonly doc_url?: string;
    readonly decline_code?: string;
  }
  interface ApiError {
    /** Stripe's `error.type`, e.g. `card_error`. */
    readonly type: string | undefined;
    readonly code: string | undefined;
    readonly param: string | undefined;
    readonly docUrl: string | undefined;
    readonly declineCode: string | undefined;
  }
}

/** 402 / `card_error`: the card was declined or can't be charged. */
export const CardError: ErrorClass<'CardError'> = errorClass('CardError');
export type CardError = InstanceType<typeof CardError>;
/** `idempotency_error`: an Idempotency-Key was reused with different parameters. */
export const IdempotencyError: ErrorClass<'IdempotencyError'> = errorClass('IdempotencyError');
export type IdempotencyError = InstanceType<typeof IdempotencyError>;

/** The class each `error.type` selects (a Map: a type such as `constructor` must find nothing). */
const BY_TYPE = new Map<unknown, ErrorClass>([
  ['card_error', CardError],
  ['invalid_request_error', InvalidRequestError],
  ['authentication_error', AuthenticationError],
  ['rate_limit_error', RateLimitError],
  ['idempotency_error', IdempotencyError],
  ['api_error', ServerError],
]);

/**
 * How Stripe's failed responses read. Like stripe-node, 401, 403 and 429 win over `error.type`
 * (errorFromResponse sees to that); otherwise the type decides, and without a known type 402 is a
 * card error.
 */
export const stripeErrors: ErrorStyle = (body, status) => {
  const { error, error_description } = (body ?? {}) as {
    error?: unknown;
    error_description?: unknown;
  };
  // OAuth endpoints answer `{ error: 'invalid_grant', error_description }`; give it the usual shape.
  const raw =
    typeof error === 'string'
      ? { type: error, message: textOf(error_description) ?? error }
      : errorObjectOf(body);
  return {
    raw,
    Class: BY_TYPE.get(raw?.type) ?? (status === 402 ? CardError : undefined),
    fields: {
      type: textOf(raw?.type),
      code: textOf(raw?.code),
      param: textOf(raw?.param),
      docUrl: textOf(raw?.doc_url),
      declineCode: textOf(raw?.decline_code),
    },
  };
};
