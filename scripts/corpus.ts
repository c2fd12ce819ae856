// `npm run corpus [-- --only <regexp>] [--keep]`: generates every document of the real-world
// corpora (orval's test specs, DigitalOcean's API, GitHub's API) in this one process and
// compiles every client in one strict TypeScript 7 run. One line per document, then the counts.
// Exits 1 on a crash, a client that does not compile, or a refusal not in test/corpus/unusable.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { corpusDocuments } from '../test/corpus/documents.js';
import { runCorpus } from '../test/corpus/run-corpus.js';
import { UNUSABLE } from '../test/corpus/unusable.js';
import { countsOf, failuresOf, keyOf } from '../test/corpus/verdict.js';

const { values } = parseArgs({ options: { only: { type: 'string' }, keep: { type: 'boolean', default: false } }, strict: true });
const only = values.only === undefined ? undefined : new RegExp(values.only);
const documents = corpusDocuments().filter((d) => !only || only.test(`${d.corpus}/${d.name}`));
const workDir = mkdtempSync(join(tmpdir(), 'corpus-'));
const started = performance.now();
const results = await runCorpus(documents, workDir);
for (const r of results) {
  const reason = r.outcome === 'refused' ? UNUSABLE[keyOf(r)] : undefined;
  const note = r.outcome === 'compiles' ? `${r.operations} operations, ${r.warnings} warnings` : reason ? `reviewed unusable: ${reason}` : '';
  console.log(`${r.outcome.padEnd(16)} ${keyOf(r).padEnd(64)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${note}`);
  if (r.detail && !reason) console.log(r.detail.split('\n').slice(0, 8).map((l) => `    ${l}`).join('\n'));
}
console.log('');
for (const line of countsOf(results)) console.log(line);
console.log(`${results.length} documents in ${((performance.now() - started) / 1000).toFixed(0)} s (generation in process, one TypeScript 7 compile)`);
const failures = failuresOf(results);
if (failures.length > 0) {
  console.log(`\nFAILED (${failures.length}):`);
  for (const f of failures) console.log(`  ${f}`);
}
if (values.keep || failures.length > 0) console.log(`clients kept in ${workDir}`);
else rmSync(workDir, { recursive: true, force: true });
process.exitCode = failures.length > 0 ? 1 : 0;
