// The real-world documents the corpus run generates: orval's test specs (single files, and the
// entry document of each multi-file folder), DigitalOcean's public API, GitHub's REST API.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../support/paths.js';

export interface CorpusDocument {
  readonly corpus: 'orval' | 'digitalocean' | 'github';
  /** Short and stable: the path under its corpus. */
  readonly name: string;
  readonly file: string;
}

export const CORPUS_ROOT = join(ROOT, '../shared/corpus');
const ORVAL = join(CORPUS_ROOT, 'orval');
const DIGITALOCEAN = join(CORPUS_ROOT, 'digitalocean/DigitalOcean-public.v2.yaml');

const SPEC_FILE = /\.(ya?ml|json)$/i;

export function corpusDocuments(): CorpusDocument[] {
  const documents: CorpusDocument[] = [];
  if (existsSync(ORVAL)) {
    for (const entry of readdirSync(ORVAL).sort()) {
      const path = join(ORVAL, entry);
      if (statSync(path).isDirectory()) {
        for (const file of entryDocuments(path)) documents.push({ corpus: 'orval', name: relative(ORVAL, file), file });
      } else if (SPEC_FILE.test(entry)) documents.push({ corpus: 'orval', name: entry, file: path });
    }
  }
  if (existsSync(DIGITALOCEAN)) documents.push({ corpus: 'digitalocean', name: 'DigitalOcean-public.v2.yaml', file: DIGITALOCEAN });
  documents.push({ corpus: 'github', name: 'api.github.com.json', file: githubSpec() });
  return documents;
}

/** GitHub's description as `@octokit/openapi` ships it (a dev dependency). */
export function githubSpec(): string {
  const pkg = createRequire(import.meta.url).resolve('@octokit/openapi/package.json');
  return join(dirname(pkg), 'generated/api.github.com.json');
}

/**
 * The documents of a multi-file folder a user would hand the generator: OpenAPI (or Swagger)
 * documents that no other file of the folder refers to.
 */
function entryDocuments(folder: string): string[] {
  const files = filesUnder(folder).filter((f) => SPEC_FILE.test(f));
  const referenced = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\$ref["']?\s*:\s*["']?([^"'#\s,}]+)/g)) referenced.add(resolve(dirname(file), match[1]!));
  }
  return files.filter((f) => !referenced.has(f) && /^(openapi|swagger)\s*:|^\s*\{?\s*"(openapi|swagger)"/m.test(readFileSync(f, 'utf8')));
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}
