// orval's test specs (../shared/corpus/orval) through Prism: each one Prism can serve gets its
// client generated, Prism started on it (one process per spec, two at a time), and every
// operation called with only the required inputs and with all of them: every call accepted,
// every answer parsed equal to what Prism sent, every request wire-exact on a capture server.
// Documents without operations give Prism nothing to serve and are counted, not run; the calls
// Prism refuses for reasons outside this client's request side are listed in reviewed.ts.
import { describe, it } from 'vitest';
import { corpusDocuments } from '../corpus/documents.js';
import { UNUSABLE } from '../corpus/unusable.js';
import { REVIEWED_CALLS } from './reviewed.js';
import { runSpec, type SpecResult } from './run-spec.js';
import { expectPrismVerdict, expectWireExact, figuresLine, figuresOf, sumFigures } from './verdict.js';

const served = corpusDocuments().filter((d) => d.corpus === 'orval' && !Object.hasOwn(UNUSABLE, `orval/${d.name}`));
if (served.length === 0) console.warn('skipping the orval Prism suite: ../shared/corpus/orval is absent');

const results = new Map<string, SpecResult | Error>();
/** Runs every served spec, two at a time (each is a Prism process and a client). */
const ready = (async () => {
  if (served.length === 0) return;
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    for (let d = served[next++]; d; d = served[next++]) results.set(d.name, await runSpec(d.file, d.name).catch((e: Error) => e));
  };
  await Promise.all([worker(), worker()]);
  const figures = sumFigures([...results.values()].flatMap((r) => (r instanceof Error ? [] : [figuresOf(r)])));
  const seconds = Math.round((performance.now() - started) / 1000);
  const idle = [...results.values()].filter((r) => !(r instanceof Error) && r.operations === 0).length;
  console.log(`${figuresLine(`orval (${served.length} specs, ${idle} of them without operations)`, figures)}; ${seconds} s wall clock`);
})();

describe.skipIf(served.length === 0)("orval's specs through Prism", () => {
  it.each(served.map((d) => d.name))('%s: every call accepted and answered as Prism sent, every request wire-exact', async (name) => {
    await ready;
    const result = results.get(name)!;
    if (result instanceof Error) throw result;
    expectPrismVerdict(name, result, REVIEWED_CALLS);
    expectWireExact(result);
  }, 1_800_000);
});
