// Section 3: the size of a program making one call (financial connections accounts.list), bundled
// by esbuild (bundle, minify, ESM) and gzipped (level 9), for our standalone function, our full
// client, stripe-node and openapi-fetch (with types from openapi-typescript, which vanish); then what
// each runtime behaviour costs in our standalone bundle (bundle-costs.ts).
import { build, type BuildOptions } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { behaviourCosts, FORM_BODY } from './bundle-costs.js';
import { failure, NODE, ratio, ROOT, scratch, SPECS, table, timeCommand, type BenchOptions, type SectionResult } from './lib.js';

type Platform = 'neutral' | 'browser' | 'node';

interface Program {
  readonly name: string;
  readonly file: string;
  readonly source: string;
  /** Tried in order; the first that bundles is reported. */
  readonly platforms: readonly Platform[];
  readonly conditions?: readonly string[];
  readonly note?: string;
}

const GENERATED = JSON.stringify(join(ROOT, 'generated/index.js'));
const RUNTIME = join(ROOT, 'generated/runtime');
const KEY = `'sk_test_123'`;
const PRINT = 'console.log(page.data.length, page.has_more);';

/** Not in the table: measured only for what its form body encoder costs. */
const POST_CALL: Program = {
  name: 'ours: standalone function, a form-body POST',
  file: 'ours-standalone-post.ts',
  source: `import { createTransport, financialConnectionsSessionsCreate } from ${GENERATED};
const transport = createTransport({ apiKey: ${KEY} });
const session = await financialConnectionsSessionsCreate(transport, { account_holder: { type: 'customer', customer: 'cus_1' }, permissions: ['balances'] });
console.log(session.id);\n`,
  platforms: ['neutral'],
};

const STRIPE = `import Stripe from 'stripe';
const stripe = new Stripe(${KEY}, { apiVersion: '2023-10-16' });
const page = await stripe.financialConnections.accounts.list({ limit: 3 });
${PRINT}\n`;

const PROGRAMS: readonly Program[] = [
  {
    name: 'ours: standalone function',
    file: 'ours-standalone.ts',
    source: `import { createTransport, financialConnectionsAccountsList } from ${GENERATED};
const transport = createTransport({ apiKey: ${KEY} });
const page = await financialConnectionsAccountsList(transport, { limit: 3 });
${PRINT}\n`,
    platforms: ['neutral', 'browser'],
  },
  {
    name: 'ours: full client',
    file: 'ours-client.ts',
    source: `import { createClient } from ${GENERATED};
const stripe = createClient({ apiKey: ${KEY} });
const page = await stripe.financialConnections.accounts.list({ limit: 3 });
${PRINT}\n`,
    platforms: ['neutral', 'browser'],
  },
  {
    name: 'openapi-fetch 0.17.0',
    file: 'openapi-fetch.ts',
    source: `import createClient from 'openapi-fetch';
import type { paths } from './openapi-typescript-fc.js';
const client = createClient<paths>({ baseUrl: 'https://api.stripe.com', headers: { Authorization: 'Bearer ' + ${KEY}, 'Stripe-Version': '2023-10-16' } });
const { data: page, error } = await client.GET('/v1/financial_connections/accounts', { params: { query: { limit: 3 } } });
if (error) throw new Error(String(error));
${PRINT}\n`,
    platforms: ['neutral', 'browser'],
  },
  {
    name: 'stripe 14.25.0 (node build)',
    file: 'stripe.ts',
    source: STRIPE,
    platforms: ['node'],
    note: 'needs node builtins (http, https, crypto, events, child_process), left external by platform node',
  },
  {
    name: 'stripe 14.25.0 (worker build)',
    file: 'stripe.ts',
    source: STRIPE,
    platforms: ['browser'],
    conditions: ['worker'],
    note: "its fetch-based build, selected with the package's `worker` export condition",
  },
];

export async function benchBundle({ log }: BenchOptions): Promise<SectionResult> {
  const dir = scratch('bundle');
  const fc = SPECS.find((s) => s.key === 'fc')!;
  const types = timeCommand(NODE, [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), fc.path, '-o', join(dir, 'openapi-typescript-fc.ts')]);
  if (types.status !== 0) throw new Error(failure('openapi-typescript (types for openapi-fetch)', types));
  const results: { name: string; platform: Platform | null; minified: number; gzipped: number; inputs?: { path: string; bytesInOutput: number }[]; note?: string; error?: string }[] = [];
  const options = (program: Program, platform: Platform): BuildOptions => ({
    entryPoints: [join(dir, program.file)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    ...(program.conditions ? { conditions: [...program.conditions] } : {}),
    logLevel: 'silent',
  });
  for (const program of PROGRAMS) {
    writeFileSync(join(dir, program.file), program.source);
    const errors: string[] = [];
    let done = false;
    for (const platform of program.platforms) {
      try {
        const out = await build({ ...options(program, platform), write: false, metafile: true });
        const inputs = Object.entries(Object.values(out.metafile.outputs)[0]!.inputs)
          .map(([path, { bytesInOutput }]) => ({ path: path.replace(/^(\.\.\/)+/, ''), bytesInOutput }))
          .sort((a, b) => b.bytesInOutput - a.bytesInOutput);
        const code = out.outputFiles[0]!.contents;
        const gzipped = gzipSync(code, { level: 9 }).length;
        results.push({ name: program.name, platform, minified: code.length, gzipped, inputs, ...(program.note ? { note: program.note } : {}) });
        log(`  ${program.name}: ${gzipped} B gzipped (platform ${platform})`);
        done = true;
        break;
      } catch (e) {
        errors.push(`platform ${platform}: ${(e as Error).message.split('\n').slice(0, 3).join(' ')}`);
      }
    }
    if (!done) {
      results.push({ name: program.name, platform: null, minified: NaN, gzipped: NaN, error: errors.join('; ') });
      log(`  ${program.name}: FAILED ${errors.join('; ')}`);
    }
    if (done && errors.length) results.at(-1)!.note = [results.at(-1)!.note, errors.join('; ')].filter(Boolean).join('; ');
  }
  const peer = results.find((r) => r.name.startsWith('openapi-fetch'))!.gzipped;
  const standalone = results[0]!.gzipped;
  const rows = results.map((r) => [
    r.name,
    r.platform ?? 'FAILED',
    r.error ? `FAILED: ${r.error}` : r.minified,
    r.error ? '' : r.gzipped,
    r === results[0] ? '' : ratio(standalone, r.gzipped),
    ratio(r.gzipped, peer),
    r.note ?? '',
  ]);
  const profile = await behaviourCosts(options(PROGRAMS[0]!, results[0]!.platform ?? 'neutral'), RUNTIME);
  writeFileSync(join(dir, POST_CALL.file), POST_CALL.source);
  const post = await behaviourCosts(options(POST_CALL, 'neutral'), RUNTIME, [FORM_BODY]);
  const costRows = [
    ...profile.costs.map((c) => [c.name, c.modules.join(', '), c.gzipped]),
    ['the rest: options, URL, headers, idempotency key, fetch loop, ApiError, JSON, the call', '', profile.rest],
    ['**the standalone bundle**', '', profile.whole],
  ];
  const markdown = [
    table(['program (one accounts.list call)', 'esbuild platform', 'minified B', 'gzip -9 B', 'ours standalone / this', 'this / openapi-fetch', 'note'], rows),
    '',
    `- \`esbuild --bundle --minify --format=esm --platform=…\` (esbuild ${(await import('esbuild')).version}), then \`zlib.gzipSync(…, { level: 9 })\`. Target: ours no larger than openapi-fetch.`,
    `- Largest inputs of our standalone bundle (minified bytes before gzip): ${(results[0]!.inputs ?? []).slice(0, 6).map((i) => `${i.path.replace(/^.*generated\//, '')} ${i.bytesInOutput}`).join(', ')}.`,
    '- openapi-fetch gets `paths` from openapi-typescript run on spec/; types vanish in the bundle. Same call, same headers (key, Stripe-Version) in every program.',
    '',
    '### What each behaviour costs in our standalone bundle',
    '',
    table(['behaviour', 'runtime module', 'gzip B'], costRows),
    '',
    '- Each row: the gzipped bundle minus the same bundle with that behaviour\'s functions replaced by no-ops (scripts/bench/bundle-costs.ts), removed one after another in this order, so the rows add up to the bundle; calls to the replaced functions stay in the transport.',
    `- Not in a GET's bundle: the ${FORM_BODY.name}, ${post.costs[0]!.gzipped} B in the bundle of one \`sessions.create\` call (${post.whole} B).`,
  ].join('\n');
  return { title: '3. One-call bundle size', markdown, data: { programs: results, behaviourCosts: profile, formBodyCost: post } };
}
