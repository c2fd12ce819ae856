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

export async function openSession(server: string, replies: readonly Reply[]): Promise<Session> {
  const id = crypto.randomUUID();
  const control = server + CONTROL_PREFIX + id;
  const opened = await fetch(control, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(replies) });
  if (!opened.ok) throw new Error(`could not open a session on ${server}: ${opened.status}`);
  await opened.body?.cancel();
  return {
    baseUrl: server + SESSION_PREFIX + id,
    requests: async () => ((await (await fetch(control)).json()) as { requests: SessionRequest[] }).requests,
  };
}
