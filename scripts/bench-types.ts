// What typed `expand` costs the type checker. The Financial Connections client is generated twice,
// with narrowing (as shipped) and plain (`expand?: string[]`, fields `string | T`, emitted by
// `emitPlanOf(…, { expandTypes: false })`), and the same file of 200 varied calls is checked
// against each by `tsc --noEmit --extendedDiagnostics` under TypeScript 5.9 and 7, with the strict
// options of the type tests (the calls only hand results on, so they compile against both). Instantiations and types are exact; check time is the median of
// `--runs` runs (variants take turns, so a busy machine slows both alike). The narrowing must stay
// under 2x the plain version. `--whole` also checks the client of Stripe's whole 2023-08-16 spec
// from ../shared/specs, both ways, with no calls.
//
//   npx tsx scripts/bench-types.ts [--runs 5] [--whole]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emitPlanOf } from '../generator/emit/emit-plan.js';
import { emitResourceFile } from '../generator/emit/resource-files.js';
import { generateFiles } from '../generator/generate.js';
import { PROJECT_SPEC, ROOT, SHARED_SPECS } from '../test/support/paths.js';
import { COMPILERS, STRICT_OPTIONS, type CompilerName } from '../test/support/typecheck.js';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const WHOLE = args.includes('--whole');
const WORK = join(ROOT, '.bench-tmp/types');
const LIMIT = 2;

type Variant = 'narrowing' | 'plain';
const VARIANTS: readonly Variant[] = ['narrowing', 'plain'];

interface Measure {
  readonly instantiations: number;
  readonly types: number;
  readonly checkSeconds: number[];
}

/** Writes the generated client; the plain variant's resource files are emitted without expand types. */
async function writeClient(spec: string, dir: string, variant: Variant): Promise<void> {
  const { model, files } = await generateFiles(spec);
  const plan = variant === 'plain' ? emitPlanOf(model, { expandTypes: false }) : undefined;
  const plain = new Map(plan ? plan.resources.map((f) => [f.path, emitResourceFile(plan, f)] as const) : []);
  rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), plain.get(file.path) ?? file.contents);
  }
}

/** 200 calls a user might write, cycling through 20 shapes: with and without expand, every method, both call styles. */
function callsFile(): string {
  const shapes: ((i: number) => string)[] = [
    (i) => `const a = await stripe.financialConnections.accounts.retrieve('fca_${i}');\n  use(a.ownership, a.id);`,
    (i) => `const a = await stripe.financialConnections.accounts.retrieve('fca_${i}', { expand: ['ownership'] });\n  use(a.ownership);`,
    (i) => `const a = await stripe.financialConnections.accounts.retrieve('fca_${i}', { expand: ['account_holder.customer', 'ownership'] });\n  use(a.account_holder?.customer, a.ownership);`,
    (i) => `const page = await stripe.financialConnections.accounts.list({ limit: ${(i % 100) + 1} });\n  use(page.data[0]?.ownership, page.has_more);`,
    (i) => `for await (const a of stripe.financialConnections.accounts.list({ limit: ${(i % 100) + 1}, expand: ['data.ownership'] })) use(a.ownership);`,
    (i) => `const all = await stripe.financialConnections.accounts.list({ session: 'fcsess_${i}', expand: ['data.account_holder.account'] }).toArray({ limit: 50 });\n  use(all[0]?.account_holder?.account);`,
    (i) => `const s = await stripe.financialConnections.sessions.create({ account_holder: { type: 'customer', customer: 'cus_${i}' }, permissions: ['balances'], expand: ['accounts.data.ownership'] });\n  use(s.accounts.data[0]?.ownership, s.client_secret);`,
    (i) => `const s = await stripe.financialConnections.sessions.retrieve('fcsess_${i}', { expand: ['account_holder.customer'] });\n  use(s.account_holder?.customer);`,
    (i) => `const t = await stripe.financialConnections.transactions.list({ account: 'fca_${i}', expand: ['data.status_transitions'] });\n  use(t.data[0]?.status_transitions.posted_at);`,
    (i) => `const t = await stripe.financialConnections.transactions.retrieve('fctxn_${i}');\n  use(t.amount, t.status);`,
    (i) => `const a = await stripe.financialConnections.accounts.refresh('fca_${i}', { features: ['balance'], expand: ['ownership'] });\n  use(a.ownership, a.balance_refresh);`,
    (i) => `const a = await financialConnectionsAccountsRetrieve(transport, 'fca_${i}', { expand: ['ownership', 'account_holder.account'] });\n  use(a.ownership, a.account_holder?.account);`,
    (i) => `const a = await stripe.financialConnections.accounts.disconnect('fca_${i}', {}, { idempotencyKey: 'key_${i}' });\n  use(a.status);`,
    (i) => `const o = await stripe.financialConnections.accounts.listOwners('fca_${i}', { ownership: 'fcaowns_${i}', limit: 10 });\n  use(o.data[0]?.name);`,
    (i) => `const a = await stripe.financialConnections.accounts.subscribe('fca_${i}', { features: ['transactions'], expand: ['ownership.owners'] });\n  use(a.subscriptions, a.ownership);`,
    (i) => `const a = await stripe.financialConnections.accounts.unsubscribe('fca_${i}', { features: ['transactions'] });\n  use(a.subscriptions);`,
    (i) => `const { data, response } = await stripe.financialConnections.accounts.retrieve('fca_${i}', { expand: ['ownership'] }).withResponse();\n  use(data.ownership, response.requestId);`,
    (i) => `for await (const a of financialConnectionsAccountsList(transport, { account_holder: { customer: 'cus_${i}' }, expand: ['data.ownership', 'data.account_holder.customer'] })) use(a.ownership, a.account_holder?.customer);`,
    (i) => `const s = await financialConnectionsSessionsRetrieve(transport, 'fcsess_${i}', { expand: ['accounts.data.account_holder.customer'] });\n  use(s.accounts.data[0]?.account_holder?.customer);`,
    (i) => `const page = await stripe.financialConnections.transactions.list({ account: 'fca_${i}', transacted_at: { gte: ${1700000000 + i} } });\n  use(page.data[0]?.transacted_at);`,
  ];
  const calls = Array.from({ length: 200 }, (_, i) => `export async function call${i}(): Promise<void> {\n  ${shapes[i % shapes.length]!(i)}\n}`);
  return [
    "import { createClient, createTransport, financialConnectionsAccountsList, financialConnectionsAccountsRetrieve, financialConnectionsSessionsRetrieve } from './client/index.js';",
    '',
    'declare function use(...values: unknown[]): void;',
    "const stripe = createClient({ apiKey: 'sk_test_123' });",
    "const transport = createTransport({ apiKey: 'sk_test_123' });",
    '',
    ...calls,
    '',
  ].join('\n');
}

/**
 * A project: the client under client/ and, unless `calls` is null, the calls file, with the type
 * tests' strict options and, beside them, `tsconfig.skiplib.json` with skipLibCheck (the generated
 * client is .ts and is checked either way).
 */
function writeProject(dir: string, calls: string | null): void {
  if (calls !== null) writeFileSync(join(dir, 'calls.ts'), calls);
  const include = calls === null ? ['client/**/*.ts'] : ['calls.ts', 'client/**/*.ts'];
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: STRICT_OPTIONS, include }, null, 2));
  const skipLib = { compilerOptions: { ...STRICT_OPTIONS, skipLibCheck: true }, include };
  writeFileSync(join(dir, 'tsconfig.skiplib.json'), JSON.stringify(skipLib, null, 2));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
}

type Config = 'tsconfig.json' | 'tsconfig.skiplib.json';

function check(dir: string, config: Config, compiler: CompilerName): { instantiations: number; types: number; checkSeconds: number } {
  const run = spawnSync(process.execPath, [COMPILERS[compiler], '-p', join(dir, config), '--extendedDiagnostics'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const out = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`${compiler} found errors in ${dir}:\n${out.split('\n').filter((l) => l.includes('error')).slice(0, 20).join('\n')}`);
  const field = (label: string) => {
    const match = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(out);
    if (!match) throw new Error(`${compiler} printed no "${label}" in ${dir}:\n${out}`);
    return Number(match[1]);
  };
  return { instantiations: field('Instantiations'), types: field('Types'), checkSeconds: field('Check time') };
}

function measure(dirs: Record<Variant, string>, config: Config, label: string): Map<string, Measure> {
  const results = new Map<string, Measure>();
  for (let run = 0; run < RUNS; run++) {
    for (const compiler of Object.keys(COMPILERS) as CompilerName[]) {
      for (const variant of VARIANTS) {
        const key = `${compiler}\u0000${variant}`;
        const m = check(dirs[variant], config, compiler);
        const known = results.get(key);
        results.set(key, { instantiations: m.instantiations, types: m.types, checkSeconds: [...(known?.checkSeconds ?? []), m.checkSeconds] });
      }
    }
    process.stderr.write(`  ${label}: run ${run + 1}/${RUNS}\n`);
  }
  return results;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Prints one table and returns the largest narrowing/plain ratio of check time. */
function report(title: string, results: Map<string, Measure>): number {
  const rows: string[][] = [['compiler', 'variant', 'instantiations', 'types', `check s (median of ${RUNS})`, 'narrowing / plain']];
  let worst = 0;
  for (const compiler of Object.keys(COMPILERS) as CompilerName[]) {
    const plain = results.get(`${compiler}\u0000plain`)!;
    for (const variant of VARIANTS) {
      const m = results.get(`${compiler}\u0000${variant}`)!;
      let ratios = '';
      if (variant === 'narrowing') {
        const inst = m.instantiations / plain.instantiations;
        const time = median(m.checkSeconds) / median(plain.checkSeconds);
        worst = Math.max(worst, time);
        ratios = `${inst.toFixed(2)}x instantiations, ${time.toFixed(2)}x check time`;
      }
      rows.push([compiler, variant, String(m.instantiations), String(m.types), median(m.checkSeconds).toFixed(2), ratios]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log([line(rows[0]!), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n'));
  return worst;
}

function sizeOf(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

async function main(): Promise<void> {
  const calls = callsFile();
  const fc = {} as Record<Variant, string>;
  for (const variant of VARIANTS) {
    fc[variant] = join(WORK, `fc-${variant}`);
    await writeClient(PROJECT_SPEC, join(fc[variant], 'client'), variant);
    writeProject(fc[variant], calls);
  }
  const worst = Math.max(
    report('Financial Connections client + 200 calls, strict options of the type tests', measure(fc, 'tsconfig.json', 'FC, strict')),
    report('The same with skipLibCheck: only the client and the calls are checked', measure(fc, 'tsconfig.skiplib.json', 'FC, skipLibCheck')),
  );

  const whole = join(SHARED_SPECS, 'stripe-spec3-2023-08-16.yaml');
  if (WHOLE && existsSync(whole)) {
    const dirs = {} as Record<Variant, string>;
    for (const variant of VARIANTS) {
      dirs[variant] = join(WORK, `whole-${variant}`);
      process.stderr.write(`  generating the whole spec (${variant})…\n`);
      await writeClient(whole, join(dirs[variant], 'client'), variant);
      writeProject(dirs[variant], null);
    }
    report('Whole Stripe 2023-08-16 client, no calls, skipLibCheck', measure(dirs, 'tsconfig.skiplib.json', 'whole spec'));
    const mb = (dir: string) => (sizeOf(join(dir, 'client')) / 1e6).toFixed(2);
    console.log(`\nGenerated .ts: ${mb(dirs.narrowing)} MB with narrowing, ${mb(dirs.plain)} MB plain.`);
  } else if (WHOLE) {
    console.log(`\nWhole spec skipped: ${whole} is missing.`);
  }

  console.log(`\nLargest narrowing/plain ratio of check time on the 200 calls: ${worst.toFixed(2)}x (limit ${LIMIT}x).`);
  if (worst >= LIMIT) process.exitCode = 1;
}

await main();
