// The fuzzing loop shared by the test (a fixed-seed sample) and `npm run fuzz` (as many runs as
// asked). For each random spec: generation either succeeds or fails with a GeneratorError (the
// user's fault), never with anything else; generating twice gives the same bytes; every file is
// already as prettier formats it; and every client generated compiles under the strict settings,
// checked in one compiler run at the end.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { format } from 'prettier';
import type { GeneratedFile } from '../../generator/emit/emit-files.js';
import { GeneratorError } from '../../generator/errors.js';
import { generateFiles } from '../../generator/generate.js';
import { PRETTIER_OPTIONS } from '../../generator/format/text.js';
import { typecheck, type CompilerName } from '../support/typecheck.js';
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
  const documents = fc.sample(fc.tuple(openApiDocument(), fc.boolean()), {
    seed: options.seed,
    numRuns: options.runs,
  });
  for (const [document, asYaml] of documents) {
    run++;
    const dir = join(options.workDir, String(run));
    const spec = join(dir, asYaml ? 'spec.yaml' : 'spec.json');
    mkdirSync(dir, { recursive: true });
    writeFileSync(spec, asYaml ? jsyaml.dump(document, { noRefs: true, lineWidth: -1 }) : JSON.stringify(document, null, 2));
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
    const changedByPrettier: string[] = [];
    for (const file of first.files.filter((f) => f.path.endsWith('.ts'))) {
      if ((await format(file.contents, PRETTIER_OPTIONS)) !== file.contents) changedByPrettier.push(file.path);
    }
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
 * Writes a client, sharing one copy of the runtime between all clients (a symlink): the runtime
 * is the same for every spec, and the compiler then checks it once instead of once per client.
 */
function writeClient(workDir: string, clientDir: string, files: readonly GeneratedFile[]): void {
  // Runtime files name the spec file in their first line (spec.json or spec.yaml), and the
  // templates may be edited while a long run goes on: one shared copy per distinct runtime.
  const runtime = files.filter((f) => f.path.startsWith('runtime/'));
  const hash = createHash('sha256');
  for (const file of runtime) hash.update(`${file.path}\0${file.contents}\0`);
  const shared = join(workDir, `shared-runtime-${hash.digest('hex').slice(0, 12)}`);
  for (const file of files) {
    const inRuntime = file.path.startsWith('runtime/');
    const target = inRuntime ? join(shared, file.path.slice('runtime/'.length)) : join(clientDir, file.path);
    if (inRuntime && existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  symlinkSync(shared, join(clientDir, 'runtime'), 'dir');
}

/** One compiler run per compiler over every generated client; errors are traced back to their run. */
function compileAll(options: FuzzOptions, runs: readonly number[]): Finding[] {
  const findings: Finding[] = [];
  for (const compiler of options.compilers) {
    const result = typecheck(
      options.workDir,
      compiler,
      runs.map((run) => `${run}/client/**/*.ts`),
    );
    if (result.ok) continue;
    // tsc names files relative to the current directory: find the run's folder in the path.
    const runFolder = new RegExp(`${escapeRegExp(basename(options.workDir))}[\\\\/](\\d+)[\\\\/]client[\\\\/]`);
    const byRun = new Map<number, string[]>();
    for (const line of result.output.split('\n')) {
      const run = Number(runFolder.exec(line)?.[1]);
      if (Number.isNaN(run)) continue;
      byRun.set(run, [...(byRun.get(run) ?? []), line]);
    }
    if (byRun.size === 0) findings.push({ run: 0, spec: options.workDir, what: `${compiler}: ${result.output}` });
    for (const [run, lines] of byRun) {
      const spec = join(options.workDir, String(run));
      findings.push({ run, spec, what: `${compiler}:\n${lines.join('\n')}` });
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
