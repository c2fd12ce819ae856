// The whole pipeline, phase by phase: parse → model → emit → format → write. The CLI and the
// tests both call this; each phase reports its duration through `onPhase`.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { GeneratorError, type Problem } from './errors.js';
import { emitFiles, type GeneratedFile } from './emit/emit-files.js';
import { buildModel } from './model/build-model.js';
import type { NameSource } from './naming/client-names.js';
import { selectOperations } from './model/select.js';
import type { ApiModel } from './model/ir.js';
import { createLocator, withLines } from './parse/locate.js';
import { readAnySpec } from './parse/read-spec.js';
import { GENERATOR_NAME, GENERATOR_VERSION } from './version.js';
import { formatFiles } from './write/format.js';
import { remember, runFingerprint } from './write/noop-cache.js';
import { diffOutput, MANIFEST, writeOutput, type OutputDiff } from './write/output.js';

export type Phase = 'parse' | 'model' | 'emit' | 'format' | 'write';

export interface Generation {
  readonly model: ApiModel;
  readonly files: readonly GeneratedFile[];
  readonly warnings: readonly Problem[];
}

/** What decides the output besides the spec (recorded in the manifest and the no-op fingerprint). */
export interface OutputOptions {
  /** `--include` patterns: path globs or `tag:<name>`; none means every operation. */
  readonly include?: readonly string[];
  /** `--overlay` files, applied in order. */
  readonly overlays?: readonly string[];
  /** `--resolve-from` base specs for dangling `$ref`s. */
  readonly resolveFrom?: readonly string[];
  /** `--prune-external`: resources reached only through expansions leading out of the slice become small open types. */
  readonly pruneExternal?: boolean;
  /** `--names operation-id`: method names from each operation's `operationId` instead of its path. */
  readonly names?: NameSource;
}

export interface GenerateOptions extends OutputOptions {
  /** `--strict`: every warning is an error (for CI that wants a spotless spec). */
  readonly strict?: boolean;
  readonly onPhase?: (phase: Phase, ms: number) => void;
}

/** The options as the manifest records them: file names only, so output does not depend on where files live. */
export function recordedOptions(options: OutputOptions): object {
  return {
    include: [...(options.include ?? [])],
    overlays: (options.overlays ?? []).map((f) => basename(f)),
    resolveFrom: (options.resolveFrom ?? []).map((f) => basename(f)),
    pruneExternal: options.pruneExternal === true,
    // Recorded only when chosen, so that outputs named by the default rule keep their manifest.
    ...(options.names === 'operation-id' ? { names: options.names } : {}),
  };
}

export async function generateFiles(specPath: string, options: GenerateOptions = {}): Promise<Generation> {
  const onPhase = options.onPhase ?? (() => {});
  const timed = <T>(phase: Phase, work: () => T): T => {
    const start = performance.now();
    const result = work();
    onPhase(phase, performance.now() - start);
    return result;
  };
  const strict = options.strict === true;
  const parseStart = performance.now();
  const loaded = await readAnySpec(specPath, { overlays: options.overlays ?? [], resolveFrom: options.resolveFrom ?? [], strict });
  onPhase('parse', performance.now() - parseStart);
  const { model, warnings } = timed('model', () => {
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
  const emitOptions = { specName: basename(specPath), generatorName: GENERATOR_NAME, generatorVersion: GENERATOR_VERSION };
  const emitted = timed('emit', () => emitFiles(model, emitOptions));
  const start = performance.now();
  const formatted = await formatFiles(emitted);
  onPhase('format', performance.now() - start);
  const files = [...formatted, manifestFile(loaded.text, model, emitOptions.specName, recordedOptions(options), formatted)];
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

export async function generate(specPath: string, outDir: string, options: GenerateOptions = {}) {
  const generation = await generateFiles(specPath, options);
  const start = performance.now();
  const changed = writeOutput(outDir, generation.files, GENERATOR_NAME);
  remember(outDir, runFingerprint(specPath, options), generation.files);
  options.onPhase?.('write', performance.now() - start);
  return { ...generation, changed };
}

export async function check(specPath: string, outDir: string, options: GenerateOptions = {}): Promise<OutputDiff> {
  const generation = await generateFiles(specPath, options);
  return diffOutput(outDir, generation.files);
}
