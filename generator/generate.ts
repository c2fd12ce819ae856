// The whole pipeline, phase by phase: parse → model → emit → write. The CLI and the
// tests both call this; each phase reports its start and its duration through `onPhase…`.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { GeneratedFile } from './emit/emit-files.js';
import type { Problem } from './errors.js';
import type { ApiModel } from './model/ir.js';
import { recordedOptions, type OutputOptions } from './options.js';
import { GENERATOR_NAME, GENERATOR_VERSION } from './version.js';
import { isUpToDate, remember, runFingerprint } from './write/noop-cache.js';
import { diffOutput, MANIFEST, writeOutput, type OutputDiff } from './write/output.js';

export type { OutputOptions } from './options.js';

export type Phase = 'parse' | 'model' | 'emit' | 'write';

export interface Generation {
  readonly model: ApiModel;
  readonly files: readonly GeneratedFile[];
  readonly warnings: readonly Problem[];
}

export interface GenerateOptions extends OutputOptions {
  readonly onPhaseStart?: (phase: Phase) => void;
  readonly onPhase?: (phase: Phase, ms: number) => void;
}

export async function generateFiles(specPath: string, options: GenerateOptions = {}): Promise<Generation> {
  // Loaded here rather than at the top: a run that finds its output up to date never pays for
  // the parser and the emitters.
  const [{ readSpec }, { buildModel }, { selectOperations }, { createLocator, withLines }, { emitFiles }] = await Promise.all([
    import('./parse/read-spec.js'),
    import('./model/build-model.js'),
    import('./model/select.js'),
    import('./parse/locate.js'),
    import('./emit/emit-files.js'),
  ]);
  const timed = async <T>(phase: Phase, work: () => T | Promise<T>): Promise<T> => {
    options.onPhaseStart?.(phase);
    const start = performance.now();
    const result = await work();
    options.onPhase?.(phase, performance.now() - start);
    return result;
  };
  const loaded = await timed('parse', () => readSpec(specPath, { overlays: options.overlays ?? [], resolveFrom: options.resolveFrom ?? [] }));
  const { model, warnings } = await timed('model', () => {
    const built = buildModel(loaded);
    return {
      model: selectOperations(built.model, options.include ?? [], { pruneExternal: options.pruneExternal === true }),
      // Lines are looked up only when there is something to report (the lookup re-reads the text).
      warnings: built.warnings.length === 0 ? built.warnings : withLines(built.warnings, createLocator(loaded.text)),
    };
  });
  const emitOptions = { specName: basename(specPath), generatorName: GENERATOR_NAME, generatorVersion: GENERATOR_VERSION };
  // Emitted already as prettier formats it (emit/layout.ts), so there is no formatting pass.
  const emitted = await timed('emit', () => emitFiles(model, emitOptions));
  const files = [...emitted, manifestFile(loaded.text, model, emitOptions.specName, recordedOptions(options), emitted)];
  return { model, files, warnings };
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
export type GenerateResult = { readonly upToDate: true } | (Generation & { readonly upToDate: false; readonly changed: readonly string[] });

/**
 * Generates into `outDir`. When the last run wrote this output from the same spec, options and
 * generator and nobody touched it since, nothing is loaded, run or written.
 */
export async function generate(specPath: string, outDir: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const fingerprint = fingerprintOrNone(specPath, options);
  if (fingerprint !== undefined && isUpToDate(outDir, fingerprint)) return { upToDate: true };
  const generation = await generateFiles(specPath, options);
  options.onPhaseStart?.('write');
  const start = performance.now();
  const changed = writeOutput(outDir, generation.files, GENERATOR_NAME);
  // Taken again: a file edited while the run went on must not be remembered as what was read.
  const after = fingerprintOrNone(specPath, options);
  if (after !== undefined && after === fingerprint) remember(outDir, after, generation.files);
  options.onPhase?.('write', performance.now() - start);
  return { ...generation, upToDate: false, changed };
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
