// The whole pipeline, phase by phase: parse → model → emit → write. The CLI and the
// tests both call this; each phase reports its start and its duration through `onPhase…`.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { EmitOne, GeneratedFile } from './emit/emit-files.js';
import { GeneratorError, type Problem } from './errors.js';
import type { ApiModel } from './model/ir.js';
import { recordedOptions, type OutputOptions } from './options.js';
import { GENERATOR_NAME, GENERATOR_VERSION } from './version.js';
import { openEmitCache } from './write/emit-cache.js';
import { generatorFingerprint, isUpToDate, remember, runFingerprint } from './write/noop-cache.js';
import { diffOutput, MANIFEST, writeOutput, type OutputDiff } from './write/output.js';

export type { OutputOptions } from './options.js';

export type Phase = 'parse' | 'model' | 'emit' | 'write';

export interface Generation {
  readonly model: ApiModel;
  readonly files: readonly GeneratedFile[];
  readonly warnings: readonly Problem[];
}

export interface GenerateOptions extends OutputOptions {
  /** `--strict`: every warning is an error (for CI that wants a spotless spec). */
  readonly strict?: boolean;
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
  const [{ readAnySpec }, { buildModel }, { selectOperations }, { createLocator, withLines }] = await Promise.all([
    import('./parse/read-spec.js'),
    import('./model/build-model.js'),
    import('./model/select.js'),
    import('./parse/locate.js'),
  ]);
  const strict = options.strict === true;
  const loaded = await timed('parse', () => readAnySpec(specPath, { overlays: options.overlays ?? [], resolveFrom: options.resolveFrom ?? [], strict }));
  const { model, warnings } = await timed('model', () => {
    const built = buildModel(loaded, { names: options.names ?? 'path' });
    return {
      model: selectOperations(built.model, options.include ?? [], { pruneExternal: options.pruneExternal === true }),
      // Lines are looked up only when there is something to report (the lookup re-reads the text).
      warnings: built.warnings.length === 0 ? built.warnings : withLines(built.warnings, createLocator(loaded.text)),
    };
  });
  if (strict && warnings.length > 0) {
    throw new GeneratorError(
      `${loaded.file}: ${warnings.length} warning${warnings.length === 1 ? '' : 's'}, which --strict makes errors`,
      warnings,
      'fix each place listed, or generate without --strict',
    );
  }
  return { specText: loaded.text, model, warnings };
}

/** `emitOne` decides how each schema, resource and webhooks file is emitted (the emit cache, in `generate`). */
export async function generateFiles(specPath: string, options: GenerateOptions = {}, emitOne?: EmitOne): Promise<Generation> {
  const timed = timer(options);
  const [{ specText, model, warnings }, { emitFiles }] = await Promise.all([readModel(specPath, options, timed), import('./emit/emit-files.js')]);
  const emitOptions = emitOptionsFor(specPath);
  // Emitted already as prettier formats it (emit/layout.ts), so there is no formatting pass.
  const emitted = await timed('emit', () => emitFiles(model, emitOptions, emitOne));
  const files = [...emitted, manifestFile(specText, model, emitOptions.specName, recordedOptions(options), emitted)];
  return { model, files, warnings };
}

const emitOptionsFor = (specPath: string) => ({ specName: basename(specPath), generatorName: GENERATOR_NAME, generatorVersion: GENERATOR_VERSION });

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
  | { readonly upToDate: true }
  | (Generation & {
      readonly upToDate: false;
      readonly changed: readonly string[];
      /** How many files were taken from the folder as the last run wrote them instead of emitted (write/emit-cache.ts). */
      readonly reused: number;
    });

/**
 * Generates into `outDir`. When the last run wrote this output from the same spec, options and
 * generator and nobody touched it since, nothing is loaded, run or written. After a spec update,
 * the files whose inputs did not change are taken from the folder (write/emit-cache.ts).
 */
export async function generate(specPath: string, outDir: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const fingerprint = fingerprintOrNone(specPath, options);
  if (fingerprint !== undefined && isUpToDate(outDir, fingerprint)) return { upToDate: true };
  const emitCache = fingerprint === undefined ? undefined : openEmitCache(outDir, emitCacheKey(specPath, options));
  const generation = await generateFiles(specPath, options, emitCache?.emitOne);
  options.onPhaseStart?.('write');
  const start = performance.now();
  const changed = writeOutput(outDir, generation.files, GENERATOR_NAME);
  // Taken again: a file edited while the run went on must not be remembered as what was read.
  const after = fingerprintOrNone(specPath, options);
  if (after !== undefined && after === fingerprint) {
    remember(outDir, after, generation.files);
    emitCache?.save(generation.files);
  }
  options.onPhase?.('write', performance.now() - start);
  return { ...generation, upToDate: false, changed, reused: emitCache?.reused() ?? 0 };
}

/** Everything besides the emit plan that emitted text depends on: generator, options, emit options. */
function emitCacheKey(specPath: string, options: OutputOptions): string {
  return createHash('sha256').update(generatorFingerprint(options)).update(JSON.stringify(emitOptionsFor(specPath))).digest('hex');
}

/** The fingerprint, or none when it cannot be taken (a missing spec, say: the full run reports that properly). */
function fingerprintOrNone(specPath: string, options: OutputOptions): string | undefined {
  try {
    return runFingerprint(specPath, options);
  } catch {
    return undefined;
  }
}

export async function check(specPath: string, outDir: string, options: GenerateOptions = {}): Promise<OutputDiff> {
  const generation = await generateFiles(specPath, options);
  return diffOutput(outDir, generation.files);
}
