// The generator prints in prettier's layout instead of running prettier: this says which generated
// TypeScript files prettier would still change, each with the first line that differs. The fixture
// test, the fuzzer and the corpus all hold output to it.
import { format } from 'prettier';
import type { GeneratedFile } from '../../generator/emit/emit-files.js';
import { PRETTIER_OPTIONS } from '../../generator/format/text.js';

/** `path:line: text` for each file prettier would change; the runtime copy is checked in templates/ already. */
export async function unformattedFiles(files: readonly GeneratedFile[]): Promise<string[]> {
  const unformatted: string[] = [];
  for (const file of files) {
    if (!file.path.endsWith('.ts') || file.path.startsWith('runtime/')) continue;
    const formatted = await format(file.contents, PRETTIER_OPTIONS);
    if (formatted === file.contents) continue;
    const ours = file.contents.split('\n');
    const line = formatted.split('\n').findIndex((text, i) => text !== ours[i]);
    unformatted.push(`${file.path}:${line + 1}: ${ours[line]?.trim()}`);
  }
  return unformatted;
}
