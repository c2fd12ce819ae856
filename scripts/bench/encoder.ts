// Section 4: form-encoding a sessions.create body. Ours (generated/runtime/form-encode.ts) against
// stripe-node 14's own `stringifyRequestData` (qs.stringify with indices arrays, then %5B/%5D back to
// brackets), loaded from node_modules/stripe/cjs/utils.js. Both must give the same string first.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import qs from 'qs';
import { formEncode } from '../../generated/runtime/form-encode.js';
import { median, ratio, ROOT, round, table, type BenchOptions, type SectionResult } from './lib.js';

const TARGET = 3;

const BODY = {
  account_holder: { type: 'customer', customer: 'cus_NffrFeUfNV2Hib' },
  permissions: ['balances', 'ownership', 'payment_method', 'transactions'],
  filters: { countries: ['US', 'CA'] },
  return_url: 'https://example.com/return?session=1&step=2',
  expand: ['accounts', 'accounts.data.ownership'],
};

type Encoder = (body: object) => string;

// The SDK's function itself (a file path require bypasses the package's exports map).
const stripeUtils = createRequire(import.meta.url)(join(ROOT, 'node_modules/stripe/cjs/utils.js')) as { stringifyRequestData: Encoder };
// The same call written out, as the brief states it, to show the two agree.
const qsIndices: Encoder = (body) => qs.stringify(body, { arrayFormat: 'indices' }).replace(/%5B/g, '[').replace(/%5D/g, ']');

let sink = 0;

/** Calls per second of `fn` over a batch lasting at least `minMs`. */
function opsPerSecond(fn: Encoder, minMs: number): number {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < 500; i++) sink += fn(BODY).length;
    n += 500;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (n / elapsed) * 1000;
}

export async function benchEncoder({ runs, log }: BenchOptions): Promise<SectionResult> {
  const encoders: [string, Encoder][] = [
    ['ours: formEncode', formEncode],
    ['stripe-node 14.25.0: stringifyRequestData (qs 6 + bracket fix-up)', stripeUtils.stringifyRequestData],
  ];
  const expected = qsIndices(BODY);
  for (const [name, fn] of encoders) {
    const got = fn(BODY);
    if (got !== expected) throw new Error(`${name} differs from qs.stringify(indices) + fix-up:\n  ${got}\n  ${expected}`);
  }
  for (const [, fn] of encoders) opsPerSecond(fn, 300); // warm-up: let the JIT settle
  const rounds = Math.max(runs, 7);
  const samples = encoders.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) encoders.forEach(([, fn], i) => samples[i]!.push(opsPerSecond(fn, 200)));
  const medians = samples.map(median);
  log(`  encoder: ${medians.map((m) => m.toFixed(0)).join(' vs ')} ops/s (sink ${sink % 10})`);
  const rows = encoders.map(([name], i) => [name, Math.round(medians[i]!).toLocaleString('en-US'), i === 0 ? '' : ratio(medians[0]!, medians[i]!)]);
  const markdown = [
    table(['encoder (sessions.create body)', 'ops/s (median)', 'ours/this (speed-up)'], rows),
    '',
    `- Body: \`${expected}\` (${expected.length} chars); all encoders checked to give this exact string before timing.`,
    `- Medians of ${rounds} alternating batches of ≥ 200 ms each after a 300 ms warm-up, in one process (${process.version}). Target: ≥ ${TARGET}×.`,
  ].join('\n');
  return {
    title: '4. Form encoder throughput',
    markdown,
    data: { body: expected, encoders: encoders.map(([name], i) => ({ name, opsPerSecond: samples[i]!.map((x) => round(x, 0)), median: round(medians[i]!, 0) })) },
  };
}
