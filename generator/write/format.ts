// Prettier formats every generated file with fixed options, so output never depends on a
// user's prettier config.
import { format } from 'prettier';
import type { GeneratedFile } from '../emit/emit-files.js';

const PRETTIER_OPTIONS = {
  parser: 'typescript',
  printWidth: 100,
  singleQuote: true,
  trailingComma: 'all',
  endOfLine: 'lf',
} as const;

export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  return Promise.all(files.map(async (f) => ({ path: f.path, contents: await format(f.contents, PRETTIER_OPTIONS) })));
}
