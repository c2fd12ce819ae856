// The shape generated code relies on, written the way the generator emits it: if this file stops
// type-checking or passing, generated clients break.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { bearerAuth, createTransport, deepObjectQuery, listCall } from '../../templates/runtime/index.js';
import type { ApiPromise, ClientOptions, Credential, ListObject, ListPromise, OperationSpec, RequestOptions, Transport, WithResponse } from '../../templates/runtime/index.js';
import { fakeFetch, json } from './fake-fetch.js';
import { STRIPE_DEFAULTS } from '../support/stripe-defaults.js';

interface FinancialConnectionsAccount { id: string; object: 'financial_connections.account'; institution_name: string }
interface AccountList { object: 'list'; data: FinancialConnectionsAccount[]; has_more: boolean; url: string }
interface AccountRetrieveParams { expand?: string[] }
interface AccountListParams { limit?: number; starting_after?: string; ending_before?: string; account_holder?: { customer?: string } }

const retrieveSpec = { method: 'GET', path: '/v1/financial_connections/accounts/{account}', query: { expand: deepObjectQuery } } as const satisfies OperationSpec;
const listSpec = { method: 'GET', path: '/v1/financial_connections/accounts', query: { expand: deepObjectQuery } } as const satisfies OperationSpec;

function financialConnectionsAccountsRetrieve(transport: Transport, account: string, params?: AccountRetrieveParams, options?: RequestOptions): ApiPromise<FinancialConnectionsAccount> {
  return transport.request(retrieveSpec, { account }, params, options);
}
function financialConnectionsAccountsList(transport: Transport, params?: AccountListParams, options?: RequestOptions): ListPromise<AccountList, FinancialConnectionsAccount> {
  return listCall(transport, listSpec, {}, params, options);
}
function createClient(userOptions: ClientOptions & { readonly apiKey: Credential }) {
  const transport = createTransport(userOptions, STRIPE_DEFAULTS);
  return {
    accounts: {
      retrieve: (account: string, params?: AccountRetrieveParams, options?: RequestOptions) => financialConnectionsAccountsRetrieve(transport, account, params, options),
      list: (params?: AccountListParams, options?: RequestOptions) => financialConnectionsAccountsList(transport, params, options),
    },
  };
}

const acct: FinancialConnectionsAccount = { id: 'fca_1', object: 'financial_connections.account', institution_name: 'Bank' };

describe('the contract generated clients rely on', () => {
  it('types flow from the operation function to the caller', () => {
    // Checked by tsc only: never run, so no request is made.
    const typesOnly = (client: ReturnType<typeof createClient>) => {
      const one = client.accounts.retrieve('fca_1');
      expectTypeOf(one).resolves.toEqualTypeOf<FinancialConnectionsAccount>();
      expectTypeOf(one.withResponse()).resolves.toEqualTypeOf<WithResponse<FinancialConnectionsAccount>>();
      const many = client.accounts.list({ limit: 1 });
      expectTypeOf(many).resolves.toEqualTypeOf<AccountList>();
      expectTypeOf(many).toMatchTypeOf<AsyncIterable<FinancialConnectionsAccount>>();
      expectTypeOf(many.toArray({ limit: 5 })).resolves.toEqualTypeOf<FinancialConnectionsAccount[]>();
      expectTypeOf<AccountList>().toMatchTypeOf<ListObject<FinancialConnectionsAccount>>();
    };
    expect(typeof typesOnly).toBe('function');
  });

  it('a generated client makes the calls end to end', async () => {
    const { fetch, calls } = fakeFetch(
      json(200, acct),
      json(200, { object: 'list', url: '/v1/financial_connections/accounts', has_more: false, data: [acct] }),
    );
    const client = createClient({ apiKey: 'sk_test_1', fetch, stripeAccount: 'acct_9' });
    expect((await client.accounts.retrieve('fca_1', { expand: ['ownership'] })).institution_name).toBe('Bank');
    const names: string[] = [];
    for await (const a of client.accounts.list({ account_holder: { customer: 'cus_1' } }, { idempotencyKey: 'ignored-on-get-but-sent' })) names.push(a.institution_name);
    expect(names).toEqual(['Bank']);
    expect(calls.map((c) => c.url)).toEqual([
      'https://api.stripe.com/v1/financial_connections/accounts/fca_1?expand[0]=ownership',
      'https://api.stripe.com/v1/financial_connections/accounts?account_holder[customer]=cus_1',
    ]);
    expect(calls.map((c) => c.headers.get('stripe-account'))).toEqual(['acct_9', 'acct_9']);
  });
});
