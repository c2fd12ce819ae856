// The whole pipeline, phase by phase: parse → model → emit → write. The CLI and the
// tests both call this; each phase reports its start and its duration through `onPhase…`.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { GeneratedFile } from './emit/emit-files.js';
import { GeneratorError, type Problem } from './errors.js';
import type { ApiModel } from './model/ir.js';
import { OUTPUT_OPTIONS, recordedOptions, type OutputOptions } from './options.js';
import { GENERATOR_NAME, GENERATOR_VERSION } from './version.js';
import { recordRun, runFingerprint, upToDate } from './write/last-run.js';
import { diffOutput, MANIFEST, writeOutput, type OutputDiff } from './write/output.js';

export type { OutputOptions } from './options.js';

export type Phase = 'parse' | 'model' | 'emit' | 'write';

export interface Generation {
  readonly model: ApiModel;
  readonly files: readonly GeneratedFile[];
  readonly warnings: readonly Problem[];
  /** The other files of a split spec, each with the sha256 of what was read (parse/bundle.ts). */
  readonly referencedFiles: Readonly<Record<string, string>>;
}

export interface GenerateOptions extends OutputOptions {
  /** `--strict`: every warning is an error (for CI that wants a spotless spec). */
  readonly strict?: boolean;
  /** How the header of every file says to regenerate it (the CLI's `Client.regenerate`); else the config's bin. */
  readonly regenerate?: string;
  readonly onPhaseStart?: (phase: Phase) => void;
  readonly onPhase?: (phase: Phase, ms: number) => void;
}

type Timed = <T>(phase: Phase, work: () => T | Promise<T>) => Promise<T>;

function timer(options: GenerateOptions): Timed {
  return async (phase, work) => {
    options.onPhaseStart?.(phase);
    const start = performance.now();
    const result = await work();
    options.onPhase?.(phase, performance.now() - start);
    return result;
  };
}

/** The parse and model phases: the spec as the IR, with the operations the options select. */
export async function readModel(specPath: string, options: GenerateOptions = {}, timed: Timed = timer(options)) {
  // Loaded here rather than at the top: a run that finds its output up to date never pays for
  // the parser and the emitters.
  const [{ readAnySpec }, { readPagingFiles }, { buildModel }, { selectOperations }, { createLocator, withLines }] = await Promise.all([
    import('./parse/read-spec.js'),
    import('./parse/paging-files.js'),
    import('./model/build-model.js'),
    import('./model/select.js'),
    import('./parse/locate.js'),
  ]);
  const strict = options.strict === true;
  const loaded = await timed('parse', () => readAnySpec(specPath, { overlays: options.overlays ?? [], resolveFrom: options.resolveFrom ?? [], strict }));
  const { model, warnings } = await timed('model', () => {
    const built = buildModel(loaded, { names: options.names ?? 'auto', paging: readPagingFiles(options.paging ?? []) });
    return {
      model: selectOperations(built.model, options.include ?? [], { pruneExternal: options.pruneExternal === true }),
      // Lines are looked up only when there is something to report (the lookup re-reads the text).
      // (A `--paging` file's warnings name their own file, whose lines the spec's text cannot tell.)
      warnings: built.warnings.length === 0 ? built.warnings : withLinesIn(loaded.file, built.warnings, createLocator(loaded.text)),
    };
  });
  function withLinesIn(file: string, problems: readonly Problem[], locate: Parameters<typeof withLines>[1]): Problem[] {
    return problems.map((p) => (p.file === file ? withLines([p], locate)[0]! : p));
  }
  if (strict && warnings.length > 0) {
    throw new GeneratorError(
      `${loaded.file}: ${warnings.length} warning${warnings.length === 1 ? '' : 's'}, which --strict makes errors`,
      warnings,
      'fix each place listed, or generate without --strict',
    );
  }
  return { specText: loaded.text, model, warnings, referencedFiles: loaded.referencedFiles ?? {} };
}

export async function generateFiles(specPath: string, options: GenerateOptions = {}): Promise<Generation> {
  const timed = timer(options);
  const [{ specText, model, warnings, referencedFiles }, { emitFiles }] = await Promise.all([readModel(specPath, options, timed), import('./emit/emit-files.js')]);
  const emitOptions = { specName: basename(specPath), generatorName: GENERATOR_NAME, generatorVersion: GENERATOR_VERSION, regenerate: options.regenerate };
  // Emitted already as prettier formats it (emit/layout.ts), so there is no formatting pass.
  const emitted = await timed('emit', async () => {
    const typescript = emitFiles(model, emitOptions);
    return options.emit === 'js' ? (await import('./emit/javascript.js')).toJavaScript(typescript) : typescript;
  });
  const files = [...emitted, manifestFile(specText, model, emitOptions.specName, recordedOptions(options), emitted)];
  return { model, files, warnings, referencedFiles };
}

/** Provenance: which spec (by hash), which generator, and a hash of every file written. */
function manifestFile(specText: string, model: ApiModel, specName: string, options: object, files: readonly GeneratedFile[]): GeneratedFile {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const manifest = {
    generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION },
    spec: { file: specName, sha256: sha256(specText), title: model.title, apiVersion: model.apiVersion },
    options,
    files: Object.fromEntries(files.map((f) => [f.path, sha256(f.contents)])),
  };
  return { path: MANIFEST, contents: JSON.stringify(manifest, null, 2) + '\n' };
}

/** What a run did: nothing, because the output is as the last run left it, or a fresh generation. */
export type GenerateResult =
  | { readonly upToDate: true; readonly referencedFiles: readonly string[] }
  | (Omit<Generation, 'referencedFiles'> & {
      readonly upToDate: false;
      /** The other files of a split spec (absolute paths), which `--watch` watches too. */
      readonly referencedFiles: readonly string[];
      readonly changed: readonly string[];
      /** Files the folder held that are not generated, now gone (among `changed`). */
      readonly removed: readonly string[];
    });

/**
 * Generates into `outDir`. When the folder's record says the last run wrote it from the same
 * spec, options and generator and nobody touched it since (write/last-run.ts), nothing is
 * loaded, run or written.
 */
export async function generate(specPath: string, outDir: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const fingerprint = orNone(() => runFingerprint(specPath, options));
  const referenced = fingerprint === undefined ? undefined : upToDate(outDir, fingerprint);
  if (referenced) return { upToDate: true, referencedFiles: referenced };
  const generation = await generateFiles(specPath, options);
  options.onPhaseStart?.('write');
  const start = performance.now();
  const { changed, removed } = writeOutput(outDir, generation.files, GENERATOR_NAME);
  // Taken again: a file edited while the run went on must not be recorded as what was read.
  const after = orNone(() => runFingerprint(specPath, options));
  recordRun(outDir, after === fingerprint ? after : undefined, generation.files, generation.referencedFiles);
  options.onPhase?.('write', performance.now() - start);
  return { ...generation, upToDate: false, changed, removed, referencedFiles: Object.keys(generation.referencedFiles) };
}

/** A fingerprint, or none when a file it reads cannot be read (the run then reports that file itself). */
function orNone(fingerprint: () => string): string | undefined {
  try {
    return fingerprint();
  } catch {
    return undefined;
  }
}

/** `--check`: what differs between `outDir` and a fresh generation (nothing, when the folder's record says it is up to date). */
export async function check(specPath: string, outDir: string, options: GenerateOptions = {}): Promise<OutputDiff> {
  const fingerprint = orNone(() => runFingerprint(specPath, options));
  if (fingerprint !== undefined && upToDate(outDir, fingerprint)) return { stale: [], missing: [], extra: [], edited: [] };
  const generation = await generateFiles(specPath, options);
  return diffOutput(outDir, generation.files);
}
