// `npm run fuzz -- --runs 1000 [--seed N] [--keep] [--compiler 7|5.9|both]`: random
// specs through the whole generator, reporting crashes, nondeterminism and clients that do not
// compile. Exits 1 when it finds any; the specs that show a finding are kept for replay.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CompilerName } from '../test/support/typecheck.js';
import { describeReport, fuzz } from '../test/fuzz/harness.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '200' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    keep: { type: 'boolean', default: false },
    compiler: { type: 'string', default: 'both' },
    batch: { type: 'string', default: '250' },
  },
  strict: true,
});

const runs = Number(values.runs);
const seed = Number(values.seed);
const batch = Number(values.batch);
const compilers: CompilerName[] =
  values.compiler === '7'
    ? ['TypeScript 7']
    : values.compiler === '5.9'
      ? ['TypeScript 5.9']
      : ['TypeScript 7', 'TypeScript 5.9'];
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !Number.isInteger(batch) || batch < 1) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed N] [--keep] [--compiler 7|5.9|both] [--batch N]');
  process.exit(1);
}

console.log(`fuzzing: ${runs} random specs, seed ${seed}, ${compilers.join(' and ')}`);

// Batches keep one compiler run (and the disk used) bounded; each batch has its own seed.
let failed = false;
for (let done = 0, index = 0; done < runs; done += batch, index++) {
  const workDir = mkdtempSync(join(tmpdir(), 'fuzz-'));
  const report = await fuzz({
    seed: seed + index,
    runs: Math.min(batch, runs - done),
    workDir,
    compilers,
  });
  console.log(`\nbatch ${index + 1} (seed ${seed + index}, specs in ${workDir}):`);
  console.log(describeReport(report));
  const found = report.crashes.length + report.nondeterministic.length + report.unformatted.length + report.compileErrors.length > 0;
  failed ||= found;
  if (!found && !values.keep) rmSync(workDir, { recursive: true, force: true });
}
console.log(failed ? '\nFOUND PROBLEMS: see above; the specs are kept for replay.' : '\nnothing found.');
process.exitCode = failed ? 1 : 0;
