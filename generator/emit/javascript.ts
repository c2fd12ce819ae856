// `--emit js`: the TypeScript files the emitters printed, each turned into an ES module and its
// `.d.ts` by TypeScript's per-file APIs (no program, no type-checking: the TS output is already
// held to strict compilation by the tests), then laid out by prettier. One way to emit, so the
// JavaScript behaves exactly as the TypeScript does. Loaded only for `--emit js` (it brings the
// TypeScript compiler bundled in ts-morph).
import { format } from 'prettier';
import { ts } from 'ts-morph';
import { PRETTIER_OPTIONS } from '../format/text.js';
import { rollUpDeclarations } from './declaration-rollup.js';
import type { GeneratedFile } from './emit-files.js';

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  verbatimModuleSyntax: true,
  strict: true,
};
// What the generated code is written for: its declarations need no inference across files.
const DECLARATION_OPTIONS: ts.CompilerOptions = { ...COMPILER_OPTIONS, declaration: true, isolatedDeclarations: true };

/**
 * Every `.ts` file becomes `.js` and `.d.ts`, both under the same header line; a module of type
 * declarations only (the schema files, most of the bytes) is its own `.d.ts` as printed, and has
 * no JavaScript (everything imports it with `import type`). Other files pass through. The
 * declarations of resources and schemas are then rolled up (declaration-rollup.ts), and every
 * JavaScript and declaration file laid out by prettier, once.
 */
export async function toJavaScript(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  const converted = files.flatMap((file) => {
    if (!file.path.endsWith('.ts')) return [file];
    return file.typesOnly ? [{ path: file.path.replace(/\.ts$/, '.d.ts'), contents: file.contents }] : compile(file);
  });
  return Promise.all(rollUpDeclarations(converted).map(formatted));
}

function compile(file: GeneratedFile): GeneratedFile[] {
  // The header is kept apart, so that both outputs start with it whatever the compiler does with comments.
  const newline = file.contents.indexOf('\n');
  const header = file.contents.slice(0, newline + 1);
  const source = file.contents.slice(newline + 1);
  const js = ts.transpileModule(source, { compilerOptions: COMPILER_OPTIONS, fileName: file.path, reportDiagnostics: true });
  const dts = ts.transpileDeclaration(source, { compilerOptions: DECLARATION_OPTIONS, fileName: file.path, reportDiagnostics: true });
  const diagnostics = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
  if (diagnostics.length > 0) {
    // The emitters and runtime are written to compile file by file; a diagnostic here is our bug.
    throw new Error(`${file.path} does not compile on its own: ${ts.flattenDiagnosticMessageText(diagnostics[0]!.messageText, '\n')}`);
  }
  const base = file.path.slice(0, -'.ts'.length);
  return [
    { path: `${base}.js`, contents: header + js.outputText },
    { path: `${base}.d.ts`, contents: header + dts.outputText },
  ];
}

async function formatted(file: GeneratedFile): Promise<GeneratedFile> {
  if (file.path.endsWith('.js')) return { ...file, contents: await format(file.contents, { ...PRETTIER_OPTIONS, parser: 'babel' }) };
  if (file.path.endsWith('.d.ts')) return { ...file, contents: await format(file.contents, PRETTIER_OPTIONS) };
  return file;
}
