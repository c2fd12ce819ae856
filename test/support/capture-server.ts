// A node:http server on 127.0.0.1 that records every request it receives and answers with
// whatever the test scripts: the wire, seen from the other end. It can also be slow (timeouts),
// hang up without answering (network failures), stream an answer in pieces (event streams) and
// answer CORS (pages served from elsewhere).
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  readonly method: string;
  /** Path and query exactly as sent. */
  readonly url: string;
  readonly path: string;
  readonly query: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface Reply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** Wait this long before answering (a client that gave up by then gets nothing). */
  readonly delayMs?: number;
  /**
   * Send the status and headers, then close the connection halfway through the body: a network
   * failure that no fetch retries by itself (closing before answering, most do on their own).
   */
  readonly cutOff?: boolean;
  /**
   * Write the body in these pieces instead, a pause apart, so the client reads them as they come
   * (an event stream); `open` leaves the answer unfinished after the last, for the client to stop.
   */
  readonly pieces?: readonly string[];
  readonly open?: boolean;
}

export interface CaptureServerOptions {
  /**
   * Answer as an API open to any origin: preflights (not recorded) allow every method and
   * requested header, and every answer lets the page read all its headers.
   */
  readonly cors?: boolean;
}

export interface CaptureServer {
  readonly baseUrl: string;
  readonly requests: CapturedRequest[];
  /** Decides each answer; the default is `200 {}`. */
  reply: (request: CapturedRequest) => Reply;
  close(): Promise<void>;
}

const CORS_HEADERS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': '*' };

export async function startCaptureServer(options: CaptureServerOptions = {}): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const state: CaptureServer = {
    baseUrl: '',
    requests,
    reply: () => ({ body: {} }),
    close: () =>
      new Promise<void>((resolve) => {
        // Slow answers still pending must not hold the test run open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    if (options.cors && req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.writeHead(204, {
        ...CORS_HEADERS,
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '';
      const at = url.indexOf('?');
      const captured: CapturedRequest = {
        method: req.method ?? '',
        url,
        path: at === -1 ? url : url.slice(0, at),
        query: at === -1 ? '' : url.slice(at + 1),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(captured);
      const reply = state.reply(captured);
      const answer = () => {
        if (res.destroyed) return;
        const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, {
          'content-type': 'application/json',
          'request-id': `req_${requests.length}`,
          ...(options.cors ? CORS_HEADERS : {}),
          ...reply.headers,
          ...(reply.cutOff ? { 'content-length': String(body.length + 1) } : {}),
        });
        if (reply.pieces) writePieces(res, reply.pieces, !reply.open);
        else if (!reply.cutOff) res.end(body);
        else res.write(body, () => res.socket?.destroy());
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs).unref();
      else answer();
    });
  });
  /** Each piece after the last was written and a pause, then the end unless the answer stays open. */
  const writePieces = (res: ServerResponse, pieces: readonly string[], end: boolean, i = 0): void => {
    if (res.destroyed) return;
    if (i === pieces.length) {
      if (end) res.end();
      return;
    }
    res.write(pieces[i], () => setTimeout(() => writePieces(res, pieces, end, i + 1), 20).unref());
  };
  // Node's default keep-alive (5 s), not a short one: a client reusing a connection the server has
  // just closed gets ECONNRESET (Bun does not retry it), and close() ends open connections anyway.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, { baseUrl: `http://127.0.0.1:${port}` });
}
