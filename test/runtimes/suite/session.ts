// The runtime side of the capture server's scripted sessions: script the answers, call, read back
// what the server received (see test/support/scripted-sessions.ts for the other side).
import type { Reply } from '../../support/capture-server.js';
import { CONTROL_PREFIX, SESSION_PREFIX, type SessionRequest } from '../../support/scripted-sessions.js';

export interface Session {
  /** Give this to a client as its baseUrl. */
  readonly baseUrl: string;
  /** Every request the session received so far, in order. */
  requests(): Promise<SessionRequest[]>;
}

/** A session's answers, or a function giving them from its base URL (for answers that link to it). */
export type Replies = readonly Reply[] | ((baseUrl: string) => readonly Reply[]);

export async function openSession(server: string, replies: Replies): Promise<Session> {
  const id = crypto.randomUUID();
  const control = server + CONTROL_PREFIX + id;
  const baseUrl = server + SESSION_PREFIX + id;
  const scripted = typeof replies === 'function' ? replies(baseUrl) : replies;
  const opened = await fetch(control, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scripted) });
  if (!opened.ok) throw new Error(`could not open a session on ${server}: ${opened.status}`);
  await opened.body?.cancel();
  return {
    baseUrl,
    requests: async () => ((await (await fetch(control)).json()) as { requests: SessionRequest[] }).requests,
  };
}
