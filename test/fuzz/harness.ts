// The fuzzing loop shared by the test (a fixed-seed sample) and `npm run fuzz` (as many runs as
// asked). For each random spec: generation either succeeds or fails with a GeneratorError (the
// user's fault), never with anything else; generating twice gives the same bytes; every file is
// already as prettier formats it; and every client generated compiles under the strict settings,
// checked in one compiler run at the end.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { GeneratorError } from '../../generator/errors.js';
import { generateFiles } from '../../generator/generate.js';
import { compileClients, writeClient } from '../support/clients.js';
import { unformattedFiles } from '../support/prettier-clean.js';
import type { CompilerName } from '../support/typecheck.js';
import { openApiDocument } from './spec-arbitrary.js';

export interface FuzzOptions {
  readonly seed: number;
  readonly runs: number;
  /** Each run's spec (and, when generated, its client) is written under `<workDir>/<run>/`. */
  readonly workDir: string;
  readonly compilers: readonly CompilerName[];
}

export interface Finding {
  readonly run: number;
  /** The spec that shows it: `<workDir>/<run>/spec.json|yaml`. */
  readonly spec: string;
  readonly what: string;
}

export interface FuzzReport {
  readonly runs: number;
  readonly generated: number;
  /** User errors by their first line with file names and counts blanked: what kinds were seen. */
  readonly userErrors: ReadonlyMap<string, number>;
  readonly warnings: number;
  /** Exceptions other than GeneratorError: bugs. */
  readonly crashes: Finding[];
  readonly nondeterministic: Finding[];
  /** Generated files that prettier would change. */
  readonly unformatted: Finding[];
  /** Generated clients that do not compile, one finding per client, by compiler. */
  readonly compileErrors: Finding[];
  readonly generateMs: number;
  readonly compileMs: number;
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const userErrors = new Map<string, number>();
  const crashes: Finding[] = [];
  const nondeterministic: Finding[] = [];
  const unformatted: Finding[] = [];
  const generatedRuns: number[] = [];
  let warnings = 0;
  let run = 0;
  const started = performance.now();
  const documents = fc.sample(fc.tuple(openApiDocument(), fc.boolean(), fc.boolean()), {
    seed: options.seed,
    numRuns: options.runs,
  });
  for (const [document, asYaml, split] of documents) {
    run++;
    const dir = join(options.workDir, String(run));
    const extension = asYaml ? 'yaml' : 'json';
    const spec = join(dir, `spec.${extension}`);
    mkdirSync(dir, { recursive: true });
    const write = (file: string, data: unknown) =>
      writeFileSync(file, asYaml ? jsyaml.dump(data, { noRefs: true, lineWidth: -1 }) : JSON.stringify(data, null, 2));
    for (const [file, data] of split ? splitSchemas(document, `schemas.${extension}`) : [['', document] as const]) write(join(dir, file || `spec.${extension}`), data);
    let first: Awaited<ReturnType<typeof generateFiles>>;
    try {
      first = await generateFiles(spec);
    } catch (error) {
      if (error instanceof GeneratorError) {
        const kind = error.message
          .replace(/^.*?: /, '')
          .replace(/\d+/g, 'N')
          .replace(/'[^']*'/g, "'…'")
          .split('\n')[0]!;
        userErrors.set(kind, (userErrors.get(kind) ?? 0) + 1);
      } else {
        crashes.push({
          run,
          spec,
          what: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error),
        });
      }
      continue;
    }
    warnings += first.warnings.length;
    const second = await generateFiles(spec);
    const differing = first.files.filter((f, i) => second.files[i]?.path !== f.path || second.files[i]?.contents !== f.contents);
    if (differing.length > 0 || first.files.length !== second.files.length) {
      nondeterministic.push({
        run,
        spec,
        what: `a second generation differs in ${differing.map((f) => f.path).join(', ') || 'the file list'}`,
      });
    }
    const changedByPrettier = await unformattedFiles(first.files);
    if (changedByPrettier.length > 0) unformatted.push({ run, spec, what: `prettier would change ${changedByPrettier.join(', ')}` });
    writeClient(options.workDir, join(dir, 'client'), first.files);
    generatedRuns.push(run);
  }
  const generateMs = performance.now() - started;
  const compileErrors = generatedRuns.length === 0 ? [] : compileAll(options, generatedRuns);
  const compileMs = performance.now() - started - generateMs;
  return {
    runs: run,
    generated: generatedRuns.length,
    userErrors,
    warnings,
    crashes,
    nondeterministic,
    unformatted,
    compileErrors,
    generateMs,
    compileMs,
  };
}

/**
 * A multi-file spec from a one-file one: the component schemas move to `schemasFile`, and every
 * reference to them becomes a reference into that file (`#/Name` from inside it).
 */
function splitSchemas(document: Record<string, unknown>, schemasFile: string): [string, unknown][] {
  const components = (document.components ?? {}) as Record<string, unknown>;
  const schemas = components.schemas as Record<string, unknown> | undefined;
  if (!schemas || Object.keys(schemas).length === 0) return [['', document]];
  const prefix = '#/components/schemas/';
  const retarget = (node: unknown, to: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => retarget(item, to));
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith(prefix) ? `${to}#/${value.slice(prefix.length)}` : retarget(value, to)]),
    );
  };
  const { schemas: _moved, ...otherComponents } = components;
  return [
    ['', retarget({ ...document, components: otherComponents }, schemasFile)],
    [schemasFile, retarget(schemas, '')],
  ];
}

/** One compiler run per compiler over every generated client; errors are traced back to their run. */
function compileAll(options: FuzzOptions, runs: readonly number[]): Finding[] {
  const findings: Finding[] = [];
  for (const compiler of options.compilers) {
    const errors = compileClients(options.workDir, runs.map((run) => `${run}/client`), compiler);
    for (const [folder, lines] of errors) {
      // Errors outside every client (in the shared runtime) have no run: 0.
      const run = folder === '' ? 0 : Number(folder.split('/')[0]);
      findings.push({ run, spec: run === 0 ? options.workDir : join(options.workDir, String(run)), what: `${compiler}:\n${lines.join('\n')}` });
    }
  }
  return findings;
}

/** The report as a person reads it. */
export function describeReport(report: FuzzReport): string {
  const lines = [
    `${report.runs} random specs: ${report.generated} generated a client (${report.warnings} warnings), ` +
      `${report.runs - report.generated - report.crashes.length} refused with a user error, ${report.crashes.length} crashed ` +
      `(generating twice each: ${(report.generateMs / 1000).toFixed(1)} s; compiling: ${(report.compileMs / 1000).toFixed(1)} s)`,
  ];
  if (report.userErrors.size > 0) {
    lines.push('user errors seen:');
    for (const [kind, count] of [...report.userErrors].sort((a, b) => b[1] - a[1]))
      lines.push(`  ${String(count).padStart(5)}  ${kind}`);
  }
  const section = (title: string, findings: readonly Finding[]) => {
    if (findings.length === 0) return;
    lines.push(`${title} (${findings.length}):`);
    for (const f of findings.slice(0, 10))
      lines.push(`  run ${f.run} (${f.spec}): ${f.what.split('\n').slice(0, 6).join('\n    ')}`);
  };
  section('CRASHES (not a GeneratorError)', report.crashes);
  section('NONDETERMINISTIC output', report.nondeterministic);
  section('NOT AS PRETTIER FORMATS IT', report.unformatted);
  section('DOES NOT COMPILE', report.compileErrors);
  return lines.join('\n');
}
