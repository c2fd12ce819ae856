// The one record of what the last run into an output folder wrote, kept in that folder beside the
// manifest (`.last-run.json`): the fingerprint of everything the output was made from, and the
// other files of a split spec by hash. With the manifest (every file's hash) it tells whether the
// folder is exactly what a run would write now, so that such a run loads nothing and touches
// nothing; `--check` reads it the same way, and `--watch` learns from it which files to watch.
// It is not output: it is left out of the manifest and of every comparison of the folder.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { GeneratedFile } from '../emit/emit-files.js';
import { optionFiles, OUTPUT_OPTIONS, withDefaults, type OptionDeclarations } from '../options.js';
import { GENERATOR_DIR, PACKAGE_ROOT, TEMPLATES_DIR } from '../paths.js';
import { GENERATOR_NAME, GENERATOR_VERSION } from '../version.js';
import { listFiles, listOutput, MANIFEST, RECORD } from './output.js';

interface LastRun {
  /** `runFingerprint` of that run. */
  readonly fingerprint: string;
  /** sha256 of the manifest it wrote (the manifest holds every other file's). */
  readonly manifest: string;
  /** The other files of a split spec, relative to the output folder, by sha256 of the text read. */
  readonly referenced: Readonly<Record<string, string>>;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Everything the output is made from: the spec's bytes and what `generatorFingerprint` covers. */
export function runFingerprint(specPath: string, options: object, declarations: OptionDeclarations = OUTPUT_OPTIONS): string {
  // The regenerate command is in every file's header (GenerateOptions), so a run given another way writes again.
  const regenerate = 'regenerate' in options && typeof options.regenerate === 'string' ? options.regenerate : '';
  const hash = createHash('sha256').update(readFileSync(specPath)).update(`${regenerate}\n`);
  return hash.update(generatorFingerprint(options, declarations)).digest('hex');
}

/**
 * What the output is made from besides the spec: every declared option (and the files it names),
 * the generator's name and version (stamped into every file), its code, templates and built
 * validator, and the installed version of each of its dependencies (the YAML parser, the
 * resolver, the document printer, the template engine…).
 */
function generatorFingerprint(options: object, declarations: OptionDeclarations): string {
  const hash = createHash('sha256').update(`${GENERATOR_NAME} ${GENERATOR_VERSION}\n`);
  for (const file of optionFiles(options, declarations)) hash.update(readFileSync(file));
  hash.update(JSON.stringify(withDefaults(options, declarations)));
  for (const dir of [GENERATOR_DIR, TEMPLATES_DIR]) {
    for (const file of listFiles(dir)) hash.update(file).update(readFileSync(join(dir, file)));
  }
  return hash.update(dependencyVersions()).digest('hex');
}

let versions: string | undefined;

/** `name@version` of every dependency package.json declares, as installed. */
function dependencyVersions(): string {
  if (versions !== undefined) return versions;
  const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const require = createRequire(join(PACKAGE_ROOT, 'package.json'));
  versions = Object.keys(manifest.dependencies ?? {})
    .map((name) => `${name}@${installedVersion(require, name)}`)
    .join('\n');
  return versions;
}

/** A package's version, from the package.json above its entry point (not every package exports its package.json). */
function installedVersion(require: NodeJS.Require, name: string): string {
  for (let dir = dirname(require.resolve(name)); dirname(dir) !== dir; dir = dirname(dir)) {
    try {
      const found = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (found.name === name) return String(found.version);
    } catch {
      // no package.json at this level
    }
  }
  throw new Error(`${name}: installed, but no package.json names it`);
}

/**
 * When `outDir` is what a run with `fingerprint` would write, as the record says and the files
 * still are: the other files of its split spec (absolute paths); else undefined.
 */
export function upToDate(outDir: string, fingerprint: string): string[] | undefined {
  const record = readRecord(outDir);
  if (record?.fingerprint !== fingerprint) return undefined;
  const referenced = Object.entries(record.referenced).map(([path, sha]) => [resolve(outDir, path), sha] as const);
  if (!referenced.every(([path, sha]) => hashOf(path, (bytes) => bytes.toString('utf8').replace(/^\uFEFF/, '')) === sha)) return undefined;
  let files: Record<string, string>;
  try {
    const manifest = readFileSync(join(outDir, MANIFEST));
    if (sha256(manifest) !== record.manifest) return undefined;
    files = { ...(JSON.parse(manifest.toString('utf8')) as { files: Record<string, string> }).files, [MANIFEST]: record.manifest };
    const present = listOutput(outDir);
    const expected = Object.keys(files).sort();
    if (present.length !== expected.length || present.some((p, i) => p !== expected[i])) return undefined;
  } catch {
    return undefined;
  }
  return Object.entries(files).every(([path, sha]) => hashOf(join(outDir, path)) === sha) ? referenced.map(([path]) => path) : undefined;
}

/** The sha256 of a plain file's bytes (or of what `text` makes of them), or undefined. */
function hashOf(file: string, text?: (bytes: Buffer) => string): string | undefined {
  try {
    if (!statSync(file).isFile()) return undefined;
    const bytes = readFileSync(file);
    return sha256(text ? text(bytes) : bytes);
  } catch {
    return undefined;
  }
}

/**
 * Records the run that wrote `files` into `outDir` (`referenced`: absolute paths by sha256), or,
 * with no fingerprint (an input changed while the run went on), removes the last record.
 */
export function recordRun(outDir: string, fingerprint: string | undefined, files: readonly GeneratedFile[], referenced: Readonly<Record<string, string>>): void {
  const file = join(outDir, RECORD);
  const manifest = files.find((f) => f.path === MANIFEST);
  if (fingerprint === undefined || !manifest) {
    rmSync(file, { force: true });
    return;
  }
  const relativeTo = (path: string) => relative(resolve(outDir), path).split(sep).join('/');
  const record: LastRun = {
    fingerprint,
    manifest: sha256(manifest.contents),
    referenced: Object.fromEntries(Object.entries(referenced).map(([path, sha]) => [relativeTo(path), sha])),
  };
  const temp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, `${JSON.stringify(record, null, 2)}\n`);
    renameSync(temp, file);
  } catch {
    // Only the shortcut is lost: the next run generates again.
    rmSync(temp, { force: true });
  }
}

function readRecord(outDir: string): LastRun | undefined {
  try {
    const record = JSON.parse(readFileSync(join(outDir, RECORD), 'utf8')) as Partial<LastRun>;
    if (typeof record.fingerprint !== 'string' || typeof record.manifest !== 'string' || typeof record.referenced !== 'object' || record.referenced === null) return undefined;
    return record as LastRun;
  } catch {
    return undefined;
  }
}
