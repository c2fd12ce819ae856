// Real versions of Stripe's API from ../shared/specs: the Financial Connections slice from
// 2022-08-01 through 2022-11-15 and 2023-08-16 to the project's own 2023-10-16 spec, each step's
// changes asserted as they are; and the whole 4 MB spec from 2022-11-15 to 2023-08-16.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locationLabel, type Change } from '../../generator/diff/change.js';
import { runDiff } from '../../generator/diff/run-diff.js';
import { runCli } from '../support/cli.js';
import { HAS_SHARED, PROJECT_SPEC, ROOT, SHARED_SPECS } from '../support/paths.js';

const whole = (version: string) => join(SHARED_SPECS, `stripe-spec3-${version}.yaml`);
const FC = { include: ['/v1/financial_connections/**'] };
/** Severity, rule and places: one line per change, easy to read in a failure. */
const summarise = (changes: readonly Change[]) => changes.map((c) => `${c.severity} ${c.rule} ${c.places.map((place) => locationLabel(place)).join(' + ')}`);

if (!HAS_SHARED) {
  console.warn(`diff on real specs: ${SHARED_SPECS} is missing, so the Stripe version diffs are skipped`);
}

describe.skipIf(!HAS_SHARED)('Financial Connections, version to version', () => {
  it('2022-08-01 → 2022-11-15: the same seven operations, nothing changed', async () => {
    const outcome = await runDiff(whole('2022-08-01'), whole('2022-11-15'), FC);
    expect([outcome.old.operations, outcome.new.operations]).toEqual([7, 7]);
    expect(summarise(outcome.changes)).toEqual([]);
  });

  it('2022-11-15 → 2023-08-16: sessions gain `prefetch`, in the request and in the answer', async () => {
    const outcome = await runDiff(whole('2022-11-15'), whole('2023-08-16'), FC);
    expect(summarise(outcome.changes)).toEqual([
      'info request-property-added POST /v1/financial_connections/sessions › body prefetch',
      'info response-property-added financial_connections.session.prefetch',
    ]);
    // Stripe's specs say which version they are: the report points to that version's upgrade notes.
    expect(outcome.new.changelog).toEqual({ name: "Stripe's upgrade notes", url: 'https://docs.stripe.com/upgrades#2023-08-16' });
    const answer = outcome.changes[1]!;
    expect(answer.message).toBe("new property `prefetch` (`array of 'balances' | 'ownership'`)");
    expect(answer.impact.direct.map((op) => op.name)).toEqual(['financialConnections.sessions.create', 'financialConnections.sessions.retrieve']);
  });

  it('2023-08-16 → 2023-10-16 (spec/): subscriptions, transactions and transaction refreshes arrive', async () => {
    const outcome = await runDiff(whole('2023-08-16'), PROJECT_SPEC, FC);
    expect([outcome.old.operations, outcome.new.operations]).toEqual([7, 11]);
    // spec/ names the list answers as components and writes their `x-expandableFields: [data]`
    // beside the `$ref`, where the model reads it: `data` still expands, nothing is breaking.
    expect(summarise(outcome.changes)).toEqual([
      'warning response-enum-value-added financial_connections.session.prefetch[]',
      'info operation-added GET /v1/financial_connections/transactions',
      'info operation-added GET /v1/financial_connections/transactions/{transaction}',
      'info request-enum-value-added POST /v1/financial_connections/accounts/{account}/refresh › body features[]',
      'info operation-added POST /v1/financial_connections/accounts/{account}/subscribe',
      'info operation-added POST /v1/financial_connections/accounts/{account}/unsubscribe',
      'info request-enum-value-added POST /v1/financial_connections/sessions › body prefetch[]',
      // 2023-08-16's webhook endpoint lists five account events; spec/ lists the seven of 2023-10-16.
      'info event-type-added event financial_connections.account.refreshed_ownership',
      'info event-type-added event financial_connections.account.refreshed_transactions',
      'info response-property-added financial_connections.account.subscriptions',
      'info response-property-added financial_connections.account.transaction_refresh',
    ]);
    const messages = outcome.changes.map((c) => c.message);
    expect(messages).toContain('new enum value `transactions`; an exhaustive switch misses it');
    expect(messages).toContain("new property `subscriptions` (`array of 'transactions'`)");
    expect(messages).toContain('new operation `financialConnections.accounts.subscribe`');
    expect(outcome.changes.filter((c) => c.severity === 'breaking')).toEqual([]);
    // Resources outside the slice (Customer, Account, …) are small stand-ins in spec/; their
    // operations are not in the slice, so the diff stops at their ids instead of listing them.
    expect(outcome.changes.filter((c) => /^(customer|account)\./.test(c.places[0]!.schemaPath ?? ''))).toEqual([]);
  });

  it('npm run diff from 2023-08-16 to spec/ (Financial Connections) exits 0: only additions', async () => {
    const run = await runCli('diff', [whole('2023-08-16'), PROJECT_SPEC, '--include', '/v1/financial_connections/**']);
    expect(run.stdout).toContain('0 breaking');
    expect(run.status).toBe(0);
  }, 60_000);

  it('--surface on 2023-08-16 → 2023-10-16: the new methods and types of the regenerated client', async () => {
    const { surface } = await runDiff(whole('2023-08-16'), PROJECT_SPEC, { ...FC, surface: true });
    const names = (change: string) => surface!.filter((s) => s.change === change).map((s) => s.name);
    expect(names('added')).toEqual(
      expect.arrayContaining([
        'createClient().financialConnections.accounts.subscribe',
        'createClient().financialConnections.accounts.unsubscribe',
        'createClient().financialConnections.transactions.list',
        'createClient().financialConnections.transactions.retrieve',
        'financialConnectionsAccountsSubscribe',
        'FinancialConnectionsTransaction',
        'BankConnectionsResourceTransactionRefresh',
      ]),
    );
    expect(surface!.find((s) => s.name === 'FinancialConnectionsAccount')?.members?.added).toEqual(['subscriptions', 'transaction_refresh']);
    expect(surface!.find((s) => s.name === 'API_VERSION')).toMatchObject({ before: '"2023-08-16"', after: '"2023-10-16"' });
  }, 120_000);
});

describe.skipIf(!HAS_SHARED)('the whole Stripe spec', () => {
  it('2022-11-15 → 2023-08-16 completes, each of its ~460 operations compared', async () => {
    const start = performance.now();
    const outcome = await runDiff(whole('2022-11-15'), whole('2023-08-16'));
    const seconds = (performance.now() - start) / 1000;
    const count = (severity: string) => outcome.changes.filter((c) => c.severity === severity).length;
    console.info(
      `whole-spec diff 2022-11-15 → 2023-08-16: ${outcome.changes.length} changes ` +
        `(${count('breaking')} breaking, ${count('warning')} warning, ${count('info')} info) in ${seconds.toFixed(1)} s`,
    );
    expect([outcome.old.operations, outcome.new.operations]).toEqual([454, 468]);
    // Changes, not rows: the findings (a value or property once per place) group into 52 changes, and
    // one webhook event type is gone. The raw keywords add one real change, info: the accounts'
    // `business_profile.url` lost its `maxLength: 5000` (a looser request).
    expect({ breaking: count('breaking'), warning: count('warning'), info: count('info') }).toEqual({ breaking: 5, warning: 9, info: 39 });
    const loosened = outcome.changes.filter((c) => c.rule === 'request-validation-widened');
    expect(summarise(loosened)).toEqual(['info request-validation-widened POST /v1/accounts › body business_profile.url + POST /v1/accounts/{account} › body business_profile.url']);
    expect(loosened[0]!.message).toBe('`maxLength: 5000` removed');
    const lines = summarise(outcome.changes.filter((c) => c.severity !== 'info'));
    expect(lines).toEqual([
      'breaking request-property-removed POST /v1/payment_intents › body payment_method_options.blik.mandate_options + POST /v1/payment_intents/{intent} › body payment_method_options.blik.mandate_options + POST /v1/payment_intents/{intent}/confirm › body payment_method_options.blik.mandate_options',
      'breaking request-property-removed POST /v1/setup_intents › body payment_method_options.blik + POST /v1/setup_intents/{intent} › body payment_method_options.blik + POST /v1/setup_intents/{intent}/confirm › body payment_method_options.blik',
      'breaking request-enum-value-removed POST /v1/webhook_endpoints › body enabled_events[] + POST /v1/webhook_endpoints/{webhook_endpoint} › body enabled_events[]',
      'breaking response-property-removed mandate.payment_method_details.blik + setup_attempt.payment_method_details.blik + setup_intent.payment_method_options.blik',
      'breaking response-property-removed payment_intent.payment_method_options.blik.mandate_options',
      'warning response-enum-value-added account.company.structure',
      'warning response-enum-value-added ' +
        ['account', 'bank_account', 'capability', 'person'].flatMap((r) => [`${r}.future_requirements.errors[].code`, `${r}.requirements.errors[].code`]).join(' + '),
      'warning response-union-variant-added balance_transaction.source',
      'warning response-enum-value-added balance_transaction.type',
      'warning response-enum-value-added charge.payment_method_details.ideal.bank + payment_method.ideal.bank + setup_attempt.payment_method_details.ideal.bank',
      'warning response-enum-value-added charge.payment_method_details.ideal.bic + payment_method.ideal.bic + setup_attempt.payment_method_details.ideal.bic',
      'warning response-enum-value-removed dispute.status',
      // The webhook endpoint's enum lost it (the breaking request-enum-value-removed above): handlers of it are dead.
      'warning event-type-removed event invoiceitem.updated',
      'warning component-renamed subscription_schedule.phases[].invoice_settings',
    ]);
    const message = (rule: string, at: string) => outcome.changes.find((c) => c.rule === rule && locationLabel(c.places[0]!) === at)!;
    expect(message('response-enum-value-added', 'account.future_requirements.errors[].code').message).toBe(
      'new enum values `verification_directors_mismatch`, `verification_document_directors_mismatch`, `verification_extraneous_directors`, ' +
        '`verification_missing_directors`; an exhaustive switch misses them',
    );
    expect(message('component-renamed', 'subscription_schedule.phases[].invoice_settings').message).toBe(
      'type `InvoiceSettingPhaseSetting` is now `InvoiceSettingSubscriptionSchedulePhaseSetting` ' +
        '(component `invoice_setting_phase_setting` renamed to `invoice_setting_subscription_schedule_phase_setting`)',
    );
    // `blik` left mandates, setup attempts and setup intents: their own operations answer with them,
    // a payment intent carries a setup intent inline (in `last_payment_error`), a charge only when
    // its payment method's generated mandate is expanded.
    const blik = outcome.changes.find((c) => c.places.some((place) => place.schemaPath === 'mandate.payment_method_details.blik'))!;
    const label = (op: { method: string; path: string }) => `${op.method} ${op.path}`;
    expect(blik.impact.direct.map(label)).toEqual(expect.arrayContaining(['GET /v1/mandates/{mandate}', 'GET /v1/setup_attempts', 'GET /v1/setup_intents/{intent}']));
    expect(blik.impact.withoutExpand.map(label)).toContain('GET /v1/payment_intents/{intent}');
    const viaExpand = new Map(blik.impact.onlyViaExpand.map((reach) => [label(reach.operation), reach.expand]));
    expect(viaExpand.get('GET /v1/charges/{charge}')).toMatch(/^payment_method_details\.[a-z_]+\.generated_sepa_debit_mandate$/);
    expect(summarise(outcome.changes)).toEqual(
      expect.arrayContaining([
        'info operation-added POST /v1/payment_method_domains',
        'info response-property-added product.features',
        'info response-property-added financial_connections.session.prefetch',
      ]),
    );
  }, 180_000);
});

describe.skipIf(!HAS_SHARED)('the reports shown in docs/diff.md', () => {
  // Each sample follows the command that printed it, as `<!-- npm run diff -- <args> -->` (the
  // --help one is test/docs' to check).
  const samples = [...readFileSync(join(ROOT, 'docs/diff.md'), 'utf8').matchAll(/^<!-- npm run diff -- (.*) -->\n```\w+\n([\s\S]*?)^```$/gm)]
    .map((m) => ({ command: m[1]!, shown: m[2]! }))
    .filter((sample) => sample.command !== '--help');

  it('shows the FC slice as text, markdown and a changelog, and the whole spec as markdown', () => {
    expect(samples.map((s) => s.command)).toEqual([
      "../shared/specs/stripe-spec3-2022-11-15.yaml ../shared/specs/stripe-spec3-2023-08-16.yaml --include '/v1/financial_connections/**'",
      "../shared/specs/stripe-spec3-2023-08-16.yaml spec/stripe-financial-connections-2023-10-16.yaml --include '/v1/financial_connections/**' --format markdown",
      "../shared/specs/stripe-spec3-2023-08-16.yaml spec/stripe-financial-connections-2023-10-16.yaml --include '/v1/financial_connections/**' --format changelog",
      '../shared/specs/stripe-spec3-2022-11-15.yaml ../shared/specs/stripe-spec3-2023-08-16.yaml --format markdown',
    ]);
  });

  it.each(samples)('npm run diff -- $command prints what the docs show', async ({ command, shown }) => {
    const args = command.match(/'[^']*'|\S+/g)!.map((arg) => arg.replace(/^'(.*)'$/, '$1'));
    const run = await runCli('diff', args);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(shown);
  }, 60_000);
});
