// Test helper: a scripted stand-in for fetch that records what the runtime sends.

import { vi } from 'vitest';

export interface SentRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | FormData | null;
  readonly signal: AbortSignal;
}

/** A canned Response (cloned per use, so it can repeat), an Error to throw, or a function of the request. */
export type Reply = Response | Error | ((req: SentRequest) => Response | Promise<Response>);

/** Answers call n with replies[n]; the last reply repeats. */
export function fakeFetch(...replies: Reply[]) {
  const calls: SentRequest[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit): Promise<Response> => {
    const req: SentRequest = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: (init.body ?? null) as string | FormData | null,
      signal: init.signal as AbortSignal,
    };
    calls.push(req);
    const reply = replies[Math.min(calls.length, replies.length) - 1];
    if (reply === undefined) throw new Error('fakeFetch: no reply scripted');
    if (reply instanceof Error) throw reply;
    if (typeof reply === 'function') return reply(req);
    return reply.clone();
  });
  return { fetch, calls };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** Never answers; rejects like real fetch (with the signal's reason) when its signal aborts. */
export function hang(req: SentRequest): Promise<Response> {
  return new Promise((_, reject) => {
    req.signal.addEventListener('abort', () => reject(req.signal.reason), { once: true });
  });
}

export const stripeError = (type: string, message: string, extra: Record<string, string> = {}) => ({ error: { type, message, ...extra } });
