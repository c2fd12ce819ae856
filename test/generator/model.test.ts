// The intermediate model of spec/, locked as a JSON snapshot of its own, plus the facts about it
// that the client's shape depends on.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build-model.js';
import { readAnySpec } from '../../generator/parse/read-spec.js';
import { fixture, PROJECT_SPEC } from '../support/paths.js';

const { model, warnings } = buildModel(await readAnySpec(PROJECT_SPEC));

describe("the model of the project's spec", () => {
  it('is plain JSON: it survives a round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('matches the reviewed snapshot', async () => {
    await expect(JSON.stringify(model, null, 2) + '\n').toMatchFileSnapshot(fixture('generator/__snapshots__/model.json'));
  });

  it('reads the spec without warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('has the 11 operations under the official SDK names', () => {
    expect(model.operations.map((o) => [...o.resource, o.methodName].join('.'))).toEqual([
      'financialConnections.accounts.disconnect',
      'financialConnections.accounts.list',
      'financialConnections.accounts.listOwners',
      'financialConnections.accounts.refresh',
      'financialConnections.accounts.retrieve',
      'financialConnections.accounts.subscribe',
      'financialConnections.accounts.unsubscribe',
      'financialConnections.sessions.create',
      'financialConnections.sessions.retrieve',
      'financialConnections.transactions.list',
      'financialConnections.transactions.retrieve',
    ]);
  });

  it('resolves parameter defaults: style and explode are always present', () => {
    const list = model.operations.find((o) => o.operationId === 'getFinancialConnectionsTransactions')!;
    const byName = Object.fromEntries(list.parameters.query.map((p) => [p.name, [p.style, p.explode, p.required]]));
    expect(byName).toEqual({
      account: ['form', true, true],
      ending_before: ['form', true, false],
      expand: ['deepObject', true, false],
      limit: ['form', true, false],
      starting_after: ['form', true, false],
      transacted_at: ['deepObject', true, false],
      transaction_refresh: ['deepObject', true, false],
    });
  });

  it("drops the empty form bodies Stripe declares on GETs, keeps the POSTs' with their encoding", () => {
    const bodies = Object.fromEntries(model.operations.map((o) => [o.operationId, o.requestBody?.mediaType ?? null]));
    expect(bodies.getFinancialConnectionsAccounts).toBeNull();
    expect(bodies.postFinancialConnectionsSessions).toBe('application/x-www-form-urlencoded');
    const refresh = model.operations.find((o) => o.operationId === 'postFinancialConnectionsAccountsAccountRefresh')!;
    expect(refresh.requestBody?.encoding).toEqual({
      expand: { style: 'deepObject', explode: true },
      features: { style: 'deepObject', explode: true },
    });
  });

  it('recognises the cursor-paged lists and their items', () => {
    const paged = model.operations.filter((o) => o.pagination).map((o) => [o.methodName, o.pagination!.item]);
    expect(paged).toEqual([
      ['list', { kind: 'ref', target: 'financial_connections.account', nullable: false }],
      ['listOwners', { kind: 'ref', target: 'financial_connections.account_owner', nullable: false }],
      ['list', { kind: 'ref', target: 'financial_connections.transaction', nullable: false }],
    ]);
  });

  it('keeps expandable fields and what they expand to', () => {
    const account = model.schemas.find((s) => s.name === 'financial_connections.account')!.schema;
    if (account.kind !== 'object') throw new Error('financial_connections.account should be an object');
    expect(account.expandableFields).toContain('ownership');
    const ownership = account.properties.find((p) => p.name === 'ownership')!;
    expect(ownership.expansionResources).toEqual([{ kind: 'ref', target: 'financial_connections.account_ownership', nullable: false }]);
    expect(ownership.schema).toMatchObject({ kind: 'union', nullable: true });
  });

  it("knows the version, server and auth (the profile's: one secret key, `apiKey`, sent as a bearer token by every call)", () => {
    expect(model.apiVersion).toBe('2023-10-16');
    expect(model.servers).toEqual([{ url: 'https://api.stripe.com/' }]);
    expect(model.securitySchemes).toEqual([{ name: 'apiKey', option: 'apiKey', type: 'http', scheme: 'bearer' }]);
    expect(model.security).toEqual([['apiKey']]);
    expect(model.operations.every((op) => JSON.stringify(op.security) === '[["apiKey"]]')).toBe(true);
  });
});
