// The naming rule, as a table: the official SDK's names for Financial Connections, and the
// general cases the README documents.
import { describe, expect, it } from 'vitest';
import { singular } from '../../generator/naming/case.js';
import { clientNameOf } from '../../generator/naming/client-names.js';
import { functionNameOf, paramsTypeNameOf, typeNameOf } from '../../generator/naming/generated-names.js';

const name = (method: string, path: string, extra: { pathHasGet?: boolean; parentExists?: boolean; returnsList?: boolean } = {}) => {
  const n = clientNameOf({
    method,
    path,
    pathHasGet: extra.pathHasGet ?? false,
    parentExists: extra.parentExists ?? false,
    returnsList: extra.returnsList ?? true,
  });
  return `${n.resource.join('.')}.${n.methodName}`;
};

describe('client names follow the official SDK for Financial Connections', () => {
  it.each([
    ['get', '/v1/financial_connections/accounts', 'financialConnections.accounts.list'],
    ['get', '/v1/financial_connections/accounts/{account}', 'financialConnections.accounts.retrieve'],
    ['post', '/v1/financial_connections/accounts/{account}/disconnect', 'financialConnections.accounts.disconnect'],
    ['get', '/v1/financial_connections/accounts/{account}/owners', 'financialConnections.accounts.listOwners'],
    ['post', '/v1/financial_connections/accounts/{account}/refresh', 'financialConnections.accounts.refresh'],
    ['post', '/v1/financial_connections/accounts/{account}/subscribe', 'financialConnections.accounts.subscribe'],
    ['post', '/v1/financial_connections/accounts/{account}/unsubscribe', 'financialConnections.accounts.unsubscribe'],
    ['post', '/v1/financial_connections/sessions', 'financialConnections.sessions.create'],
    ['get', '/v1/financial_connections/sessions/{session}', 'financialConnections.sessions.retrieve'],
    ['get', '/v1/financial_connections/transactions', 'financialConnections.transactions.list'],
    ['get', '/v1/financial_connections/transactions/{transaction}', 'financialConnections.transactions.retrieve'],
  ])('%s %s → %s', (method, path, expected) => {
    expect(name(method, path)).toBe(expected);
  });
});

describe('the general rule', () => {
  it.each([
    ['post', '/v1/customers/{customer}', {}, 'customers.update'],
    ['delete', '/v1/customers/{customer}', {}, 'customers.del'],
    ['post', '/v1/customers/{customer}/sources', { pathHasGet: true }, 'customers.createSource'],
    ['get', '/v1/customers/{customer}/sources/{id}', {}, 'customers.retrieveSource'],
    ['delete', '/v1/customers/{customer}/sources/{id}', {}, 'customers.deleteSource'],
    ['get', '/v1/customers/search', { parentExists: true, returnsList: false }, 'customers.search'],
    ['get', '/v1/balance', { returnsList: false }, 'balance.retrieve'],
    ['get', '/v1/balance/history', { parentExists: true }, 'balance.history.list'],
    ['get', '/v1/customers/{customer}/cash_balance', { returnsList: false }, 'customers.retrieveCashBalance'],
    ['post', '/v1/test_helpers/treasury/inbound_transfers/{id}/fail', {}, 'testHelpers.treasury.inboundTransfers.fail'],
    ['get', '/pets', {}, 'pets.list'],
  ])('%s %s %o → %s', (method, path, extra, expected) => {
    expect(name(method, path, extra)).toBe(expected);
  });
});

describe('type and function names', () => {
  it.each([
    ['financial_connections.account', 'FinancialConnectionsAccount'],
    ['bank_connections_resource_accountholder', 'BankConnectionsResourceAccountholder'],
    ['error', 'ErrorSchema'],
    ['1st-thing', 'Schema1stThing'],
  ])('schema %s → type %s', (schema, type) => {
    expect(typeNameOf(schema)).toBe(type);
  });

  it('params types and standalone functions are named after resource and method', () => {
    const listOwners = { resource: ['financialConnections', 'accounts'], methodName: 'listOwners' };
    expect(paramsTypeNameOf(listOwners)).toBe('FinancialConnectionsAccountListOwnersParams');
    expect(functionNameOf(listOwners)).toBe('financialConnectionsAccountsListOwners');
  });

  it.each([
    ['accounts', 'account'],
    ['entries', 'entry'],
    ['boxes', 'box'],
    ['addresses', 'address'],
    ['status', 'status'],
    ['Sources', 'Source'],
  ])('singular(%s) = %s', (plural, one) => {
    expect(singular(plural)).toBe(one);
  });
});
