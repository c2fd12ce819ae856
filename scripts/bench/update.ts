// Section 6: a spec update. The whole Stripe spec gains one operation (a copy of an existing GET
// under a new path); regenerating into the folder the unchanged spec was generated into is timed
// against a cold generation of the same updated spec into an empty folder, runs taking turns.
// Both specs are written as JSON by the same serializer under the same file name, so the added
// operation is the only change. CPU time (user + system) is reported beside wall time: on the
// shared machine other work stretches each run's wall time by whatever else runs at that moment.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import {
  availableSpecs,
  failure,
  generatorArgs,
  median,
  NODE,
  ratio,
  round,
  scratch,
  seconds,
  table,
  timeCommand,
  type BenchOptions,
  type SectionResult,
  type Spec,
} from './lib.js';

const TARGET = 0.25;
const ADDED_PATH = '/v1/bench_added_things/{thing}';

/** The spec as it is, and with one more operation; both as JSON. */
function specPair(spec: Spec): { before: Spec; after: Spec } {
  const document = jsyaml.load(readFileSync(spec.path, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
  // One file name for both: it is in every generated file's header line.
  const before = { ...spec, key: `${spec.key}-before`, path: join(scratch('update', 'before'), 'stripe.json') };
  const after = { ...spec, key: `${spec.key}-after`, path: join(scratch('update', 'after'), 'stripe.json') };
  writeFileSync(before.path, JSON.stringify(document));
  const template = document.paths['/v1/customers/{customer}']!['get'] as { parameters?: { name: string; in: string }[] };
  const parameters = (template.parameters ?? []).map((p) => (p.in === 'path' ? { ...p, name: 'thing' } : p));
  document.paths[ADDED_PATH] = { get: { ...template, operationId: 'GetBenchAddedThingsThing', parameters } };
  writeFileSync(after.path, JSON.stringify(document));
  return { before, after };
}

function changedFiles(stderr: string): [written: number, changed: number] {
  const m = /wrote (\d+) files \((\d+) changed\)/.exec(stderr);
  if (!m) throw new Error(`not a generation: ${stderr.trim().split('\n').pop()}`);
  return [Number(m[1]), Number(m[2])];
}

export async function benchUpdate({ runs, log }: BenchOptions): Promise<SectionResult> {
  const whole = availableSpecs().find((s) => s.key === 'whole');
  if (!whole) return { title: '6. A spec update', markdown: '- Skipped: the whole Stripe spec is not present.', data: null };
  const { before, after } = specPair(whole);
  const out = join(scratch('update'), 'out');
  const cold: number[] = [];
  const update: number[] = [];
  const coldCpu: number[] = [];
  const updateCpu: number[] = [];
  let changed: [number, number] = [0, 0];
  for (let i = 0; i < runs; i++) {
    rmSync(out, { recursive: true, force: true });
    const c = timeCommand(NODE, generatorArgs(after, out));
    if (c.status !== 0) throw new Error(failure('cold generation of the updated spec', c));
    cold.push(c.ms);
    if (c.cpuMs !== null) coldCpu.push(c.cpuMs);
    rmSync(out, { recursive: true, force: true });
    const setup = timeCommand(NODE, generatorArgs(before, out));
    if (setup.status !== 0) throw new Error(failure('generation of the spec before the update', setup));
    const u = timeCommand(NODE, generatorArgs(after, out));
    if (u.status !== 0) throw new Error(failure('regeneration after the update', u));
    changed = changedFiles(u.stderr);
    update.push(u.ms);
    if (u.cpuMs !== null) updateCpu.push(u.cpuMs);
    const cpu = c.cpuMs !== null && u.cpuMs !== null ? `; CPU ${seconds(c.cpuMs)} s, ${seconds(u.cpuMs)} s` : '';
    log(`  update run ${i + 1}/${runs}: cold ${seconds(c.ms)} s, update ${seconds(u.ms)} s${cpu} (${changed[1]} of ${changed[0]} files changed)`);
  }
  const coldMs = median(cold);
  const updateMs = median(update);
  const r = updateMs / coldMs;
  const range = (xs: readonly number[]) => `${seconds(Math.min(...xs))}–${seconds(Math.max(...xs))}`;
  const cpuCell = (xs: readonly number[]) => (xs.length === runs ? `${seconds(median(xs))} (${range(xs)})` : 'n/a');
  const markdown = [
    table(
      ['what', 'median s', 'min–max s', 'CPU s, median (min–max)'],
      [
        ['cold generation of the updated spec (empty folder)', seconds(coldMs), range(cold), cpuCell(coldCpu)],
        [`regeneration after the update (${changed[1]} of ${changed[0]} files change)`, seconds(updateMs), range(update), cpuCell(updateCpu)],
      ],
    ),
    '',
    `- update / cold: ${ratio(updateMs, coldMs)} (target ≤ ${TARGET}×: ${r <= TARGET ? 'met' : 'missed'}); in CPU time ${coldCpu.length === runs ? ratio(median(updateCpu), median(coldCpu)) : 'n/a'}.`,
    `- The whole Stripe spec 2023-08-16 with one GET added at \`${ADDED_PATH}\`; both specs as JSON; medians of ${runs} runs.`,
  ].join('\n');
  const data = {
    coldMs: cold.map((x) => round(x, 0)),
    updateMs: update.map((x) => round(x, 0)),
    coldCpuMs: coldCpu.map((x) => round(x, 0)),
    updateCpuMs: updateCpu.map((x) => round(x, 0)),
    ratio: round(r, 3),
    changed,
  };
  return { title: '6. A spec update', markdown, data };
}
