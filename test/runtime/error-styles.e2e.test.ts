// Errors keep what the API said, on the wire (a loopback server): each vendor's error shape gives the
// message in its own words, the whole body rides on the error, and the request id comes from the
// header that API uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, bearerAuth, createTransport } from '../../templates/runtime/index.js';
import type { OperationSpec } from '../../templates/runtime/index.js';
import { startCaptureServer, type CaptureServer, type Reply } from '../support/capture-server.js';

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());

const getThing = { method: 'GET', path: '/things/{id}' } as const satisfies OperationSpec;

/** The error a generic client's call rejects with when the server answers `reply`. */
async function failureOf(reply: Reply): Promise<ApiError> {
  // The capture server names every answer's Request-Id; these APIs send none (an empty one counts as none).
  server.reply = () => ({ ...reply, headers: { 'request-id': '', ...reply.headers } });
  const transport = createTransport({ apiKey: 'k', maxRetries: 0 }, { apiVersion: '1', baseUrl: server.baseUrl, auth: { apiKey: bearerAuth }, security: [['apiKey']] });
  return transport.request(getThing, { id: 't1' }, undefined, undefined).then(
    () => { throw new Error('the call succeeded'); },
    (e: unknown) => e as ApiError,
  );
}

describe('errors in the API\'s own words', () => {
  it('RFC 9457 problem+json: "title: detail", the body on the error', async () => {
    const problem = { type: 'https://example.com/probs/not-found', title: 'Not Found', detail: 'No thing t1', status: 404 };
    const e = await failureOf({ status: 404, headers: { 'content-type': 'application/problem+json', 'x-request-id': 'rid-1' }, body: problem });
    expect(e).toMatchObject({ name: 'InvalidRequestError', status: 404, message: 'Not Found: No thing t1', requestId: 'rid-1' });
    expect(e.body).toEqual(problem);
  });

  it("GitHub's 422: its message, then each of its errors; X-GitHub-Request-Id", async () => {
    const body = {
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }, { resource: 'Issue', code: 'custom', message: 'labels are invalid' }],
      documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
    };
    const e = await failureOf({ status: 422, headers: { 'x-github-request-id': 'CAFE:1234' }, body });
    expect(e.message).toBe('Validation Failed ({"resource":"Issue","field":"title","code":"missing_field"}; labels are invalid)');
    expect(e).toMatchObject({ status: 422, requestId: 'CAFE:1234', body });
  });

  it("Twilio's 404: its message and more_info; Twilio-Request-Id", async () => {
    const body = { code: 20404, message: 'The requested resource /Calls/CA1.json was not found', more_info: 'https://www.twilio.com/docs/errors/20404', status: 404 };
    const e = await failureOf({ status: 404, headers: { 'twilio-request-id': 'RQ123' }, body });
    expect(e.message).toBe('The requested resource /Calls/CA1.json was not found (https://www.twilio.com/docs/errors/20404)');
    expect(e).toMatchObject({ requestId: 'RQ123', body });
  });

  it("OpenAI's { error: { message } } and Clerk's errors list", async () => {
    expect((await failureOf({ status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } } })).message).toBe('Incorrect API key provided');
    const clerk = { errors: [{ message: 'not found', long_message: 'No user was found with id user_1', code: 'resource_not_found' }] };
    expect((await failureOf({ status: 404, body: clerk })).message).toBe('No user was found with id user_1');
  });

  it('a body that is not JSON is on the error as text', async () => {
    const e = await failureOf({ status: 503, headers: { 'content-type': 'text/html' }, body: '<h1>down</h1>' });
    expect(e).toMatchObject({ name: 'ServerError', body: '<h1>down</h1>', message: 'The API answered 503 with a body that is not JSON: <h1>down</h1>' });
  });

  it("a body without words gives the status; Stripe's Request-Id is read too", async () => {
    const e = await failureOf({ status: 500, headers: { 'request-id': 'req_9' }, body: { unexpected: true } });
    expect(e).toMatchObject({ message: 'The API answered 500', body: { unexpected: true }, requestId: 'req_9' });
  });
});
