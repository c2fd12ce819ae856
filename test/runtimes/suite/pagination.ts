// Lists walked with `for await`: Stripe's forwards with starting_after and backwards with
// ending_before; other APIs' by the Link header, a next URL, a cursor, offset and page number.
import { equal } from './check.js';
import { API_KEY, stripeOn, type Behaviour, type Context } from './context.js';

const page = (ids: string[], hasMore: boolean) => ({
  body: { object: 'list', data: ids.map((id) => ({ id, object: 'financial_connections.account' })), has_more: hasMore, url: '/v1/financial_connections/accounts' },
});

export const PAGINATION: readonly Behaviour[] = [
  {
    name: 'pagination forwards',
    async run({ session }) {
      const s = await session([page(['fca_1', 'fca_2'], true), page(['fca_3'], false)]);
      const seen: string[] = [];
      for await (const account of stripeOn(s).financialConnections.accounts.list({ limit: 2 })) seen.push(account.id);
      equal(seen, ['fca_1', 'fca_2', 'fca_3'], 'the accounts');
      equal((await s.requests()).map((r) => r.query), ['limit=2', 'limit=2&starting_after=fca_2'], 'the queries');
    },
  },
  {
    name: 'pagination backwards',
    async run({ session }) {
      const s = await session([page(['fca_6', 'fca_7'], true), page(['fca_4', 'fca_5'], false)]);
      const seen: string[] = [];
      for await (const account of stripeOn(s).financialConnections.accounts.list({ ending_before: 'fca_8', limit: 2 })) seen.push(account.id);
      equal(seen, ['fca_7', 'fca_6', 'fca_5', 'fca_4'], 'the accounts, last to first');
      equal((await s.requests()).map((r) => r.query), ['ending_before=fca_8&limit=2', 'ending_before=fca_6&limit=2'], 'the queries');
    },
  },
  {
    name: 'pagination by Link header',
    async run({ session, vendors }) {
      const s = await session((base) => [
        { headers: { link: `<${base}/repos/octocat/issues?per_page=2&page=2>; rel="next", <${base}/repos/octocat/issues?per_page=2&page=2>; rel="last"` }, body: [{ number: 1 }, { number: 2 }] },
        { headers: { link: `<${base}/repos/octocat/issues?per_page=2&page=1>; rel="prev"` }, body: [{ number: 3 }] },
      ]);
      const seen: number[] = [];
      for await (const issue of pagingOn(vendors, s.baseUrl).repos.listIssues('octocat', { per_page: 2 })) seen.push(issue.number);
      equal(seen, [1, 2, 3], 'the issues');
      const requests = await s.requests();
      equal(requests.map((r) => r.query), ['per_page=2', 'per_page=2&page=2'], 'the queries');
      equal(requests.map((r) => r.headers.authorization), [`Bearer ${API_KEY}`, `Bearer ${API_KEY}`], 'the key on each page');
    },
  },
  {
    name: 'pagination by next URL',
    async run({ session, vendors }) {
      const s = await session((base) => [
        { body: { calls: [{ sid: 'CA1' }], meta: { next_page_url: `${base}/calls?PageSize=1&Page=1&PageToken=PACA1` } } },
        { body: { calls: [{ sid: 'CA2' }], meta: { next_page_url: null } } },
      ]);
      const seen: string[] = [];
      for await (const call of pagingOn(vendors, s.baseUrl).calls.list({ PageSize: 1 })) seen.push(call.sid);
      equal(seen, ['CA1', 'CA2'], 'the calls');
      equal((await s.requests()).map((r) => r.query), ['PageSize=1', 'PageSize=1&Page=1&PageToken=PACA1'], 'the queries');
    },
  },
  {
    name: 'pagination by cursor',
    async run({ session, vendors }) {
      const s = await session([
        { body: { messages: [{ id: 'm1' }, { id: 'm2' }], next_cursor: 'c2' } },
        { body: { messages: [{ id: 'm3' }], next_cursor: 'c2' } },
      ]);
      const seen: string[] = [];
      for await (const message of pagingOn(vendors, s.baseUrl).messages.list({ limit: 2 })) seen.push(message.id);
      equal(seen, ['m1', 'm2', 'm3'], 'the messages (the repeated cursor ends the list)');
      equal((await s.requests()).map((r) => r.query), ['limit=2', 'limit=2&cursor=c2'], 'the queries');
    },
  },
  {
    name: 'pagination by offset',
    async run({ session, vendors }) {
      const s = await session([{ body: { results: [{ id: 1 }, { id: 2 }], total: 3 } }, { body: { results: [{ id: 3 }], total: 3 } }]);
      const seen: number[] = [];
      for await (const droplet of pagingOn(vendors, s.baseUrl).droplets.list({ limit: 2 })) seen.push(droplet.id);
      equal(seen, [1, 2, 3], 'the droplets');
      equal((await s.requests()).map((r) => r.query), ['limit=2', 'limit=2&offset=2'], 'the queries');
    },
  },
  {
    name: 'pagination by page number',
    async run({ session, vendors }) {
      const s = await session([{ body: [{ name: 'a' }, { name: 'b' }] }, { body: [{ name: 'c' }] }]);
      const seen: string[] = [];
      for await (const pet of pagingOn(vendors, s.baseUrl).pets.list({ page_size: 2 })) seen.push(pet.name);
      equal(seen, ['a', 'b', 'c'], 'the pets (a short page is the last)');
      equal((await s.requests()).map((r) => r.query), ['page_size=2', 'page_size=2&page=2'], 'the queries');
    },
  },
];

/** The paging-styles client on a session, retries off. */
function pagingOn(vendors: Context['vendors'], baseUrl: string) {
  return vendors.paging.createClient({ bearer: API_KEY, baseUrl, maxRetries: 0 });
}
