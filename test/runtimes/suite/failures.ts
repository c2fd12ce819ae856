// When things go wrong: retries that keep their idempotency key, timeouts, aborts, and the error
// class each kind of failure becomes.
import {
  ApiError,
  AuthenticationError,
  CardError,
  ConnectionError,
  IdempotencyError,
  InvalidRequestError,
  PermissionError,
  RateLimitError,
  ServerError,
} from '../../../generated/index.js';
import type { Reply } from '../../support/capture-server.js';
import { equal, matches, ok, rejection } from './check.js';
import { stripeOn, type Behaviour } from './context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Longer than any call here waits: an answer this slow never arrives in time. */
const NEVER_MS = 10_000;
const busy: Reply = { status: 503, body: { error: { type: 'api_error', message: 'busy, try again' } } };
const params = { account_holder: { type: 'customer' as const, customer: 'cus_1' }, permissions: ['balances' as const] };

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError' && !(error instanceof ApiError);

export const FAILURES: readonly Behaviour[] = [
  {
    name: 'retries, same idempotency key',
    async run({ session }) {
      const s = await session([busy, { body: { id: 'fcsess_2' } }]);
      const created = await stripeOn(s).financialConnections.sessions.create(params, { maxRetries: 2 });
      equal(created.id, 'fcsess_2', 'the answer after the retry');
      const sent = await s.requests();
      equal(sent.length, 2, 'attempts');
      matches(sent[0]!.headers['idempotency-key'], UUID, 'the generated idempotency key');
      equal(sent.map((r) => [r.headers['idempotency-key'], r.body]), [0, 1].map(() => [sent[0]!.headers['idempotency-key'], sent[0]!.body]), 'key and body on each attempt');

      // The server can forbid a retry.
      const refused = await session([{ ...busy, headers: { 'stripe-should-retry': 'false' } }]);
      const error = await rejection(stripeOn(refused).financialConnections.sessions.create(params, { maxRetries: 2 }), 'Stripe-Should-Retry: false');
      ok(error instanceof ServerError, `a ServerError, got ${String(error)}`);
      equal((await refused.requests()).length, 1, 'attempts when the server says not to retry');
    },
  },
  {
    name: 'timeout',
    async run({ session }) {
      const s = await session([{ delayMs: NEVER_MS, body: { id: 'late' } }]);
      const error = await rejection(stripeOn(s).financialConnections.accounts.retrieve('fca_1', {}, { timeout: 200 }), 'a slow answer');
      ok(error instanceof ConnectionError, `a ConnectionError, got ${String(error)}`);
      matches((error as ConnectionError).message, /^Request timed out after 200 ms$/, 'the message');
      equal((error as ConnectionError).status, undefined, 'status');

      // A timed-out POST is retried with the same key, and the retry's answer is the result.
      const slowThenFast = await session([{ delayMs: NEVER_MS, body: { id: 'late' } }, { body: { id: 'fcsess_3' } }]);
      const created = await stripeOn(slowThenFast).financialConnections.sessions.create(params, { timeout: 2_000, maxRetries: 1 });
      equal(created.id, 'fcsess_3', 'the answer after the timed-out attempt');
      const keys = (await slowThenFast.requests()).map((r) => r.headers['idempotency-key']);
      equal(keys.length === 2 && keys[0] === keys[1], true, `one key on both attempts (${keys.join(', ')})`);
    },
  },
  {
    name: 'abort',
    async run({ session }) {
      const s = await session([{ delayMs: NEVER_MS, body: { id: 'late' } }]);
      const controller = new AbortController();
      const call = stripeOn(s).financialConnections.accounts.retrieve('fca_1', {}, { signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      const error = await rejection(call, 'an aborted call');
      ok(isAbort(error), `the signal's AbortError, got ${String(error)}`);

      // A signal aborted before the call sends nothing.
      const idle = await session([]);
      const early = await rejection(stripeOn(idle).financialConnections.accounts.retrieve('fca_1', {}, { signal: AbortSignal.abort() }), 'a call with an aborted signal');
      ok(isAbort(early), `the signal's AbortError, got ${String(early)}`);
      equal((await idle.requests()).length, 0, 'requests sent with an aborted signal');
    },
  },
  {
    name: 'error classes',
    async run({ session }) {
      const error = (status: number, type: string, extra: object = {}): Reply => ({ status, body: { error: { type, message: `${type} (${status})`, ...extra } } });
      const cases: { reply: Reply; Class: new (...args: never[]) => ApiError; seen: Partial<ApiError> }[] = [
        { reply: error(400, 'invalid_request_error', { param: 'account' }), Class: InvalidRequestError, seen: { status: 400, param: 'account' } },
        { reply: error(401, 'invalid_request_error'), Class: AuthenticationError, seen: { status: 401 } },
        { reply: error(402, 'card_error', { decline_code: 'insufficient_funds' }), Class: CardError, seen: { status: 402, declineCode: 'insufficient_funds' } },
        { reply: error(403, 'invalid_request_error'), Class: PermissionError, seen: { status: 403 } },
        { reply: error(404, 'invalid_request_error'), Class: InvalidRequestError, seen: { status: 404, message: 'invalid_request_error (404)' } },
        { reply: error(400, 'idempotency_error'), Class: IdempotencyError, seen: { status: 400, type: 'idempotency_error' } },
        { reply: error(429, 'rate_limit_error'), Class: RateLimitError, seen: { status: 429 } },
        { reply: error(500, 'api_error'), Class: ServerError, seen: { status: 500 } },
        {
          reply: { status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad gateway</html>' },
          Class: ServerError,
          seen: { status: 502, message: 'The API answered 502 with a body that is not JSON: <html>Bad gateway</html>' },
        },
        { reply: { cutOff: true }, Class: ConnectionError, seen: { status: undefined, requestId: undefined } },
      ];
      const s = await session(cases.map((c) => c.reply));
      const stripe = stripeOn(s);
      for (const { reply, Class, seen } of cases) {
        const what = `answer ${reply.status ?? 'none'}`;
        const got = await rejection(stripe.financialConnections.accounts.retrieve('fca_1'), what);
        ok(got instanceof Class && got instanceof ApiError, `${what}: a ${Class.name}, got ${String(got)}`);
        const e = got as ApiError;
        equal(e.name, Class.name, `${what}: name`);
        for (const [key, value] of Object.entries(seen)) equal(e[key as keyof ApiError], value, `${what}: ${key}`);
        if (e.status !== undefined) matches(e.requestId, /^req_\d+$/, `${what}: the Request-Id header`);
      }
    },
  },
];
