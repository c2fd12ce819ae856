// The user's story: typing `expand: ['` in an editor lists the paths the call can expand, as the
// editor's TypeScript language service offers them (a check on typed expand beyond "it compiles").
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { ROOT } from '../support/paths.js';

function completionsAt(source: string, marker: string): string[] {
  const file = join(ROOT, 'usage-completions.ts');
  const read = (path: string) => (path === file ? source : readFileSync(path, 'utf8'));
  const service = ts.createLanguageService({
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (path) => (path === file || existsSync(path) ? ts.ScriptSnapshot.fromString(read(path)) : undefined),
    getCurrentDirectory: () => ROOT,
    getCompilationSettings: () => ({ strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022 }),
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (path) => path === file || existsSync(path),
    readFile: read,
  });
  const position = source.indexOf(marker) + marker.length;
  return (service.getCompletionsAtPosition(file, position, {})?.entries ?? []).map((entry) => entry.name);
}

it("an editor completes a call's expand paths inside `expand: ['…']`", () => {
  const source = [
    "import { createClient } from './generated/index.js';",
    "const stripe = createClient({ apiKey: 'sk_test' });",
    "void stripe.financialConnections.accounts.retrieve('fca_1', { expand: [''] });",
  ].join('\n');
  const names = completionsAt(source, "expand: ['");
  expect(names).toContain('ownership');
  expect(names).toContain('account_holder.customer');
  expect(names).not.toContain('data');
});
