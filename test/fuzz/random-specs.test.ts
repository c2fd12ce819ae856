// The user's story: whatever spec I feed the generator, it either writes a client that compiles
// or tells me what is wrong with my spec; it never crashes, and the same spec always gives the
// same bytes. A fixed-seed sample runs here; `npm run fuzz -- --runs 1000` runs many more.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeReport, fuzz, type FuzzReport } from './harness.js';
import { scratchDir } from '../support/paths.js';

// A seed whose sample has both outcomes: clients generated, and specs refused as the user's fault.
const SEED = 4;
const RUNS = 12;

const workDir = scratchDir('fuzz-sample');

let report: FuzzReport;

it(`generates from ${RUNS} random specs (seed ${SEED}) without a crash`, async () => {
  report = await fuzz({ seed: SEED, runs: RUNS, workDir, compilers: ['TypeScript 7', 'TypeScript 5.9'] });
  console.info(describeReport(report));
  expect(report.crashes.map((f) => `run ${f.run}: ${f.what}`)).toEqual([]);
  // The sample must exercise both outcomes, or it proves little (if this fails after a change to
  // the generator or the arbitrary, pick another seed).
  expect(report.generated).toBeGreaterThan(RUNS / 2);
  expect(report.runs - report.generated).toBeGreaterThan(0);
}, 120_000);

it('generates the same bytes twice for every spec', () => {
  expect(report.nondeterministic.map((f) => `run ${f.run}: ${f.what}`)).toEqual([]);
});

it('writes every file exactly as prettier formats it', () => {
  expect(report.unformatted.map((f) => `run ${f.run}: ${f.what}`)).toEqual([]);
});

it('writes clients that all compile under the strict settings (TypeScript 7 and 5.9)', () => {
  expect(report.compileErrors.map((f) => `run ${f.run}: ${f.what}`)).toEqual([]);
});
