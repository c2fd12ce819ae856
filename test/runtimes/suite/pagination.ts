// Lists walked with `for await`: forwards with starting_after, backwards with ending_before.
import { equal } from './check.js';
import { stripeOn, type Behaviour } from './context.js';

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
];
