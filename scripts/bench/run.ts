// `npm run bench [-- --runs N] [-- --only generation,noop,bundle,encoder,tsc]`: every section side by
// side in one run; prints a markdown report and writes it to .bench-tmp/results.md and .json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchBundle } from './bundle.js';
import { benchEncoder } from './encoder.js';
import { benchGeneration } from './generation.js';
import { machine, TMP, type BenchOptions, type SectionResult } from './lib.js';
import { benchNoop } from './noop.js';
import { benchTsc } from './tsc.js';

const SECTIONS: Record<string, (options: BenchOptions) => Promise<SectionResult>> = {
  generation: benchGeneration,
  noop: benchNoop,
  bundle: benchBundle,
  encoder: benchEncoder,
  tsc: benchTsc,
};

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, only: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
const only = values.only ? values.only.split(',') : Object.keys(SECTIONS);
for (const name of only) if (!SECTIONS[name]) throw new Error(`unknown section ${name}; known: ${Object.keys(SECTIONS).join(', ')}`);

const log = (line: string) => console.error(line);
const before = machine();
const started = performance.now();
const results: { name: string; result?: SectionResult; error?: string; seconds: number }[] = [];
for (const name of only) {
  log(`${name}…`);
  const t0 = performance.now();
  try {
    results.push({ name, result: await SECTIONS[name]!({ runs, log }), seconds: (performance.now() - t0) / 1000 });
  } catch (e) {
    log(`${name} FAILED: ${(e as Error).message}`);
    results.push({ name, error: (e as Error).message, seconds: (performance.now() - t0) / 1000 });
  }
}
const totalSeconds = (performance.now() - started) / 1000;
const after = machine();

const header = [
  `# Benchmarks: openapi-client-codegen vs peers`,
  '',
  `${before.date} · ${before.cpu} · ${before.cores} cores · ${before.memoryGb} GB · Node ${before.node} · ${before.platform}`,
  `load average (1/5/15 min) at start ${before.loadavg.join(' / ')}, at end ${after.loadavg.join(' / ')} · total ${totalSeconds.toFixed(0)} s · \`npm run bench -- --runs ${runs}\``,
];
const body = results.map((r) =>
  r.result ? `## ${r.result.title}\n\n${r.result.markdown}` : `## ${r.name}\n\nFAILED:\n\n\`\`\`\n${r.error}\n\`\`\``,
);
const markdown = [...header, '', ...body.flatMap((b) => [b, ''])].join('\n');
console.log(markdown);
mkdirSync(TMP, { recursive: true });
writeFileSync(join(TMP, 'results.md'), markdown);
writeFileSync(
  join(TMP, 'results.json'),
  JSON.stringify({ machine: before, loadavgAtEnd: after.loadavg, runs, totalSeconds, sections: results.map((r) => ({ name: r.name, seconds: r.seconds, error: r.error ?? null, data: r.result?.data ?? null })) }, null, 2) + '\n',
);
log(`wrote ${join(TMP, 'results.md')} and results.json`);
if (results.some((r) => r.error)) process.exitCode = 1;
