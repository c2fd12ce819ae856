// Server-Sent Events on the wire (a loopback server writing its stream in pieces): events split
// across reads and across CRLF, comments, `retry:`, multi-line data, OpenAI's `[DONE]`, and an abort
// mid-stream that stops the loop with the signal's reason.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerAuth, createTransport } from '../../templates/runtime/index.js';
import type { OperationSpec } from '../../templates/runtime/index.js';
import { eventStream, serverSentEvents } from '../../templates/runtime/sse.js';

let server: Server;
let baseUrl = '';
let script: (res: ServerResponse) => void = (res) => res.end();
beforeAll(async () => {
  server = createServer((_req, res) => script(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Answers with `pieces`, each written after a pause so that the client reads them apart. */
const streams = (pieces: string[], end = true) => (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  let i = 0;
  const next = () => {
    if (res.destroyed) return;
    if (i < pieces.length) res.write(pieces[i++], () => setTimeout(next, 15));
    else if (end) res.end();
  };
  next();
};
const chat = { method: 'POST', path: '/chat/completions', events: eventStream } as const satisfies OperationSpec;
const client = () => createTransport({ apiKey: 'k' }, { apiVersion: '1', baseUrl, auth: { apiKey: bearerAuth }, security: [['apiKey']] });

describe('an event stream, as OpenAI streams a chat completion', () => {
  it('yields each chunk parsed, across split reads and CRLF, skipping comments, until [DONE]', async () => {
    script = streams([': keep-alive\r\n\r\n', 'data: {"id":"c1","choices":[{"delta":{"content":"Hel', 'lo"}}]}\r', '\n\r\ndata: {"id":"c1","choices":[{"delta":{"content":"!"}}]}\n\n', 'data: [DONE]\n\n', 'data: {"after":"done"}\n\n']);
    const stream = (await client().request<AsyncIterable<{ choices: { delta: { content: string } }[] }>>(chat, {}, { stream: true }, undefined)) as AsyncIterable<{ choices: { delta: { content: string } }[] }>;
    const text: string[] = [];
    for await (const chunk of stream) text.push(chunk.choices[0]!.delta.content);
    expect(text).toEqual(['Hello', '!']);
  });

  it('keeps event names, ids, retry and multi-line data as sent (an event feed)', async () => {
    script = streams(['event: update\nid: 7\nretry: 3000\ndata: line one\ndata: line two\n\n', 'data: plain\n\n', 'data: unfinished']);
    const res = await fetch(baseUrl + '/feed');
    const events = [];
    for await (const e of serverSentEvents(res.body!)) events.push(e);
    expect(events).toEqual([
      { event: 'update', data: 'line one\nline two', id: '7', retry: 3000 },
      { event: 'message', data: 'plain', id: '7', retry: 3000 },
    ]);
  });

  it('an abort mid-stream stops the loop with the signal reason', async () => {
    script = streams(['data: 1\n\n', 'data: 2\n\n'], false);
    const controller = new AbortController();
    const stream = (await client().request<AsyncIterable<number>>(chat, {}, {}, { signal: controller.signal })) as AsyncIterable<number>;
    const seen: number[] = [];
    const done = (async () => {
      for await (const n of stream) {
        seen.push(n);
        if (n === 2) controller.abort(new Error('user stopped'));
      }
    })();
    await expect(done).rejects.toThrow('user stopped');
    expect(seen).toEqual([1, 2]);
  });

  it('an abort stops the loop even when the next event came in the same read', async () => {
    script = streams(['data: 1\n\ndata: 2\n\ndata: 3\n\n'], false);
    const controller = new AbortController();
    const stream = (await client().request<AsyncIterable<number>>(chat, {}, {}, { signal: controller.signal })) as AsyncIterable<number>;
    const seen: number[] = [];
    const done = (async () => {
      for await (const n of stream) {
        seen.push(n);
        controller.abort(new Error('user stopped'));
      }
    })();
    await expect(done).rejects.toThrow('user stopped');
    expect(seen).toEqual([1]);
  });

  it('an answer that is not an event stream is read as usual', async () => {
    script = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"c2"}');
    expect(await client().request(chat, {}, { stream: false }, undefined)).toEqual({ id: 'c2' });
  });
});
