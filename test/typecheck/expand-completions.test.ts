// The user's story: typing `expand: ['` in an editor lists the fields the call can expand, and after
// `field.` the fields of what it expands to, as the editor's TypeScript language service offers
// them (a check on typed expand beyond "it compiles").
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

it("an editor completes a call's expand paths inside `expand: ['…']`, one field at a time", () => {
  const call = (typed: string) =>
    [
      "import { createClient } from './generated/index.js';",
      "const stripe = createClient({ apiKey: 'sk_test' });",
      `void stripe.financialConnections.accounts.retrieve('fca_1', { expand: ['${typed}'] });`,
    ].join('\n');
  const offered = (typed: string) => completionsAt(call(typed), `expand: ['${typed}`);
  // The account's expandable fields; a list's `data` is not one of them.
  const first = offered('');
  expect(first).toEqual(expect.arrayContaining(['account_holder', 'balance', 'ownership']));
  expect(first).not.toContain('data');
  // After a field and its dot, the fields of what it expands to.
  const holder = offered('account_holder.');
  expect(holder).toEqual(expect.arrayContaining(['account_holder.customer', 'account_holder.account']));
  expect(offered('ownership.owners.')).toEqual(['ownership.owners.data']);
  // Beside a path already written, the fields again.
  expect(completionsAt(call("ownership', '"), "'ownership', '")).toContain('account_holder');
});
