// `--emit js` as a JavaScript project vendors it: the Financial Connections client and every
// fixture as ES modules with their declarations, those of resources and schemas rolled up into one
// file each (and on the whole Stripe spec, every name the TypeScript client exports, of the same
// kind). The declarations, with a new user's usage,
// compile under the strict settings (no `.ts` of ours in the project, and `skipLibCheck` off, so
// the `.d.ts` files themselves are checked) by TypeScript 5.9 and 7; every file is in prettier's
// layout; two runs give the same bytes. The JavaScript runs in every runtime of the matrix
// (test/runtimes/bundle.ts builds the suite from it).
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../generator/emit/emit-files.js';
import { PRETTIER_OPTIONS } from '../../generator/format/text.js';
import { generateFiles } from '../../generator/generate.js';
import { listFiles } from '../../generator/write/output.js';
import { generateInto } from '../support/generate-into.js';
import { fixture, HAS_SHARED, PROJECT_SPEC, scratchDir, SHARED_SPECS } from '../support/paths.js';
import { COMPILERS, typecheck, type CompilerName } from '../support/typecheck.js';

const SPECS = [PROJECT_SPEC, ...readdirSync(fixture('generator/fixtures'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => fixture('generator/fixtures', e.name, 'spec.yaml'))];
let project: string;

beforeAll(async () => {
  project = scratchDir('javascript');
  await generateInto(PROJECT_SPEC, join(project, 'client'), { emit: 'js' });
  copyFileSync(fixture('typecheck/usage.ts.txt'), join(project, 'usage.ts'));
  for (const [i, spec] of SPECS.slice(1).entries()) await generateInto(spec, join(project, 'fixtures', String(i)), { emit: 'js' });
}, 120_000);

describe('--emit js', { timeout: 120_000 }, () => {
  it('writes each module as .js with its declarations, resources\' declarations in resources.d.ts, type-only modules as .d.ts alone, and no TypeScript source', async () => {
    const ts = (await generateFiles(PROJECT_SPEC)).files.map((f) => f.path);
    const js = (await generateFiles(PROJECT_SPEC, { emit: 'js' })).files.map((f) => f.path);
    expect(js.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
    const resources = ts.filter((p) => p.startsWith('resources/'));
    expect(resources.length).toBe(3);
    for (const path of resources) expect(js).toContain(path.replace(/\.ts$/, '.js'));
    for (const path of ts.filter((p) => p.endsWith('.ts') && !p.startsWith('resources/'))) expect(js).toContain(path.replace(/\.ts$/, '.d.ts'));
    expect(js.filter((p) => p.startsWith('resources/') && p.endsWith('.d.ts'))).toEqual([]);
    for (const path of ['resources.d.ts', 'resources.js', 'client.js', 'runtime/transport.js']) expect(js).toContain(path);
    expect(js).not.toContain('schemas.js');
    // Every module with JavaScript has its declarations beside it, but the ones resources.d.ts holds.
    for (const path of js.filter((p) => p.endsWith('.js') && !p.startsWith('resources/'))) expect(js).toContain(path.replace(/\.js$/, '.d.ts'));
  });

  it('gives the same bytes on every run', async () => {
    expect((await generateFiles(PROJECT_SPEC, { emit: 'js' })).files).toEqual((await generateFiles(PROJECT_SPEC, { emit: 'js' })).files);
  });

  it.each(SPECS)("is in prettier's layout: %s", async (spec) => {
    expect(await unformatted((await generateFiles(spec, { emit: 'js' })).files)).toEqual([]);
  });

  it.each(Object.keys(COMPILERS) as CompilerName[])("its declarations and a new user's usage compile under the strict settings (%s)", (compiler) => {
    const result = typecheck(project, compiler);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});

const WHOLE = join(SHARED_SPECS, 'stripe-spec3-2023-08-16.yaml');

describe.skipIf(!HAS_SHARED)('--emit js on the whole Stripe spec', { timeout: 180_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = scratchDir('javascript-whole');
    await generateInto(WHOLE, join(dir, 'ts'));
    await generateInto(WHOLE, join(dir, 'js'), { emit: 'js' });
  }, 180_000);

  it('rolls the declarations of its resource files and schema files into resources.d.ts and schemas.d.ts', () => {
    const files = listFiles(join(dir, 'js'));
    expect(files.filter((f) => /^(resources|schemas)\/.*\.d\.ts$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('resources/') && f.endsWith('.js')).length).toBe(listFiles(join(dir, 'ts')).filter((f) => f.startsWith('resources/')).length);
    for (const path of ['resources.d.ts', 'resources.js', 'schemas.d.ts']) expect(files).toContain(path);
    expect(listFiles(join(dir, 'ts')).filter((f) => f.startsWith('schemas/')).length).toBeGreaterThan(100);
  });

  it('exports every name the TypeScript client exports, each a value or a type as there', () => {
    const program = ts.createProgram([join(dir, 'ts/index.ts'), join(dir, 'js/index.d.ts')], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: [],
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const exportsOf = (file: string) => {
      const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
      return checker
        .getExportsOfModule(module)
        .map((symbol) => {
          const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
          return `${symbol.name} (${target.flags & ts.SymbolFlags.Value ? 'value' : 'type'})`;
        })
        .sort();
    };
    const typescript = exportsOf(join(dir, 'ts/index.ts'));
    expect(typescript.length).toBeGreaterThan(2000);
    expect(exportsOf(join(dir, 'js/index.d.ts'))).toEqual(typescript);
  });

  it('compiles under the strict settings with its declarations checked (TypeScript 7)', () => {
    const result = typecheck(join(dir, 'js'), 'TypeScript 7');
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});

async function unformatted(files: readonly GeneratedFile[]): Promise<string[]> {
  const paths: string[] = [];
  for (const file of files.filter((f) => /\.(js|d\.ts)$/.test(f.path))) {
    const parser = file.path.endsWith('.js') ? 'babel' : PRETTIER_OPTIONS.parser;
    if ((await format(file.contents, { ...PRETTIER_OPTIONS, parser })) !== file.contents) paths.push(file.path);
  }
  return paths;
}
