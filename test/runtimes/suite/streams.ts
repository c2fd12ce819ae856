// Server-Sent Events as the runtimes read them: a feed streamed in pieces read to its end (events
// split across reads, a comment, CRLF line ends, a multi-line event), and a chat completion
// (`stream: true`, OpenAI's) aborted mid-stream, which ends the loop with the signal's reason.
import { equal, ok, rejection } from './check.js';
import type { Behaviour } from './context.js';

const EVENT_STREAM = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' };

export const STREAMS: readonly Behaviour[] = [
  {
    name: 'event stream, read to its end',
    async run({ session, vendors }) {
      const s = await session([
        {
          headers: EVENT_STREAM,
          pieces: [': connected\n\n', 'event: update\ndata: {"kind":"cre', 'ated"}\r\n\r\n', 'data: {"kind":\ndata: "upd', 'ated"}\n\nid: 3\ndata: {"kind":"deleted"}\n\n'],
        },
      ]);
      const feed = vendors.streams.createClient({ baseUrl: s.baseUrl, maxRetries: 0 });
      const kinds: string[] = [];
      for await (const event of await feed.events.retrieve()) kinds.push(event.kind);
      equal(kinds, ['created', 'updated', 'deleted'], 'the events, in order');
      const sent = (await s.requests()).map((r) => [r.method, r.path, r.headers['accept']]);
      equal(sent, [['GET', '/events', 'text/event-stream']], 'method, path, accept');
    },
  },
  {
    name: 'event stream, aborted mid-stream',
    async run({ session, vendors }) {
      const chunk = (delta: string) => `data: {"id":"c1","delta":"${delta}"}\n\n`;
      // The server never ends this answer: only the abort stops the loop.
      const s = await session([{ headers: EVENT_STREAM, pieces: [chunk('Hel'), chunk('lo')], open: true }]);
      const chat = vendors.streams.createClient({ baseUrl: s.baseUrl, maxRetries: 0 });
      const controller = new AbortController();
      const stream = await chat.chat.completions.create({ model: 'm1', stream: true }, { signal: controller.signal });
      ok(typeof stream === 'object' && stream !== null && Symbol.asyncIterator in stream, 'a stream, not a completion');
      const deltas: string[] = [];
      const reason = await rejection(
        (async () => {
          for await (const c of stream as AsyncIterable<{ delta: string }>) {
            deltas.push(c.delta);
            controller.abort(new Error('the user stopped it'));
          }
        })(),
        'the loop after the abort',
      );
      equal(deltas, ['Hel'], 'the deltas read before the abort');
      equal(reason instanceof Error && reason.message, 'the user stopped it', "the loop's rejection");
      const sent = (await s.requests()).map((r) => [r.method, r.path, r.body]);
      equal(sent, [['POST', '/chat/completions', '{"model":"m1","stream":true}']], 'method, path, body');
    },
  },
];
