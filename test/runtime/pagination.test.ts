// List calls: one page when awaited, every item with for await, backwards with ending_before, toArray
// with a limit; searches page by the answer's `next_page` token, as stripe-node does.
import { describe, expect, it } from 'vitest';
import { createTransport } from '../../templates/runtime/transport.js';
import type { UrlTarget } from '../../templates/runtime/transport.js';
import { deepObjectQuery, formQuery } from '../../templates/runtime/query-encode.js';
import { linkHeader, listCall, tokenCursor } from '../../templates/runtime/pagination.js';
import type { ListObject, OperationSpec, SearchResult } from '../../templates/runtime/index.js';
import { fakeFetch, json } from './fake-fetch.js';
import type { SentRequest } from './fake-fetch.js';
import { STRIPE_DEFAULTS } from '../support/stripe-defaults.js';

const STRIPE = STRIPE_DEFAULTS;
const listSpec = { method: 'GET', path: '/v1/financial_connections/accounts', query: { expand: deepObjectQuery } } as const satisfies OperationSpec;

interface Account { id: string; object: 'financial_connections.account' }
type AccountList = ListObject<Account>;

/** Seven accounts, newest first, served like Stripe: `limit` per page, cursors in either direction. */
const ALL = ['fca_7', 'fca_6', 'fca_5', 'fca_4', 'fca_3', 'fca_2', 'fca_1'];
function stripeLikeServer(req: SentRequest): Response {
  const q = new URL(req.url).searchParams;
  const limit = Number(q.get('limit') ?? 10);
  let start = 0;
  let end = ALL.length;
  if (q.has('starting_after')) start = ALL.indexOf(q.get('starting_after')!) + 1;
  if (q.has('ending_before')) end = ALL.indexOf(q.get('ending_before')!);
  const ids = q.has('ending_before') ? ALL.slice(Math.max(start, end - limit), end) : ALL.slice(start, start + limit);
  const hasMore = q.has('ending_before') ? end - limit > 0 : start + limit < ALL.length;
  const page: AccountList = { object: 'list', url: '/v1/financial_connections/accounts', has_more: hasMore, data: ids.map((id) => ({ id, object: 'financial_connections.account' })) };
  return json(200, page);
}

function list(params: object | undefined) {
  const { fetch, calls } = fakeFetch(stripeLikeServer);
  const transport = createTransport({ apiKey: 'sk', fetch }, STRIPE);
  return { result: listCall<AccountList, Account>(transport, listSpec, {}, params, undefined), calls };
}

const queries = (calls: SentRequest[]) => calls.map((c) => new URL(c.url).search);

describe('lists', () => {
  it('awaiting a list call gives the first page only', async () => {
    const { result, calls } = list({ limit: 3 });
    const page = await result;
    expect(page.data.map((a) => a.id)).toEqual(['fca_7', 'fca_6', 'fca_5']);
    expect(page.has_more).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('for await walks every item, fetching the next page with starting_after = last id', async () => {
    const { result, calls } = list({ limit: 3, expand: ['data.owner'] });
    const ids: string[] = [];
    for await (const a of result) ids.push(a.id);
    expect(ids).toEqual(ALL);
    expect(queries(calls)).toEqual([
      '?limit=3&expand[0]=data.owner',
      '?limit=3&expand[0]=data.owner&starting_after=fca_5',
      '?limit=3&expand[0]=data.owner&starting_after=fca_2',
    ]);
  });

  it('a first call with starting_after continues from there, replacing the cursor', async () => {
    const { result, calls } = list({ starting_after: 'fca_6', limit: 4 });
    const ids: string[] = [];
    for await (const a of result) ids.push(a.id);
    expect(ids).toEqual(['fca_5', 'fca_4', 'fca_3', 'fca_2', 'fca_1']);
    expect(queries(calls)).toEqual(['?starting_after=fca_6&limit=4', '?starting_after=fca_2&limit=4']);
  });

  it('with ending_before it pages backwards, like stripe-node: ending_before = first id, items last to first', async () => {
    const { result, calls } = list({ ending_before: 'fca_1', limit: 2 });
    const ids: string[] = [];
    for await (const a of result) ids.push(a.id);
    expect(ids).toEqual(['fca_2', 'fca_3', 'fca_4', 'fca_5', 'fca_6', 'fca_7']);
    expect(queries(calls)).toEqual([
      '?ending_before=fca_1&limit=2',
      '?ending_before=fca_3&limit=2',
      '?ending_before=fca_5&limit=2',
    ]);
  });

  it('pages are fetched lazily: breaking out early fetches no more', async () => {
    const { result, calls } = list({ limit: 3 });
    for await (const a of result) if (a.id === 'fca_6') break;
    expect(calls).toHaveLength(1);
  });

  it('the first page is shared between await and iteration, and each iteration starts over', async () => {
    const { result, calls } = list({ limit: 5 });
    await result;
    const first: string[] = [];
    for await (const a of result) first.push(a.id);
    const second: string[] = [];
    for await (const a of result) second.push(a.id);
    expect(first).toEqual(ALL);
    expect(second).toEqual(ALL);
    expect(calls).toHaveLength(3);
  });

  it('toArray collects at most limit items, fetching only the pages needed', async () => {
    const { result, calls } = list({ limit: 3 });
    expect((await result.toArray({ limit: 4 })).map((a) => a.id)).toEqual(['fca_7', 'fca_6', 'fca_5', 'fca_4']);
    expect(calls).toHaveLength(2);
  });

  it('toArray stops at the end of the list when it has fewer items than the limit', async () => {
    const { result } = list({ limit: 3 });
    expect(await result.toArray({ limit: 100 })).toHaveLength(7);
  });

  it('toArray refuses to run without a limit: the promise it returns rejects', async () => {
    const { result } = list(undefined);
    const message = 'toArray needs a limit, e.g. toArray({ limit: 1000 }): a list can hold millions of items';
    await expect((result as unknown as { toArray(): Promise<unknown> }).toArray()).rejects.toThrow(new TypeError(message));
    await expect(result.toArray({ limit: 0 })).rejects.toThrow(message);
    await expect(result.toArray({ limit: 2.5 })).rejects.toThrow(message);
    await result;
  });

  it('a toArray refused for its limit leaves no unhandled rejection when the first page then fails', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const failing = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
      const result = listCall<AccountList, Account>(createTransport({ apiKey: 'sk', fetch: failing, maxRetries: 0 }, STRIPE), listSpec, {}, undefined, undefined);
      await expect(result.toArray({ limit: 0 })).rejects.toThrow(/toArray needs a limit/);
      // Long enough for the failed first page to settle and for Node to report it if nobody handled it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('stops on an empty page even if has_more claims otherwise', async () => {
    const { fetch, calls } = fakeFetch(json(200, { object: 'list', url: '/x', has_more: true, data: [] }));
    const items: unknown[] = [];
    for await (const item of listCall<AccountList, Account>(createTransport({ apiKey: 'sk', fetch }, STRIPE), listSpec, {}, undefined, undefined)) items.push(item);
    expect(items).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('an item without an id cannot be used as a cursor: a clear error', async () => {
    const { fetch } = fakeFetch(json(200, { object: 'list', url: '/x', has_more: true, data: [{ name: 'no id' }] }));
    const iterate = async () => {
      for await (const _ of listCall(createTransport({ apiKey: 'sk', fetch }, STRIPE), listSpec, {}, undefined, undefined)) void _;
    };
    await expect(iterate()).rejects.toThrow('Cannot fetch the next page: a list item has no string `id` to use as cursor');
  });

  it('an error on a later page rejects the loop with that error', async () => {
    const { fetch } = fakeFetch(
      json(200, { object: 'list', url: '/x', has_more: true, data: [{ id: 'fca_9' }] }),
      json(400, { error: { type: 'invalid_request_error', message: 'bad cursor' } }),
    );
    const seen: string[] = [];
    const iterate = async () => {
      for await (const a of listCall<AccountList, Account>(createTransport({ apiKey: 'sk', fetch }, STRIPE), listSpec, {}, undefined, undefined)) seen.push(a.id);
    };
    await expect(iterate()).rejects.toMatchObject({ name: 'InvalidRequestError', message: 'bad cursor' });
    expect(seen).toEqual(['fca_9']);
  });
});

describe('searches', () => {
  const searchSpec = { method: 'GET', path: '/v1/customers/search', query: { query: formQuery, page: formQuery, limit: formQuery }, paging: { next: tokenCursor, items: 'data', field: 'next_page', param: 'page', more: 'has_more' } } as const satisfies OperationSpec;
  interface Customer { id: string; email: string }
  type Found = SearchResult<Customer>;
  // Five customers, two a page; the page token is opaque (here the offset, spelled so it is not an id).
  const customers = ['cus_1', 'cus_2', 'cus_3', 'cus_4', 'cus_5'].map((id) => ({ id, email: `${id}@example.test` }));
  function searchServer(req: SentRequest): Response {
    const q = new URL(req.url).searchParams;
    const start = q.has('page') ? Number(q.get('page')!.replace('offset:', '')) : 0;
    const limit = Number(q.get('limit') ?? 10);
    const end = start + limit;
    const page: Found = { object: 'search_result', url: '/v1/customers/search', data: customers.slice(start, end), has_more: end < customers.length, next_page: end < customers.length ? `offset:${end}` : null, total_count: customers.length };
    return json(200, page);
  }
  const search = (params: object) => {
    const { fetch, calls } = fakeFetch(searchServer);
    return { result: listCall<Found, Customer>(createTransport({ apiKey: 'sk', fetch }, STRIPE), searchSpec, {}, params, undefined), calls };
  };

  it('awaiting a search gives its first page, with next_page', async () => {
    const page = await search({ query: "email~'example'", limit: 2 }).result;
    expect(page.data.map((c) => c.id)).toEqual(['cus_1', 'cus_2']);
    expect(page.next_page).toBe('offset:2');
  });

  it('for await fetches the next pages with page = next_page (not a cursor), keeping the query', async () => {
    const { result, calls } = search({ query: "email~'example'", limit: 2 });
    const ids: string[] = [];
    for await (const c of result) ids.push(c.id);
    expect(ids).toEqual(['cus_1', 'cus_2', 'cus_3', 'cus_4', 'cus_5']);
    expect(queries(calls)).toEqual([
      '?query=email~%27example%27&limit=2',
      '?query=email~%27example%27&limit=2&page=offset%3A2',
      '?query=email~%27example%27&limit=2&page=offset%3A4',
    ]);
  });

  it('toArray stops at its limit, fetching only the pages needed', async () => {
    const { result, calls } = search({ query: 'x', limit: 2 });
    expect((await result.toArray({ limit: 3 })).map((c) => c.id)).toEqual(['cus_1', 'cus_2', 'cus_3']);
    expect(calls).toHaveLength(2);
  });

  it('stops when has_more is true but there is no next_page token', async () => {
    const { fetch, calls } = fakeFetch(json(200, { object: 'search_result', url: '/x', has_more: true, next_page: null, data: [{ id: 'cus_1', email: 'a' }] }));
    const ids: string[] = [];
    for await (const c of listCall<Found, Customer>(createTransport({ apiKey: 'sk', fetch }, STRIPE), searchSpec, {}, { query: 'x' }, undefined)) ids.push(c.id);
    expect(ids).toEqual(['cus_1']);
    expect(calls).toHaveLength(1);
  });
});

describe("the Link header's next page (RFC 8288)", () => {
  const next = (link: string | null) => {
    const headers = new Headers(link === null ? {} : { link });
    return linkHeader({ page: { data: [], headers }, items: [], params: {}, seen: 0, firstLength: 0, paging: { next: linkHeader } });
  };

  it.each([
    ['GitHub\'s, next among prev and last', '<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=3>; rel="next", <https://api.github.com/x?page=9>; rel="last"', 'https://api.github.com/x?page=3'],
    ['rel unquoted, extra parameters', '<https://a.test/x?page=2>; title="more"; rel=next', 'https://a.test/x?page=2'],
    ['rel with several types', '<https://a.test/x?page=2>; rel="next last"', 'https://a.test/x?page=2'],
    ['a comma inside the URL', '<https://a.test/x?ids=1,2&page=2>; rel="next"', 'https://a.test/x?ids=1,2&page=2'],
  ])('%s', (_, link, url) => {
    const found = next(link) as { url: string; target: UrlTarget };
    expect(found.url).toBe(url);
    // Its target is that URL, followed on the API's own origin.
    expect(found.target(new URL(url).origin, [])).toBe(url);
  });

  it.each([
    ['no header', null],
    ['no next (the last page)', '<https://a.test/x?page=1>; rel="first", <https://a.test/x?page=1>; rel="prev"'],
    ['a relation that only contains "next"', '<https://a.test/x?page=2>; rel="nextish"'],
  ])('none: %s', (_, link) => {
    expect(next(link)).toBeUndefined();
  });
});
