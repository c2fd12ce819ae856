// Answers of every media type, as a user of a generic client meets them on the wire (a client
// generated from the non-json-responses fixture, against a node:http server on 127.0.0.1): an
// Accept the caller sets is answered in the type the server chose (GitHub's raw media type), an
// answer of any declared type is read by its Content-Type, 204 and empty bodies are undefined, and
// a download behind a redirect (GitHub's tarball: 302 with Location) is a Blob of the bytes at
// the end of the redirect, in their type.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateInto } from '../support/generate-into.js';
import { fixture, scratchDir } from '../support/paths.js';

type Call = (...args: unknown[]) => Promise<unknown>;
type Client = Record<string, Record<string, Call>>;

/** What the server answers, by path; each records the request's Accept. */
type Route = (req: IncomingMessage, res: ServerResponse) => void;
const routes = new Map<string, Route>();
const accepts: string[] = [];
let server: Server;
let baseUrl: string;
let client: Client;

/** A gzip archive's first bytes, not valid UTF-8: text decoding would change them. */
const ARCHIVE = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x80]);

beforeAll(async () => {
  const dir = scratchDir('answer-types');
  await generateInto(fixture('generator/fixtures/non-json-responses/spec.yaml'), dir);
  const { createClient } = (await import(join(dir, 'index.ts'))) as { createClient: (options: object) => Client };
  server = createServer((req, res) => {
    accepts.push(req.headers.accept ?? '');
    const route = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createClient({ baseUrl, maxRetries: 0 });
});
afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

const answer = (status: number, type: string | undefined, body: string | Uint8Array): Route => (_req, res) => {
  res.writeHead(status, type === undefined ? {} : { 'content-type': type }).end(body);
};

describe('a download behind a redirect', () => {
  it('follows the 302 to the bytes and resolves to a Blob of them, in their type', async () => {
    routes.set('/repos/octo/hello/tarball/main', (_req, res) => res.writeHead(302, { location: `${baseUrl}/codeload/octo/hello/main.tar.gz` }).end());
    routes.set('/codeload/octo/hello/main.tar.gz', answer(200, 'application/x-gzip', ARCHIVE));
    const data = await client.repos!.retrieveTarball!('octo', 'hello', 'main');
    expect(data).toBeInstanceOf(Blob);
    expect((data as Blob).type).toBe('application/x-gzip');
    expect(new Uint8Array(await (data as Blob).arrayBuffer())).toEqual(ARCHIVE);
  });

  it('a 303 and a 307 end the same way', async () => {
    for (const status of [303, 307]) {
      routes.set('/repos/octo/hello/tarball/v1', (_req, res) => res.writeHead(status, { location: '/codeload/v1.tar.gz' }).end());
      routes.set('/codeload/v1.tar.gz', answer(200, 'application/octet-stream', ARCHIVE));
      const data = (await client.repos!.retrieveTarball!('octo', 'hello', 'v1')) as Blob;
      expect(new Uint8Array(await data.arrayBuffer())).toEqual(ARCHIVE);
    }
  });
});

describe('an Accept the caller sets', () => {
  it("is answered in the server's type: GitHub's raw media type as a Blob, text as text, +json as JSON", async () => {
    const raw = { headers: { Accept: 'application/vnd.github.raw' } };
    routes.set('/files/f1', answer(200, 'application/vnd.github.raw', ARCHIVE));
    const blob = (await client.files!.retrieve!('f1', raw)) as Blob;
    expect(blob.type).toBe('application/vnd.github.raw');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(ARCHIVE);
    // An operation declared as text, asked for JSON, answered in JSON.
    routes.set('/health', answer(200, 'application/vnd.github+json; charset=utf-8', '{"status":"ok"}'));
    expect(await client.health!.retrieve!({ headers: { accept: 'application/vnd.github+json' } })).toEqual({ status: 'ok' });
    // An operation declared as a PDF, asked for its text.
    routes.set('/invoices/i1/pdf', answer(200, 'text/plain; charset=utf-8', 'Invoice i1: 42 EUR'));
    expect(await client.invoices!.retrievePdf!('i1', { headers: { Accept: 'text/plain' } })).toBe('Invoice i1: 42 EUR');
    expect(accepts.slice(-3)).toEqual(['application/vnd.github.raw', 'application/vnd.github+json', 'text/plain']);
  });
});

describe('an answer of any declared type', () => {
  it('is read by its Content-Type: text as text, JSON parsed, anything else a Blob; asked for with Accept: */*', async () => {
    const replies: [string | undefined, string | Uint8Array, unknown][] = [
      ['text/plain', 'hello', 'hello'],
      ['application/json', '{"id":1}', { id: 1 }],
      ['application/problem+json', '[1,2]', [1, 2]],
      [undefined, '{"untyped":true}', { untyped: true }],
      [undefined, 'plain words', 'plain words'],
    ];
    for (const [type, body, expected] of replies) {
      routes.set('/echo', answer(200, type, body));
      expect(await client.echo!.create!({ text: 'hi' })).toEqual(expected);
      expect(accepts.at(-1)).toBe('*/*');
    }
    routes.set('/echo', answer(201, 'image/png', ARCHIVE));
    const image = (await client.echo!.create!({ text: 'hi' })) as Blob;
    expect(image.type).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(ARCHIVE);
  });

  it('204, 205 and an empty body are undefined, whatever the operation reads', async () => {
    for (const status of [204, 205, 200]) {
      routes.set('/echo', answer(status, 'text/plain', ''));
      routes.set('/reports/r1/csv', answer(status, 'text/csv', ''));
      expect(await client.echo!.create!({ text: 'hi' })).toBeUndefined();
      expect(await client.reports!.retrieveCsv!('r1')).toBeUndefined();
    }
  });
});
