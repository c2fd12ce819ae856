// One factory picks the error class from the status (and, for a vendor, its error object); every
// field survives. Stripe's additions are tested in stripe-errors.test.ts.
import { describe, expect, it } from 'vitest';
import {
  ApiError, AuthenticationError, InvalidRequestError, PermissionError, RateLimitError, ServerError, errorFromResponse,
} from '../../templates/runtime/errors.js';

const headers = new Headers({ 'request-id': 'req_123', 'content-type': 'application/json' });

describe('one factory picks the error class from the status', () => {
  it.each([
    [400, InvalidRequestError],
    [404, InvalidRequestError],
    [409, InvalidRequestError],
    [401, AuthenticationError],
    [403, PermissionError],
    [429, RateLimitError],
    [500, ServerError],
    [503, ServerError],
    [302, ApiError],
  ])('status %i is a %O', (status, Class) => {
    const e = errorFromResponse(status, headers, { error: { message: 'm' } });
    expect(e).toBeInstanceOf(Class);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe(Class.name);
  });

  it('the message, the request id, the headers and the error object as sent survive', () => {
    const raw = { message: 'No such widget: w_1', code: 'not_found', detail: { id: 'w_1' } };
    const e = errorFromResponse(404, headers, { error: raw });
    expect(e).toMatchObject({ name: 'InvalidRequestError', status: 404, message: 'No such widget: w_1', requestId: 'req_123' });
    expect(e.raw).toEqual(raw);
    expect(e.headers?.get('content-type')).toBe('application/json');
  });

  it('an HTML 502 page becomes a ServerError quoting the start of the body', () => {
    const html = '<html><head><title>502 Bad Gateway</title></head><body>' + 'x'.repeat(500) + '</body></html>';
    const e = errorFromResponse(502, headers, html);
    expect(e).toBeInstanceOf(ServerError);
    expect(e.message).toBe(`The API answered 502 with a body that is not JSON: ${html.slice(0, 200)}…`);
    expect(e.raw).toBeUndefined();
    expect(e.requestId).toBe('req_123');
  });

  it('JSON without an error object still gets a class and a message from the status', () => {
    const e = errorFromResponse(500, new Headers(), { unexpected: true });
    expect(e).toBeInstanceOf(ServerError);
    expect(e.message).toBe('The API answered 500');
    expect([e.raw, e.requestId]).toEqual([undefined, undefined]);
  });

  it('a generic error has no vendor fields and no vendor classes: a 402 is an invalid request', () => {
    const e = errorFromResponse(402, headers, { error: { type: 'card_error', code: 'card_declined', message: 'Declined' } });
    expect(e.name).toBe('InvalidRequestError');
    expect(Object.keys(e).sort()).toEqual(['body', 'headers', 'name', 'raw', 'requestId', 'status']);
  });

  it('a style reads the error object, a class and extra fields', () => {
    const e = errorFromResponse(418, headers, { problem: { message: 'short and stout' } }, (body, status) => {
      const raw = (body as { problem: { message: string } }).problem;
      return { raw, Class: status === 418 ? ApiError : undefined, fields: { shout: raw.message.toUpperCase() } };
    });
    expect(e).toMatchObject({ name: 'ApiError', status: 418, message: 'short and stout', shout: 'SHORT AND STOUT' });
    expect(e.raw).toEqual({ message: 'short and stout' });
  });

  it('401, 403 and 429 win over what a style would choose; the status decides what it leaves open', () => {
    const server = () => ({ Class: ServerError });
    expect(errorFromResponse(401, headers, {}, server)).toBeInstanceOf(AuthenticationError);
    expect(errorFromResponse(403, headers, {}, server)).toBeInstanceOf(PermissionError);
    expect(errorFromResponse(429, headers, {}, server)).toBeInstanceOf(RateLimitError);
    expect(errorFromResponse(400, headers, {}, server)).toBeInstanceOf(ServerError);
    expect(errorFromResponse(400, headers, { error: { message: 'm' } }, () => ({}))).toMatchObject({ name: 'InvalidRequestError', message: 'The API answered 400', raw: undefined });
  });

  it('a JSON null body is read without throwing', () => {
    expect(errorFromResponse(500, headers, null)).toMatchObject({ name: 'ServerError', message: 'The API answered 500' });
  });
});
