// Stripe's errors (vendors/stripe/errors.ts) through the one factory: the class from status and Stripe's
// error.type, and every field of Stripe's error object.
import { describe, expect, it } from 'vitest';
import {
  ApiError, AuthenticationError, InvalidRequestError, PermissionError, RateLimitError, ServerError,
  errorFromResponse as genericErrorFromResponse,
} from '../../templates/runtime/errors.js';
import { CardError, IdempotencyError, stripeErrors } from '../../templates/runtime/vendors/stripe/errors.js';

const errorFromResponse = (status: number, headers: Headers, body: unknown) => genericErrorFromResponse(status, headers, body, stripeErrors);

const headers = new Headers({ 'request-id': 'req_123', 'content-type': 'application/json' });
const body = (error: object) => ({ error });

describe("Stripe's errors: the class from status and error.type", () => {
  it.each([
    [402, 'card_error', CardError],
    [400, 'invalid_request_error', InvalidRequestError],
    [404, 'invalid_request_error', InvalidRequestError],
    [401, 'authentication_error', AuthenticationError],
    [401, 'invalid_request_error', AuthenticationError],
    [403, 'invalid_request_error', PermissionError],
    [429, 'rate_limit_error', RateLimitError],
    [429, 'invalid_request_error', RateLimitError],
    [400, 'idempotency_error', IdempotencyError],
    [409, 'idempotency_error', IdempotencyError],
    [500, 'api_error', ServerError],
    [503, 'something_new', ServerError],
    [402, 'something_new', CardError],
    [409, 'something_new', InvalidRequestError],
    [400, 'card_error', CardError],
    [302, 'something_new', ApiError],
  ])('status %i with type %s is a %O', (status, type, Class) => {
    const e = errorFromResponse(status, headers, body({ type, message: 'm' }));
    expect(e).toBeInstanceOf(Class);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe(Class.name);
  });

  it('a card error carries every field Stripe sent', () => {
    const raw = {
      type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds', param: 'payment_method',
      message: 'Your card has insufficient funds.', doc_url: 'https://stripe.com/docs/error-codes/card-declined',
    };
    const e = errorFromResponse(402, headers, { error: raw });
    expect(e).toMatchObject({
      name: 'CardError', status: 402, type: 'card_error', code: 'card_declined', declineCode: 'insufficient_funds',
      param: 'payment_method', message: 'Your card has insufficient funds.',
      docUrl: 'https://stripe.com/docs/error-codes/card-declined', requestId: 'req_123',
    });
    expect(e.raw).toEqual(raw);
    expect(e.headers?.get('content-type')).toBe('application/json');
  });

  it('fields Stripe left out are undefined', () => {
    const e = errorFromResponse(404, new Headers(), body({ type: 'invalid_request_error', message: 'No such account' }));
    expect([e.code, e.param, e.docUrl, e.declineCode, e.requestId]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('a body that is not JSON is read by status, as with any API, but a 402 is still a card error', () => {
    const html = '<html><body>Bad Gateway</body></html>';
    expect(errorFromResponse(502, headers, html)).toMatchObject({ name: 'ServerError', raw: undefined, type: undefined, requestId: 'req_123' });
    expect(errorFromResponse(402, headers, html)).toMatchObject({ name: 'CardError', message: `The API answered 402 with a body that is not JSON: ${html}` });
  });

  it('JSON without an error object: no error object, the class and message from the status', () => {
    const e = errorFromResponse(500, headers, { unexpected: true });
    expect(e).toMatchObject({ name: 'ServerError', message: 'The API answered 500', raw: undefined });
  });

  it('a JSON null body is read without throwing', () => {
    expect(errorFromResponse(402, headers, null)).toMatchObject({ name: 'CardError', message: 'The API answered 402', type: undefined });
  });

  it('OAuth-style string errors are normalised', () => {
    const e = errorFromResponse(400, headers, { error: 'invalid_grant', error_description: 'Authorization code expired' });
    expect(e).toBeInstanceOf(InvalidRequestError);
    expect(e.type).toBe('invalid_grant');
    expect(e.message).toBe('Authorization code expired');
  });
});
