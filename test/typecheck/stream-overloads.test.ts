// OpenAI-style `stream: true` overloads, as a user meets them: a client of the event-stream fixture
// (a chat completion that answers JSON, or its chunks as Server-Sent Events when asked) used with
// `stream: true`, without it, and with a boolean. The literal picks the result's type (the chunks'
// schema, or the completion) under TypeScript 5.9 and 7; reading a chunk's field on the completion,
// or iterating the completion, does not compile; and the same code runs against a loopback server
// that streams only when asked.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/paths.js';
import { COMPILERS, typecheck, type CompilerName } from '../support/typecheck.js';
import { typecheckWithMistakes, usageProject } from '../support/usage-check.js';

const USAGE = fixture('typecheck/stream-overloads-usage.ts.txt');
let project: string;

beforeAll(async () => {
  project = await usageProject('event-stream', USAGE);
});

describe.each(Object.keys(COMPILERS) as CompilerName[])('under %s', (compiler) => {
  it('`stream: true` is the chunks, without it the completion, a boolean either: no diagnostics', () => {
    const result = typecheck(project, compiler);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('the completion is not iterable and has no chunk fields (the check can fail)', () => {
    const mistakes = [
      ["create({ model: 'm', stream: true })) out.push", "create({ model: 'm' })) out.push"],
      ['out.push(completion.id, unstreamed.id)', 'out.push(completion.id, unstreamed.delta ?? "")'],
    ] as const;
    const result = typecheckWithMistakes(project, compiler, USAGE, mistakes);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Type 'Completion' must have a '\[Symbol\.asyncIterator\]\(\)' method/);
    expect(result.output).toMatch(/Property 'delta' does not exist on type 'Completion'/);
  });
});

describe('the same code on the wire', () => {
  let server: Server;
  let baseUrl: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if ((JSON.parse(body) as { stream?: boolean }).stream !== true) {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"cmpl-1"}');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end('data: {"id":"c1","delta":"Hel"}\n\ndata: {"id":"c1","delta":"lo"}\n\ndata: [DONE]\n\n');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

  it('streams only when asked, and each answer is what its type says', async () => {
    const { chat } = (await import(join(project, 'usage.ts'))) as { chat: (baseUrl: string, stream: boolean) => Promise<string[]> };
    expect(await chat(baseUrl, true)).toEqual(['Hel', 'lo', 'cmpl-1', 'cmpl-1', 'chunk c1', 'chunk c1']);
    expect(await chat(baseUrl, false)).toEqual(['Hel', 'lo', 'cmpl-1', 'cmpl-1', 'json cmpl-1']);
  });
});
