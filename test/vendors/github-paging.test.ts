// A GitHub user's first loop: a client generated from GitHub's own description (`@octokit/openapi`,
// the issues operations only, to keep the run short) names the method as Octokit does and pages
// `issues.listForRepo` with `for await` by the `Link` header, as api.github.com sends it, against a
// loopback server. No flag or extension: the description's `Link` response header says so.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFiles } from '../../generator/generate.js';
import { githubSpec } from '../corpus/documents.js';
import { startCaptureServer, type CaptureServer } from '../support/capture-server.js';
import { scratchDir } from '../support/paths.js';

interface Issue { readonly number: number; readonly title: string }
interface IssuesClient {
  issues: { listForRepo(owner: string, repo: string, params?: object): AsyncIterable<Issue> & Promise<Issue[]> };
}

let server: CaptureServer;
let createClient: (options: object) => IssuesClient;
let pagination: unknown;
let profile = '';

beforeAll(async () => {
  const { files, model } = await generateFiles(githubSpec(), { include: ['/repos/*/*/issues'] });
  pagination = model.operations.find((o) => o.operationId === 'issues/list-for-repo')?.pagination;
  profile = model.profile;
  const dir = scratchDir('github-paging');
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.contents);
  }
  ({ createClient } = (await import(join(dir, 'index.ts'))) as { createClient: typeof createClient });
  server = await startCaptureServer();
}, 120_000);
afterAll(() => server?.close());

describe("GitHub's issues, paged by Link", () => {
  it('the model records the style it found: Link header, the answer is the array of issues', () => {
    expect(pagination).toMatchObject({ style: 'link', source: 'detected', item: { kind: 'ref' } });
    expect(pagination).not.toHaveProperty('items');
  });

  it('for await walks every page the Link header names, with the token on each request', async () => {
    const issues = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ number: from + i, title: `Issue ${from + i}` }));
    const base = '/repos/octocat/hello-world/issues';
    const at = (query: string) => `${server.baseUrl}${base}?${query}`;
    server.reply = (req) => {
      const page = new URLSearchParams(req.query).get('page') ?? '1';
      const last = `<${at('per_page=3&state=open&page=3')}>; rel="last"`;
      if (page === '1') return { headers: { link: `<${at('per_page=3&state=open&page=2')}>; rel="next", ${last}` }, body: issues(1, 3) };
      if (page === '2') return { headers: { link: `<${at('per_page=3&state=open&page=1')}>; rel="prev", <${at('per_page=3&state=open&page=3')}>; rel="next", ${last}` }, body: issues(4, 6) };
      return { headers: { link: `<${at('per_page=3&state=open&page=2')}>; rel="prev", <${at('per_page=3&state=open&page=1')}>; rel="first"` }, body: issues(7, 8) };
    };
    // Octokit's option: GitHub's profile sends it as a bearer token, though the spec declares no scheme.
    const github = createClient({ auth: 'ghp_token', baseUrl: server.baseUrl, maxRetries: 0 });
    const titles: string[] = [];
    for await (const issue of github.issues.listForRepo('octocat', 'hello-world', { per_page: 3, state: 'open' })) titles.push(issue.title);
    expect(titles).toEqual(Array.from({ length: 8 }, (_, i) => `Issue ${i + 1}`));
    expect(server.requests.map((r) => r.url)).toEqual([`${base}?per_page=3&state=open`, `${base}?per_page=3&state=open&page=2`, `${base}?per_page=3&state=open&page=3`]);
    expect(new Set(server.requests.map((r) => r.headers.authorization))).toEqual(new Set(['Bearer ghp_token']));
  });

  it('without a token, public data: the same call sends no Authorization', async () => {
    expect(profile).toBe('github');
    server.requests.length = 0;
    server.reply = () => ({ body: [] });
    await createClient({ baseUrl: server.baseUrl, maxRetries: 0 }).issues.listForRepo('octocat', 'hello-world');
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([undefined]);
  });
});
