// Writes generated files all-or-nothing: the new tree is built in a sibling temp directory and
// swapped in by rename, so a crash or kill leaves the previous output whole. An unchanged
// output is not touched at all (mtimes kept), and a directory we did not generate is never replaced.
import { createHash } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { GeneratorError } from '../errors.js';
import type { GeneratedFile } from '../emit/emit-files.js';
import { FORMER_NAMES } from '../version.js';

export const MANIFEST = 'manifest.json';
/** The record of the last run (write/last-run.ts): kept in the folder, but not output. */
export const RECORD = '.last-run.json';

export interface OutputDiff {
  /** Files whose contents differ, or that are missing from the output. */
  readonly stale: string[];
  /** Those of `stale` that are not in the output at all (deleted, or never written). */
  readonly missing: string[];
  /** Files in the output that a fresh generation would not write. */
  readonly extra: string[];
  /** Files whose bytes no longer match the hash the output's own manifest records: edited by hand. */
  readonly edited: string[];
}

export function diffOutput(outDir: string, files: readonly GeneratedFile[]): OutputDiff {
  return withFriendlyFsErrors(outDir, () => {
    assertDirectoryOrAbsent(outDir);
    const existing = new Set(existsSync(outDir) ? listOutput(outDir) : []);
    const stale = files.filter((f) => !existing.has(f.path) || readFileSync(join(outDir, f.path), 'utf8') !== f.contents).map((f) => f.path);
    const wanted = new Set(files.map((f) => f.path));
    return { stale, missing: stale.filter((p) => !existing.has(p)), extra: [...existing].filter((p) => !wanted.has(p)).sort(), edited: editedFiles(outDir, stale) };
  });
}

/** Those of `paths` whose bytes differ from the hash the output's manifest recorded when it was written. */
function editedFiles(outDir: string, paths: readonly string[]): string[] {
  let recorded: Record<string, string> = {};
  try {
    recorded = (JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8')) as { files?: Record<string, string> }).files ?? {};
  } catch {
    return []; // no manifest (or none readable): nothing to tell edits from
  }
  return paths.filter((p) => {
    const hash = Object.hasOwn(recorded, p) ? recorded[p] : undefined;
    return hash !== undefined && existsSync(join(outDir, p)) && createHash('sha256').update(readFileSync(join(outDir, p))).digest('hex') !== hash;
  });
}

/** What a write changed: every path written or removed (none: nothing was written), and those removed. */
export interface Written {
  readonly changed: string[];
  /** Files that were in the folder but are not generated (a file put there by hand, a resource gone from the spec). */
  readonly removed: string[];
}

export function writeOutput(outDirGiven: string, files: readonly GeneratedFile[], generatorName: string): Written {
  // Absolute, so that `--out .` or `--out dir/` still has a parent to build the new tree in.
  const outDir = resolve(outDirGiven);
  return withFriendlyFsErrors(outDirGiven, () => {
    recoverInterruptedSwap(outDir);
    const diff = diffOutput(outDirGiven, files);
    if (diff.stale.length === 0 && diff.extra.length === 0) return { changed: [], removed: [] };
    assertOurs(outDirGiven, generatorName);
    const parent = dirname(outDir);
    mkdirSync(parent, { recursive: true });
    const temp = join(parent, `.${basename(outDir)}.tmp-${process.pid}`);
    rmSync(temp, { recursive: true, force: true });
    try {
      const stale = new Set(diff.stale);
      const made = new Set<string>();
      for (const file of files) {
        const target = join(temp, file.path);
        if (!made.has(dirname(target))) {
          mkdirSync(dirname(target), { recursive: true });
          made.add(dirname(target));
        }
        // A file that stays as it is is linked into the new tree rather than written again: the
        // same bytes (diffOutput compared them), its mtime kept, and the old tree still whole.
        if (!stale.has(file.path) && linked(join(outDir, file.path), target)) continue;
        writeFileSync(target, file.contents);
      }
    } catch (error) {
      // Failing late (a full disk, a bad path) leaves no half-built tree behind.
      rmSync(temp, { recursive: true, force: true });
      throw error;
    }
    swapIn(temp, outDir);
    return { changed: [...diff.stale, ...diff.extra], removed: diff.extra };
  });
}

/**
 * Hard-links `from` at `to`; false where the file system has no hard links, or where `from` is not a
 * plain file (a symbolic link would be linked as itself): the caller writes instead.
 */
function linked(from: string, to: string): boolean {
  try {
    if (!lstatSync(from).isFile()) return false;
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** Replaces `outDir` by `temp`. Between the two renames the old tree waits under `.<out>.old-<pid>`. */
function swapIn(temp: string, outDir: string): void {
  if (!existsSync(outDir)) {
    renameSync(temp, outDir);
    return;
  }
  const old = join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}`);
  rmSync(old, { recursive: true, force: true });
  renameSync(outDir, old);
  try {
    renameSync(temp, outDir);
  } catch (error) {
    renameSync(old, outDir);
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

/**
 * A run killed between the two renames leaves the old output under `.<out>.old-<pid>`: put it
 * back. Temp trees and finished-with old trees of killed runs are removed. Leftovers of a run
 * that is still going (another generation into the same directory) are left to it.
 */
export function recoverInterruptedSwap(outDirGiven: string): void {
  const outDir = resolve(outDirGiven);
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const leftover = new RegExp(`^\\.${escapeRegExp(basename(outDir))}\\.(tmp|old)-(\\d+)$`);
  for (const entry of readdirSync(parent).sort()) {
    const match = leftover.exec(entry);
    if (!match) continue;
    const pid = Number(match[2]);
    if (pid !== process.pid && isRunning(pid)) continue;
    const path = join(parent, entry);
    if (match[1] === 'old' && !existsSync(outDir)) renameSync(path, outDir);
    else rmSync(path, { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is running.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function assertDirectoryOrAbsent(outDir: string): void {
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new GeneratorError(`${outDir}: exists and is not a directory`, [], 'give --out a directory (new or generated before)');
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
  if (owner !== generatorName && !FORMER_NAMES.includes(owner as string)) {
    throw new GeneratorError(
      `${outDir}: not a directory this generator wrote (no ${MANIFEST} naming ${generatorName}); refusing to replace it`,
      [],
      'choose an empty or new directory with --out',
    );
  }
}

// Failures the user can act on (permissions, a full disk, a file where a directory should be)
// are reported as such; any other failure is a bug and stays an internal error.
const ENVIRONMENT_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a file stands where a directory is needed',
  EEXIST: 'a file stands where a directory is needed',
  ENAMETOOLONG: 'a path is too long',
  EMFILE: 'too many open files',
  EBUSY: 'the directory is in use',
};

function withFriendlyFsErrors<T>(outDir: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof GeneratorError || code === undefined || !Object.hasOwn(ENVIRONMENT_ERRORS, code)) throw error;
    const path = (error as NodeJS.ErrnoException).path ?? outDir;
    throw new GeneratorError(
      `${outDir}: cannot write the output: ${ENVIRONMENT_ERRORS[code]} (${code} on ${path})`,
      [],
      'check that --out names a writable directory; the previous output, if any, is unchanged',
    );
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The files of an output folder: all but the record of the last run. */
export function listOutput(outDir: string): string[] {
  return listFiles(outDir).filter((path) => path !== RECORD);
}

export function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    )
    .sort();
}
