// Remembers what the last successful run wrote, so that regenerating from an unchanged spec with
// an unchanged generator skips every phase and touches nothing. The record lives in
// node_modules/.cache (never in the output: it would change with every generator edit).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedFile } from '../emit/emit-files.js';
import { listFiles } from './output.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE_FILE = join(ROOT, 'node_modules/.cache/stripe-fc-codegen/last-runs.json');

type Records = Record<string, { fingerprint: string; files: Record<string, string> }>;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** What the output depends on: the spec's bytes, the options, and the generator's own source and formatter. */
export function runFingerprint(
  specPath: string,
  options: {
    readonly include?: readonly string[];
    readonly overlays?: readonly string[];
    readonly resolveFrom?: readonly string[];
    readonly pruneExternal?: boolean;
    readonly names?: string;
  },
): string {
  const hash = createHash('sha256');
  for (const file of [specPath, ...(options.overlays ?? []), ...(options.resolveFrom ?? [])]) hash.update(readFileSync(file));
  hash.update(JSON.stringify([options.include ?? [], options.overlays ?? [], options.resolveFrom ?? [], options.pruneExternal === true, options.names ?? 'path']));
  for (const dir of ['generator', 'templates']) {
    for (const file of listFiles(join(ROOT, dir))) hash.update(file).update(readFileSync(join(ROOT, dir, file)));
  }
  for (const dependency of ['prettier', 'ts-morph']) hash.update(readFileSync(join(ROOT, 'node_modules', dependency, 'package.json')));
  return hash.digest('hex');
}

export function isUpToDate(outDir: string, fingerprint: string): boolean {
  const record = readRecords()[resolve(outDir)];
  if (!record || record.fingerprint !== fingerprint || !existsSync(outDir)) return false;
  const present = listFiles(outDir);
  const expected = Object.keys(record.files).sort();
  if (present.length !== expected.length || present.some((p, i) => p !== expected[i])) return false;
  return present.every((p) => statSync(join(outDir, p)).isFile() && sha256(readFileSync(join(outDir, p))) === record.files[p]);
}

export function remember(outDir: string, fingerprint: string, files: readonly GeneratedFile[]): void {
  const records = readRecords();
  records[resolve(outDir)] = { fingerprint, files: Object.fromEntries(files.map((f) => [f.path, sha256(f.contents)])) };
  try {
    mkdirSync(join(CACHE_FILE, '..'), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify(records));
  } catch {
    // A read-only node_modules only costs the shortcut.
  }
}

function readRecords(): Records {
  try {
    return JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Records;
  } catch {
    return {};
  }
}

