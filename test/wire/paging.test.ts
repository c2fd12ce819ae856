// Lists that page in every common style, walked as a user walks them: a client generated from the
// paging-styles fixture against a loopback server that pages the way each API does. Each page
// arrives only as the loop reaches it, with the same auth; the list ends on a last page without a
// next marker, an empty page, a short page or the given total, and a cursor or URL that repeats.
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer, type CapturedRequest, type Reply } from '../support/capture-server.js';
import { generateInto } from '../support/generate-into.js';
import { fixture, scratchDir } from '../support/paths.js';

interface Item { readonly [key: string]: unknown }
interface Lister {
  (...args: unknown[]): AsyncIterable<Item> & Promise<unknown> & { toArray(options: { limit: number }): Promise<Item[]> };
}
type Client = Record<string, Record<string, Lister>>;

let server: CaptureServer;
let client: Client;
let createClient: (options: object) => Client;

beforeAll(async () => {
  const dir = scratchDir('paging-wire');
  await generateInto(fixture('generator/fixtures/paging-styles/spec.yaml'), dir);
  ({ createClient } = (await import(join(dir, 'index.ts'))) as { createClient: typeof createClient });
  server = await startCaptureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  client = createClient({ bearer: 'key_paging', baseUrl: server.baseUrl, maxRetries: 0 });
});

/** Scripts the answers by the request's path and query (`/calls?Page=1`); anything else is a 404. */
function serve(pages: Record<string, Reply>): void {
  server.reply = (req: CapturedRequest) => pages[req.url] ?? { status: 404, body: { message: `no page ${req.url}` } };
}

async function all(list: AsyncIterable<Item>, key: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of list) out.push(item[key]);
  return out;
}

const urls = () => server.requests.map((r) => r.url);

describe('Link header, rel="next" (GitHub)', () => {
  const link = (next: string | null, last: string) =>
    [next && `<${server.baseUrl}${next}>; rel="next"`, `<${server.baseUrl}${last}>; rel="last"`].filter(Boolean).join(', ');

  it('follows each page\'s next link with the same auth, until a page has none', async () => {
    serve({
      '/repos/octocat/issues?per_page=2': { headers: { link: link('/repos/octocat/issues?per_page=2&page=2', '/repos/octocat/issues?per_page=2&page=3') }, body: [{ number: 1 }, { number: 2 }] },
      '/repos/octocat/issues?per_page=2&page=2': { headers: { link: link('/repos/octocat/issues?per_page=2&page=3', '/repos/octocat/issues?per_page=2&page=3') }, body: [{ number: 3 }, { number: 4 }] },
      '/repos/octocat/issues?per_page=2&page=3': { headers: { link: `<${server.baseUrl}/repos/octocat/issues?per_page=2&page=1>; rel="first"` }, body: [{ number: 5 }] },
    });
    expect(await all(client.repos!.listIssues!('octocat', { per_page: 2 }), 'number')).toEqual([1, 2, 3, 4, 5]);
    expect(urls()).toEqual(['/repos/octocat/issues?per_page=2', '/repos/octocat/issues?per_page=2&page=2', '/repos/octocat/issues?per_page=2&page=3']);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(Array(3).fill('Bearer key_paging'));
  });

  it('awaiting gives the first page; pages are fetched only as the loop reaches them', async () => {
    serve({
      '/repos/octocat/issues': { headers: { link: link('/repos/octocat/issues?page=2', '/repos/octocat/issues?page=2') }, body: [{ number: 1 }, { number: 2 }] },
      '/repos/octocat/issues?page=2': { body: [{ number: 3 }] },
    });
    expect(await client.repos!.listIssues!('octocat')).toEqual([{ number: 1 }, { number: 2 }]);
    for await (const issue of client.repos!.listIssues!('octocat')) if (issue.number === 2) break;
    expect(urls()).toEqual(['/repos/octocat/issues', '/repos/octocat/issues']);
  });

  it('refuses a next link on another origin: the key is not sent there', async () => {
    serve({ '/repos/octocat/issues': { headers: { link: '<https://elsewhere.example/steal?page=2>; rel="next"' }, body: [{ number: 1 }] } });
    await expect(all(client.repos!.listIssues!('octocat'), 'number')).rejects.toThrow(/not on the client's http:\/\/127\.0\.0\.1:\d+: not followed/);
    expect(server.requests).toHaveLength(1);
  });
});

describe('a next URL in the answer', () => {
  it("Twilio's meta.next_page_url, relative to the API, until it is null", async () => {
    serve({
      '/calls?PageSize=2': { body: { calls: [{ sid: 'CA1' }, { sid: 'CA2' }], meta: { next_page_url: '/calls?PageSize=2&Page=1&PageToken=PACA2', page_size: 2 } } },
      '/calls?PageSize=2&Page=1&PageToken=PACA2': { body: { calls: [{ sid: 'CA3' }], meta: { next_page_url: null, page_size: 2 } } },
    });
    expect(await all(client.calls!.list!({ PageSize: 2 }), 'sid')).toEqual(['CA1', 'CA2', 'CA3']);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer key_paging', 'Bearer key_paging']);
  });

  it('a URL that repeats ends the list instead of looping', async () => {
    serve({
      '/calls': { body: { calls: [{ sid: 'CA1' }], meta: { next_page_url: '/calls?Page=1' } } },
      '/calls?Page=1': { body: { calls: [{ sid: 'CA2' }], meta: { next_page_url: '/calls?Page=1' } } },
    });
    expect(await all(client.calls!.list!(), 'sid')).toEqual(['CA1', 'CA2']);
    expect(urls()).toEqual(['/calls', '/calls?Page=1']);
  });
});

describe('a cursor sent back in the declared parameter', () => {
  it('next_cursor as cursor, keeping the other params, until the answer has none', async () => {
    serve({
      '/messages?limit=2': { body: { messages: [{ id: 'm1' }, { id: 'm2' }], next_cursor: 'c2' } },
      '/messages?limit=2&cursor=c2': { body: { messages: [{ id: 'm3' }, { id: 'm4' }], next_cursor: 'c4' } },
      '/messages?limit=2&cursor=c4': { body: { messages: [{ id: 'm5' }], next_cursor: null } },
    });
    expect(await all(client.messages!.list!({ limit: 2 }), 'id')).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('a cursor that repeats ends the list instead of looping', async () => {
    serve({
      '/messages': { body: { messages: [{ id: 'm1' }], next_cursor: 'same' } },
      '/messages?cursor=same': { body: { messages: [{ id: 'm2' }], next_cursor: 'same' } },
    });
    expect(await all(client.messages!.list!(), 'id')).toEqual(['m1', 'm2']);
    expect(server.requests).toHaveLength(2);
  });

  it('after = last_id while has_more (OpenAI)', async () => {
    serve({
      '/files': { body: { data: [{ id: 'f1' }, { id: 'f2' }], last_id: 'f2', has_more: true } },
      '/files?after=f2': { body: { data: [{ id: 'f3' }], last_id: 'f3', has_more: false } },
    });
    expect(await all(client.files!.list!(), 'id')).toEqual(['f1', 'f2', 'f3']);
    expect(server.requests).toHaveLength(2);
  });

  it('declared by x-pagination: the answer\'s paging.following as from', async () => {
    serve({
      '/events': { body: { entries: [{ type: 'a' }], paging: { following: 'e2' } } },
      '/events?from=e2': { body: { entries: [{ type: 'b' }], paging: {} } },
    });
    expect(await all(client.events!.list!(), 'type')).toEqual(['a', 'b']);
  });
});

describe('offset and limit, page and page size', () => {
  it('offset advances by each page\'s length and stops at the total, asking for no empty page', async () => {
    serve({
      '/droplets?limit=2': { body: { results: [{ id: 1 }, { id: 2 }], total: 4 } },
      '/droplets?limit=2&offset=2': { body: { results: [{ id: 3 }, { id: 4 }], total: 4 } },
    });
    expect(await all(client.droplets!.list!({ limit: 2 }), 'id')).toEqual([1, 2, 3, 4]);
    expect(server.requests).toHaveLength(2);
  });

  it('page numbers from 1, ending on a page shorter than the first (no size given)', async () => {
    serve({
      '/pets': { body: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] },
      '/pets?page=2': { body: [{ name: 'd' }, { name: 'e' }, { name: 'f' }] },
      '/pets?page=3': { body: [{ name: 'g' }] },
    });
    expect(await all(client.pets!.list!(), 'name')).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(server.requests).toHaveLength(3);
  });

  it('an API that caps the page size below the one asked for is still walked to the end', async () => {
    serve({
      '/pets?page_size=500': { body: [{ name: 'a' }, { name: 'b' }] },
      '/pets?page_size=500&page=2': { body: [{ name: 'c' }, { name: 'd' }] },
      '/pets?page_size=500&page=3': { body: [{ name: 'e' }] },
    });
    expect(await all(client.pets!.list!({ page_size: 500 }), 'name')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(server.requests).toHaveLength(3);
  });

  it('a full last page is followed by one empty page, which ends the list', async () => {
    serve({
      '/pets?page_size=2': { body: [{ name: 'a' }, { name: 'b' }] },
      '/pets?page_size=2&page=2': { body: [] },
    });
    expect(await all(client.pets!.list!({ page_size: 2 }), 'name')).toEqual(['a', 'b']);
    expect(server.requests).toHaveLength(2);
  });
});

describe('every style', () => {
  it('an empty first page is the whole list, whatever its marker says', async () => {
    serve({ '/messages': { body: { messages: [], next_cursor: 'c1' } } });
    expect(await all(client.messages!.list!(), 'id')).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('toArray refuses to run without a limit, and stops at it', async () => {
    serve({ '/pets': { body: [{ name: 'a' }, { name: 'b' }] }, '/pets?page=2': { body: [{ name: 'c' }, { name: 'd' }] } });
    const list = client.pets!.list!();
    await expect((list as unknown as { toArray(): Promise<unknown> }).toArray()).rejects.toThrow(/toArray needs a limit/);
    expect((await list.toArray({ limit: 3 })).map((p) => p.name)).toEqual(['a', 'b', 'c']);
  });

  it('aborting stops the loop with the signal\'s reason, mid-list', async () => {
    serve({
      '/pets': { body: [{ name: 'a' }, { name: 'b' }] },
      '/pets?page=2': { body: [{ name: 'c' }, { name: 'd' }], delayMs: 200 },
    });
    const controller = new AbortController();
    const seen: unknown[] = [];
    const loop = (async () => {
      for await (const pet of client.pets!.list!(undefined, { signal: controller.signal })) {
        seen.push(pet.name);
        if (pet.name === 'b') setTimeout(() => controller.abort(), 20);
      }
    })();
    await expect(loop).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['a', 'b']);
  });
});
