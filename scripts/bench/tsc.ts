// Section 5: `tsc --noEmit` (TypeScript 5.9) of the same ~20 calls typed by our whole-spec client
// and by stripe@14.25.0's own types; an empty file under the same options gives the fixed cost.
// Each program must compile without a single diagnostic, or its time means nothing. The target
// row is our client as generated (.ts sources, which tsc checks in full); a second row compiles
// the same client to .d.ts + .js first (`tsc --declaration`, as a package of it would ship), so
// that skipLibCheck treats it as it treats stripe's .d.ts: like for like, not the target.
import { rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  availableSpecs,
  ensureOurs,
  failure,
  mb,
  median,
  NODE,
  ratio,
  round,
  scratch,
  seconds,
  table,
  timeCommand,
  TSC_59,
  type BenchOptions,
  type SectionResult,
} from './lib.js';

/** Written once, compiled against both clients: only the line creating `stripe` differs. */
const CALLS = `
const customer = await stripe.customers.create({ email: 'jenny@example.com', name: 'Jenny', metadata: { order: '6735' } });
const fetched = await stripe.customers.retrieve(customer.id, { expand: ['default_source'] });
const customers = await stripe.customers.list({ limit: 3, email: 'jenny@example.com' });
const updated = await stripe.customers.update(customer.id, { description: 'vip', invoice_settings: { default_payment_method: 'pm_1' } });
const charge = await stripe.charges.retrieve('ch_1', { expand: ['customer', 'invoice'] });
const charges = await stripe.charges.list({ customer: customer.id, created: { gte: 1700000000 } });
const intent = await stripe.paymentIntents.create({ amount: 2000, currency: 'usd', customer: customer.id, automatic_payment_methods: { enabled: true }, metadata: { order: '6735' } });
const confirmed = await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa', return_url: 'https://example.com' });
const accounts = await stripe.financialConnections.accounts.list({ account_holder: { customer: customer.id }, limit: 10 });
const session = await stripe.financialConnections.sessions.create({ account_holder: { type: 'customer', customer: customer.id }, permissions: ['balances', 'ownership'], filters: { countries: ['US'] } });
const subscriptions = await stripe.subscriptions.list({ customer: customer.id, status: 'active', limit: 5 });
const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: 'price_1', quantity: 2 }], payment_behavior: 'default_incomplete' });
const invoice = await stripe.invoices.retrieve('in_1', { expand: ['subscription'] });
const refund = await stripe.refunds.create({ charge: charge.id, amount: 500, reason: 'requested_by_customer' });
const product = await stripe.products.create({ name: 'T-shirt', default_price_data: { currency: 'usd', unit_amount: 1500 } });
const prices = await stripe.prices.list({ product: product.id, active: true, type: 'recurring' });
const setupIntent = await stripe.setupIntents.create({ customer: customer.id, usage: 'off_session', payment_method_types: ['card'] });
const checkout = await stripe.checkout.sessions.create({ mode: 'payment', success_url: 'https://example.com/ok', line_items: [{ price: 'price_1', quantity: 1 }] });
const events = await stripe.events.list({ type: 'charge.succeeded', created: { gte: 1700000000 } });
const balance = await stripe.balance.retrieve();
const transfer = await stripe.transfers.create({ amount: 1000, currency: 'usd', destination: 'acct_1', transfer_group: 'ORDER_95' });
for await (const c of stripe.customers.list({ limit: 100 })) console.log(c.id);

console.log(fetched.id, customers.data[0]?.email, updated.description, charge.amount, charges.has_more, confirmed.status);
console.log(accounts.data[0]?.institution_name, session.client_secret, subscriptions.data.length, subscription.status);
console.log(invoice.amount_due, refund.status, prices.data[0]?.unit_amount, setupIntent.client_secret, checkout.url);
console.log(events.data[0]?.type, balance.available[0]?.amount, transfer.amount);
`;

const ours = (index: string) => `import { createClient } from '${index}';\nconst stripe = createClient({ apiKey: 'sk_test_123' });\n${CALLS}`;

const PROGRAMS = (oursIndex: string, declarationsIndex: string) => [
  { name: 'ours (whole-spec client, generated .ts)', file: 'ours.ts', source: ours(oursIndex) },
  { name: 'stripe 14.25.0 types', file: 'stripe.ts', source: `import Stripe from 'stripe';\nconst stripe = new Stripe('sk_test_123', { apiVersion: '2023-10-16' });\n${CALLS}` },
  { name: 'baseline: empty module', file: 'empty.ts', source: 'export {};\n' },
  { name: 'ours compiled to .d.ts + .js (not the target)', file: 'ours-declarations.ts', source: ours(declarationsIndex) },
];

/** The project's own strict options; skipLibCheck as most projects set it (stripe's .d.ts are then not checked, our .ts always are). */
const COMPILER_OPTIONS = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  types: ['node'],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  skipLibCheck: true,
  noEmit: true,
};

/** Compiles our generated client to .d.ts + .js (untimed) under the same options; returns the folder. */
function compileToDeclarations(oursDir: string, dir: string): string {
  const out = join(dir, 'ours-declarations');
  rmSync(out, { recursive: true, force: true });
  const { noEmit: _, ...emitting } = COMPILER_OPTIONS;
  const config = { compilerOptions: { ...emitting, declaration: true, rootDir: oursDir, outDir: out }, files: [join(oursDir, 'index.ts')] };
  writeFileSync(join(dir, 'tsconfig.declarations.json'), JSON.stringify(config, null, 2));
  const t = timeCommand(NODE, [TSC_59, '-p', 'tsconfig.declarations.json'], dir);
  if (t.status !== 0 || t.stdout.trim()) throw new Error(failure(`tsc --declaration of our client (${oursDir})`, t));
  return out;
}

export async function benchTsc({ runs, log }: BenchOptions): Promise<SectionResult> {
  const whole = availableSpecs().find((s) => s.key === 'whole');
  if (!whole) return { title: '5. Type-checking calls', markdown: '- Skipped: the whole Stripe spec is not present.', data: null };
  const dir = scratch('tsc');
  const oursDir = ensureOurs(whole);
  const declarationsDir = compileToDeclarations(oursDir, dir);
  const programs = PROGRAMS('./' + relative(dir, join(oursDir, 'index.js')), './' + relative(dir, join(declarationsDir, 'index.js')));
  for (const p of programs) {
    writeFileSync(join(dir, p.file), p.source);
    writeFileSync(join(dir, `tsconfig.${p.file}.json`), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: [p.file] }, null, 2));
  }
  const samples = programs.map(() => ({ ms: [] as number[], cpu: [] as number[], rss: [] as number[] }));
  for (let i = 0; i < runs; i++) {
    programs.forEach((p, k) => {
      const t = timeCommand(NODE, [TSC_59, '-p', `tsconfig.${p.file}.json`], dir);
      if (t.status !== 0 || t.stdout.trim()) throw new Error(failure(`tsc on ${p.name} (${join(dir, p.file)})`, t));
      samples[k]!.ms.push(t.ms);
      if (t.maxRssMb !== null) samples[k]!.rss.push(t.maxRssMb);
      if (t.cpuMs !== null) samples[k]!.cpu.push(t.cpuMs);
      log(`  tsc run ${i + 1}/${runs} ${p.name}: ${seconds(t.ms)} s`);
    });
  }
  const ms = samples.map((s) => median(s.ms));
  const rss = samples.map((s) => (s.rss.length ? median(s.rss) : null));
  // CPU time is less disturbed than wall time by other work on a shared machine (not immune).
  const cpu = samples.map((s) => (s.cpu.length ? median(s.cpu) : null));
  const base = ms[2]!;
  const isOurs = (k: number) => k === 0 || k === 3;
  const rows = programs.map((p, k) => [
    p.name,
    seconds(ms[k]!),
    k === 2 ? '' : seconds(ms[k]! - base),
    mb(rss[k]!),
    isOurs(k) ? ratio(ms[k]!, ms[1]!) : '',
    isOurs(k) ? ratio(ms[k]! - base, ms[1]! - base) : '',
    cpu[k] === null ? 'n/a' : seconds(cpu[k]!),
    isOurs(k) ? ratio(cpu[k]!, cpu[1]!) : '',
  ]);
  const markdown = [
    table(['program (same 21 calls)', 'tsc s (median)', 'beyond empty-file baseline s', 'peak RSS MB', 'ours/stripe', 'ours/stripe beyond baseline', 'CPU s (user+sys, median)', 'ours/stripe CPU'], rows),
    '',
    `- \`node node_modules/typescript/bin/tsc -p …\` (TypeScript 5.9), medians of ${runs} runs, programs taking turns; every run must finish with no diagnostics. Wall time is the target; CPU time (GNU time, user + system) is shown because other work on a shared machine disturbs it less.`,
    '- Options: the project\'s strict set (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, NodeNext) with skipLibCheck, so stripe\'s .d.ts files are not themselves checked while our generated .ts files are. Our client is generated from the whole 2023-08-16 spec; stripe 14.25.0 types 2023-10-16.',
    '- The target (≤ 1.0×) is the first row: the client as the generator writes it. The last row is the same client compiled beforehand by `tsc --declaration` (untimed), which skipLibCheck then skips as it skips stripe\'s: the like-for-like comparison, reported beside the target, not instead of it.',
  ].join('\n');
  return {
    title: '5. Type-checking the same calls',
    markdown,
    data: programs.map((p, k) => ({
      name: p.name,
      wallMs: samples[k]!.ms.map((x) => round(x, 0)),
      medianWallMs: round(ms[k]!, 0),
      cpuMs: samples[k]!.cpu.map((x) => round(x, 0)),
      medianPeakRssMb: rss[k] === null ? null : round(rss[k]!, 0),
    })),
  };
}
