// Lets code running in another runtime script the capture server over HTTP: it posts the answers a
// session should get, makes its calls under that session's base URL, then reads back what arrived.
// Sessions keep concurrent behaviours (and runtimes) apart on one server.
import type { CapturedRequest, Reply } from './capture-server.js';

/** One request as its session saw it: the path without the session's prefix, headers lower-cased. */
export interface SessionRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** `POST {base}/__sessions/{id}` with a JSON `Reply[]` opens a session; `GET` the same URL lists its requests. */
export const CONTROL_PREFIX = '/__sessions/';
/** The session's calls go to `{base}/s/{id}`, used as the client's baseUrl. */
export const SESSION_PREFIX = '/s/';

interface Session {
  readonly replies: Reply[];
  readonly requests: SessionRequest[];
}

/** A CaptureServer `reply` function serving scripted sessions. */
export function scriptedSessions(): (request: CapturedRequest) => Reply {
  const sessions = new Map<string, Session>();
  return (request) => {
    if (request.path.startsWith(CONTROL_PREFIX)) {
      const id = request.path.slice(CONTROL_PREFIX.length);
      if (request.method === 'POST') {
        sessions.set(id, { replies: JSON.parse(request.body) as Reply[], requests: [] });
        return { body: { id } };
      }
      const session = sessions.get(id);
      return session ? { body: { requests: session.requests } } : { status: 404, body: { error: `no session ${id}` } };
    }
    // `/s/{id}/v1/…`: the session's id, then the path its client asked for.
    const [, id, path = '/'] = /^([^/]*)(\/.*)?$/.exec(request.path.slice(SESSION_PREFIX.length)) ?? [];
    const session = request.path.startsWith(SESSION_PREFIX) ? sessions.get(id ?? '') : undefined;
    if (!session) return { status: 404, headers: { 'stripe-should-retry': 'false' }, body: { error: { message: `no session in ${request.path}` } } };
    session.requests.push({
      method: request.method,
      path,
      query: request.query,
      headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])),
      body: request.body,
    });
    return (
      session.replies.shift() ?? {
        status: 500,
        headers: { 'stripe-should-retry': 'false' },
        body: { error: { type: 'api_error', message: `session ${id} was sent more requests than it scripted answers for` } },
      }
    );
  };
}
