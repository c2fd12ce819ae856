// Webhook event types in the model: where the Stripe profile finds them (the whole spec's
// webhook endpoint enum, spec/'s x-codegen-events), which object each carries, checked against
// the types stripe-node's maintainers wrote for the same API version, and what a slice keeps.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build-model.js';
import type { ApiModel } from '../../generator/model/ir.js';
import { selectOperations } from '../../generator/model/select.js';
import { readAnySpec } from '../../generator/parse/read-spec.js';
import { objectOf as objectNamedBy, stripeEventTypes } from '../../generator/profiles/stripe/events.js';
import { HAS_SHARED, PROJECT_SPEC, ROOT, SHARED_SPECS } from '../support/paths.js';

const objectOf = (model: ApiModel, type: string) => {
  const object = model.events.find((e) => e.type === type)?.object;
  return object?.kind === 'ref' ? model.schemas.find((s) => s.name === object.target)?.typeName : object?.kind;
};

const FC_EVENTS_MODEL = buildModel(await readAnySpec(PROJECT_SPEC)).model;

describe("spec/'s event types (x-codegen-events)", () => {
  const model = FC_EVENTS_MODEL;

  it('are the seven Financial Connections events of 2023-10-16, each carrying an account', () => {
    expect(model.events.map((e) => [e.type, objectOf(model, e.type), e.previousAttributes])).toEqual(
      ['created', 'deactivated', 'disconnected', 'reactivated', 'refreshed_balance', 'refreshed_ownership', 'refreshed_transactions'].map((verb) => [
        `financial_connections.account.${verb}`,
        'FinancialConnectionsAccount',
        false,
      ]),
    );
  });

  it('a malformed list is a warning naming its place, and the rest is read', () => {
    const warnings: { pointer?: string; message: string }[] = [];
    const document = {
      'x-codegen-events': ['thing.created', 'Not An Event', 42, 'thing.updated'],
      components: { schemas: { thing: { type: 'object', 'x-resourceId': 'thing' } } },
    };
    const events = stripeEventTypes(document, 'spec.yaml', warnings);
    expect(events).toEqual([
      { type: 'thing.created', object: { kind: 'ref', target: 'thing', nullable: false }, previousAttributes: false },
      { type: 'thing.updated', object: { kind: 'ref', target: 'thing', nullable: false }, previousAttributes: true },
    ]);
    expect(warnings).toEqual([
      { file: 'spec.yaml', pointer: '#/x-codegen-events/1', message: `"Not An Event" is not an event type such as 'thing.created'; ignored` },
      { file: 'spec.yaml', pointer: '#/x-codegen-events/2', message: `42 is not an event type such as 'thing.created'; ignored` },
    ]);
    const notAList: typeof warnings = [];
    expect(stripeEventTypes({ 'x-codegen-events': 'thing.created' }, 'spec.yaml', notAList)).toEqual([]);
    expect(notAList).toEqual([{ file: 'spec.yaml', pointer: '#/x-codegen-events', message: 'must be a list of event type names; ignored' }]);
  });

  it('an event whose name points at no x-resourceId carries unknown', () => {
    expect(stripeEventTypes({ 'x-codegen-events': ['gadget.created'] }, 'spec.yaml', [])).toEqual([
      { type: 'gadget.created', object: { kind: 'unknown', nullable: false }, previousAttributes: false },
    ]);
  });
});

describe('which object an event carries, by its name', () => {
  const ids = ['financial_connections.account', 'customer', 'subscription', 'charge', 'dispute', 'issuing.card', 'source', 'source_transaction', 'payment_intent', 'fee_refund', 'refund', 'application_fee'];
  const resources = new Map(ids.map((id) => [id, `${id}_schema`]));
  it.each([
    ['financial_connections.account.refreshed_balance', 'financial_connections.account_schema'],
    ['customer.subscription.updated', 'subscription_schema'],
    ['customer.updated', 'customer_schema'],
    ['charge.dispute.closed', 'dispute_schema'],
    ['issuing_card.created', 'issuing.card_schema'],
    ['source.transaction.created', 'source_transaction_schema'],
    ['payment_intent.amount_capturable_updated', 'payment_intent_schema'],
    ['charge.refund.updated', 'refund_schema'],
    ['application_fee.refund.updated', 'fee_refund_schema'],
    ['customer.gizmo.created', 'customer_schema'],
    ['gadget.created', undefined],
  ])('%s → %s', (type, expected) => {
    expect(objectNamedBy(type, resources, new Set())).toBe(expected);
  });
});

describe.skipIf(!HAS_SHARED)("the whole 2023-08-16 spec's event types (the webhook endpoint's enabled_events)", () => {
  let model: ApiModel;
  beforeAll(async () => {
    model = buildModel(await readAnySpec(join(SHARED_SPECS, 'stripe-spec3-2023-08-16.yaml'))).model;
  }, 120_000);

  it("are the enum's 223 values but '*' (which means all of them)", () => {
    expect(model.events).toHaveLength(222);
    expect(model.events.map((e) => e.type)).not.toContain('*');
    expect(model.events.filter((e) => e.type.startsWith('financial_connections.')).map((e) => e.type)).toEqual([
      'financial_connections.account.created',
      'financial_connections.account.deactivated',
      'financial_connections.account.disconnected',
      'financial_connections.account.reactivated',
      'financial_connections.account.refreshed_balance',
    ]);
  });

  it('*.updated events, and only those, carry previous_attributes', () => {
    const updated = model.events.filter((e) => e.previousAttributes).map((e) => e.type);
    expect(updated).toHaveLength(40);
    expect(updated.every((t) => t.endsWith('.updated'))).toBe(true);
    expect(model.events.filter((e) => !e.previousAttributes).some((e) => e.type.endsWith('.updated'))).toBe(false);
  });

  it("carry the objects stripe@13.11.0 (API 2023-08-16) types them with (eight differ in name only, or are wider)", () => {
    // stripe-node's EventTypes.d.ts, read as facts: event type → the type of `data.object`.
    const dts = readFileSync(join(ROOT, 'node_modules/stripe-13/types/EventTypes.d.ts'), 'utf8');
    const official = new Map(
      [...dts.matchAll(/type: '([^']+)';\s*data: \w+\.Data;\s*\}\s*namespace \w+ \{\s*interface Data extends Stripe\.Event\.Data \{\s*object: ([^;]+);/g)].map(
        (m) => [m[1]!, m[2]!.replace(/Stripe\./g, '')] as const,
      ),
    );
    const key = (name: string) => name.replace(/\./g, '').toLowerCase();
    const compared = model.events.filter((e) => official.has(e.type));
    const differing = compared
      .filter((e) => key(String(objectOf(model, e.type))) !== key(official.get(e.type)!))
      .map((e) => `${e.type}: ${objectOf(model, e.type)}, stripe-node ${official.get(e.type)}`);
    expect(compared).toHaveLength(215);
    expect(differing).toEqual([
      // The same objects under other names: the spec's `external_account` is the union of
      // bank_account and card (stripe-node adds Source), and it names Sigma's run without its namespace.
      'account.external_account.created: ExternalAccount, stripe-node BankAccount | Card | Source',
      'account.external_account.deleted: ExternalAccount, stripe-node BankAccount | Card | Source',
      'account.external_account.updated: ExternalAccount, stripe-node BankAccount | Card | Source',
      // Wider, still true: the spec's `payment_source` is Account | BankAccount | Card | Source.
      'customer.source.created: PaymentSource, stripe-node BankAccount | Card | Source',
      'customer.source.deleted: PaymentSource, stripe-node BankAccount | Card | Source',
      'customer.source.expiring: PaymentSource, stripe-node Card | Source',
      'customer.source.updated: PaymentSource, stripe-node BankAccount | Card | Source',
      'sigma.scheduled_query_run.created: ScheduledQueryRun, stripe-node Sigma.ScheduledQueryRun',
    ]);
  });

  it.each([false, true])('the Financial Connections slice keeps the events of the resources it answers with (prune-external %s)', (pruneExternal) => {
    const slice = selectOperations(model, ['/v1/financial_connections/**'], { pruneExternal });
    // It reaches customers and charges too, by expansion or inside other objects: not its events.
    expect(slice.schemas.map((s) => s.name)).toContain('customer');
    expect(slice.events.map((e) => e.type)).toEqual([
      'financial_connections.account.created',
      'financial_connections.account.deactivated',
      'financial_connections.account.disconnected',
      'financial_connections.account.reactivated',
      'financial_connections.account.refreshed_balance',
    ]);
  });
});
