// Generates every corpus document in this process and compiles every client in one TypeScript 7
// run. A document ends as `compiles`, `refused` (a GeneratorError: the user's fault, or a document truly
// unusable), `crash` (anything else: our bug), `not as prettier formats it` or `does not compile`
// (our bugs: the output is printed in prettier's layout and must compile).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { GeneratorError } from '../../generator/errors.js';
import { generateFiles } from '../../generator/generate.js';
import { compileClients, writeClient } from '../support/clients.js';
import { unformattedFiles } from '../support/prettier-clean.js';
import type { CorpusDocument } from './documents.js';

export type Outcome = 'compiles' | 'refused' | 'crash' | 'not as prettier formats it' | 'does not compile';

export interface DocumentResult {
  readonly document: CorpusDocument;
  readonly outcome: Outcome;
  readonly warnings: number;
  readonly operations: number;
  readonly ms: number;
  /** The refusal's message, the crash's stack, or the compiler's first errors. */
  readonly detail?: string;
}

export async function runCorpus(documents: readonly CorpusDocument[], workDir: string): Promise<DocumentResult[]> {
  const generated: (DocumentResult & { folder?: string })[] = [];
  for (const [index, document] of documents.entries()) {
    const start = performance.now();
    try {
      const { files, warnings, model } = await generateFiles(document.file);
      const unformatted = await unformattedFiles(files);
      if (unformatted.length > 0) {
        generated.push({ document, outcome: 'not as prettier formats it', warnings: warnings.length, operations: model.operations.length, ms: performance.now() - start, detail: unformatted.join('\n') });
        continue;
      }
      const folder = `${index}`;
      mkdirSync(join(workDir, folder), { recursive: true });
      writeClient(workDir, join(workDir, folder), files);
      generated.push({ document, outcome: 'compiles', warnings: warnings.length, operations: model.operations.length, ms: performance.now() - start, folder });
    } catch (error) {
      const ms = performance.now() - start;
      if (error instanceof GeneratorError) generated.push({ document, outcome: 'refused', warnings: 0, operations: 0, ms, detail: error.format() });
      else generated.push({ document, outcome: 'crash', warnings: 0, operations: 0, ms, detail: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
  const folders = generated.flatMap((r) => (r.folder ? [r.folder] : []));
  const errors = compileClients(workDir, folders, 'TypeScript 7');
  return generated.map(({ folder, ...result }) => {
    const lines = folder === undefined ? undefined : errors.get(folder);
    return lines ? { ...result, outcome: 'does not compile', detail: lines.slice(0, 8).join('\n') } : result;
  });
}
