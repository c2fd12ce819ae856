// Writes generated files all-or-nothing: the new tree is built in a sibling temp directory and
// swapped in by rename, so a crash or kill leaves the previous output whole. An unchanged
// output is not touched at all (mtimes kept), and a directory we did not generate is never replaced.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { GeneratorError } from '../errors.js';
import type { GeneratedFile } from '../emit/emit-files.js';

export const MANIFEST = 'manifest.json';

export interface OutputDiff {
  /** Files whose contents differ, or that are missing from the output. */
  readonly stale: string[];
  /** Files in the output that a fresh generation would not write. */
  readonly extra: string[];
}

export function diffOutput(outDir: string, files: readonly GeneratedFile[]): OutputDiff {
  const existing = new Set(existsSync(outDir) ? listFiles(outDir) : []);
  const stale = files.filter((f) => !existing.has(f.path) || readFileSync(join(outDir, f.path), 'utf8') !== f.contents).map((f) => f.path);
  const wanted = new Set(files.map((f) => f.path));
  return { stale, extra: [...existing].filter((p) => !wanted.has(p)).sort() };
}

/** Returns the paths that changed; an empty list means nothing was written. */
export function writeOutput(outDir: string, files: readonly GeneratedFile[], generatorName: string): string[] {
  recoverInterruptedSwap(outDir);
  const diff = diffOutput(outDir, files);
  if (diff.stale.length === 0 && diff.extra.length === 0) return [];
  assertOurs(outDir, generatorName);
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const temp = join(parent, `.${basename(outDir)}.tmp-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  for (const file of files) {
    const target = join(temp, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  if (existsSync(outDir)) {
    const old = join(parent, `.${basename(outDir)}.old-${process.pid}`);
    renameSync(outDir, old);
    renameSync(temp, outDir);
    rmSync(old, { recursive: true, force: true });
  } else {
    renameSync(temp, outDir);
  }
  return [...diff.stale, ...diff.extra];
}

/**
 * A run killed between the two renames leaves the old output under `.<out>.old-<pid>`: put it
 * back. Temp trees from killed runs are removed.
 */
export function recoverInterruptedSwap(outDir: string): void {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const prefix = `.${basename(outDir)}.`;
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(prefix)) continue;
    const path = join(parent, entry);
    if (entry.startsWith(`${prefix}old-`) && !existsSync(outDir)) renameSync(path, outDir);
    else rmSync(path, { recursive: true, force: true });
  }
}

function assertOurs(outDir: string, generatorName: string): void {
  if (!existsSync(outDir) || readdirSync(outDir).length === 0) return;
  const manifestPath = join(outDir, MANIFEST);
  let owner: unknown;
  try {
    owner = (JSON.parse(readFileSync(manifestPath, 'utf8')) as { generator?: { name?: unknown } }).generator?.name;
  } catch {
    owner = undefined;
  }
  if (owner !== generatorName) {
    throw new GeneratorError(
      `${outDir}: not a directory this generator wrote (no ${MANIFEST} naming ${generatorName}); refusing to replace it`,
      [],
      'choose an empty or new directory with --out',
    );
  }
}

export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    )
    .sort();
}
