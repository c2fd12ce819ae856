// Remembers what the last successful run wrote, so that regenerating from an unchanged spec with
// an unchanged generator skips every phase and touches nothing. The record lives in
// node_modules/.cache (never in the output: it would change with every generator edit).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { GeneratedFile } from '../emit/emit-files.js';
import { optionFiles, OUTPUT_OPTIONS, withDefaults, type OptionDeclarations } from '../options.js';
import { CACHE_DIR, GENERATOR_DIR, TEMPLATES_DIR } from '../paths.js';
import { GENERATOR_NAME, GENERATOR_VERSION } from '../version.js';
import { forgetFolderCache } from './folder-cache.js';
import { listFiles } from './output.js';

const CACHE_FILE = join(CACHE_DIR, 'openapi-client-codegen/last-runs.json');

type Records = Record<string, {
  fingerprint: string;
  files: Record<string, string>;
  /** The files a split spec refers to, by sha256 of what the run read (none for a single-file spec). */
  referenced?: Record<string, string>;
}>;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * What the output depends on: the spec's bytes and everything `generatorFingerprint` covers
 * (`generator`: that fingerprint when the caller has taken it already; it reads every source file).
 */
export function runFingerprint(
  specPath: string,
  options: object,
  declarations: OptionDeclarations = OUTPUT_OPTIONS,
  generator: string = generatorFingerprint(options, declarations),
): string {
  return createHash('sha256').update(readFileSync(specPath)).update(generator).digest('hex');
}

/**
 * What the output depends on besides the spec: every declared option (and the files it names),
 * and the generator's name and version (stamped into every file), code, templates and formatter.
 */
export function generatorFingerprint(options: object, declarations: OptionDeclarations = OUTPUT_OPTIONS): string {
  const hash = createHash('sha256').update(`${GENERATOR_NAME} ${GENERATOR_VERSION}\n`);
  for (const file of optionFiles(options, declarations)) hash.update(readFileSync(file));
  hash.update(JSON.stringify(withDefaults(options, declarations)));
  for (const dir of [GENERATOR_DIR, TEMPLATES_DIR]) {
    for (const file of listFiles(dir)) hash.update(file).update(readFileSync(join(dir, file)));
  }
  const require = createRequire(import.meta.url);
  for (const dependency of ['prettier']) hash.update(readFileSync(require.resolve(`${dependency}/package.json`)));
  return hash.digest('hex');
}

/** When `outDir` is as the last run with `fingerprint` left it: the other files of its split spec (absolute paths), else undefined. */
export function upToDateReferences(outDir: string, fingerprint: string): string[] | undefined {
  const record = readRecords()[resolve(outDir)];
  return record && isUpToDate(outDir, record, fingerprint) ? Object.keys(record.referenced ?? {}) : undefined;
}

function isUpToDate(outDir: string, record: Records[string], fingerprint: string): boolean {
  if (record.fingerprint !== fingerprint || !existsSync(outDir)) return false;
  const unchanged = (path: string, sha: string) => {
    try {
      return sha256(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) === sha;
    } catch {
      return false;
    }
  };
  if (!Object.entries(record.referenced ?? {}).every(([path, sha]) => unchanged(path, sha))) return false;
  const present = listFiles(outDir);
  const expected = Object.keys(record.files).sort();
  if (present.length !== expected.length || present.some((p, i) => p !== expected[i])) return false;
  return present.every((p) => statSync(join(outDir, p)).isFile() && sha256(readFileSync(join(outDir, p))) === record.files[p]);
}

/** Records a run; records of output folders that no longer exist are dropped, so the file stays small. */
export function remember(outDir: string, fingerprint: string, files: readonly GeneratedFile[], referenced: Readonly<Record<string, string>> = {}): void {
  const records = readRecords();
  for (const dir of Object.keys(records)) {
    if (existsSync(dir)) continue;
    delete records[dir];
    forgetFolderCache(dir);
  }
  records[resolve(outDir)] = { fingerprint, files: Object.fromEntries(files.map((f) => [f.path, sha256(f.contents)])), referenced: { ...referenced } };
  try {
    mkdirSync(join(CACHE_FILE, '..'), { recursive: true });
    writeFileSync(CACHE_FILE, JSON.stringify(records));
  } catch {
    // A read-only node_modules only costs the shortcut.
  }
}

/** The output folders the cache holds a record for. */
export function rememberedOutputs(): string[] {
  return Object.keys(readRecords());
}

function readRecords(): Records {
  try {
    return JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as Records;
  } catch {
    return {};
  }
}
