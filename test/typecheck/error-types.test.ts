// Typed error bodies, as a user meets them: a client of the error-answers fixture (GitHub's 422
// ValidationError and 403/404 BasicError, a `4XX` range, a problem+json `default`, a text 503)
// used by code that narrows a caught value with `isApiError<typeof client.issues.create>` and
// then reads `body` by `status`, with no cast. That code compiles under TypeScript 5.9 and 7 with
// the strictest settings, the same code with a wrong field does not, and it runs against a
// loopback server that answers each status the way GitHub does.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/paths.js';
import { COMPILERS, typecheck, type CompilerName } from '../support/typecheck.js';
import { typecheckWithMistakes, usageProject } from '../support/usage-check.js';

const USAGE = fixture('typecheck/error-types-usage.ts.txt');
let project: string;

beforeAll(async () => {
  project = await usageProject('error-answers', USAGE);
});

describe.each(Object.keys(COMPILERS) as CompilerName[])('under %s', (compiler) => {
  it('checking status types the body: no cast, no diagnostics', () => {
    const result = typecheck(project, compiler);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it("a field the status's body lacks is an error (the check can fail)", () => {
    const mistakes = [
      // 404's body is BasicError: it has no `errors`.
      ['${error.body.message ?? \'\'} ${error.body.documentation_url', "${error.body.message ?? ''} ${error.body.errors"],
      // 422's is ValidationError: no `detail`.
      ['invalid: ${error.body.message}', 'invalid: ${error.body.detail}'],
      // Any other status: the body is unknown.
      ['JSON.stringify(error.body)', 'error.body.message'],
    ] as const;
    const result = typecheckWithMistakes(project, compiler, USAGE, mistakes);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/Property 'errors' does not exist on type 'BasicError'/);
    expect(result.output).toMatch(/Property 'detail' does not exist on type 'ValidationError'/);
    expect(result.output).toMatch(/'error\.body' is of type 'unknown'/);
  });
});

describe('the same code on the wire', () => {
  let server: Server;
  let baseUrl: string;
  type Usage = {
    createIssue(baseUrl: string, title: string): Promise<string>;
    listIssues(baseUrl: string): Promise<string>;
    fetchPet(baseUrl: string, id: string): Promise<string>;
  };
  let usage: Usage;
  const documentation_url = 'https://docs.github.com/rest/issues/issues#create-an-issue';
  /** Answers by path and, for issues, by the title sent: each status as GitHub (or a problem+json API) sends it. */
  const answers: Record<string, [number, string, string]> = {
    bad: [422, 'application/json', JSON.stringify({ message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }], documentation_url })],
    gone: [410, 'application/json; charset=utf-8', JSON.stringify({ message: 'Issues are disabled for this repo', documentation_url })],
    busy: [503, 'text/plain', 'Service Unavailable\n'],
    boom: [500, 'application/json', JSON.stringify({ message: 'Server Error' })],
    ok: [201, 'application/json', JSON.stringify({ id: 7, title: 'ok' })],
    '/repos/octo/hello/issues': [418, 'application/json', JSON.stringify({ message: "I'm a teapot" })],
    '/pets/p1': [404, 'application/problem+json', JSON.stringify({ title: 'Not Found', detail: 'No pet p1', status: 404 })],
  };

  beforeAll(async () => {
    usage = (await import(join(project, 'usage.ts'))) as Usage;
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const key = req.method === 'POST' ? (JSON.parse(body) as { title: string }).title : (req.url ?? '').split('?')[0]!;
        const [status, type, text] = answers[key] ?? [599, 'text/plain', 'unscripted'];
        res.writeHead(status, { 'content-type': type, 'x-github-request-id': 'CAFE:1' }).end(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

  it('each status is read by its own branch, from the body the server sent', async () => {
    expect(await usage.createIssue(baseUrl, 'ok')).toBe('created #7');
    expect(await usage.createIssue(baseUrl, 'bad')).toBe('invalid: Validation Failed (title missing_field)');
    expect(await usage.createIssue(baseUrl, 'gone')).toBe(`410: Issues are disabled for this repo ${documentation_url}`);
    expect(await usage.createIssue(baseUrl, 'busy')).toBe('unavailable: Service Unavailable');
    expect(await usage.createIssue(baseUrl, 'boom')).toBe('other 500: {"message":"Server Error"}');
    expect(await usage.listIssues(baseUrl)).toBe('client error 418');
    expect(await usage.fetchPet(baseUrl, 'p1')).toBe('404 Not Found: No pet p1');
  });

  it('a call that gets no answer has no status', async () => {
    expect(await usage.createIssue('http://127.0.0.1:9', 'ok')).toMatch(/^other no answer: undefined$/);
  });
});
