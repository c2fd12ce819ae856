// `--emit js` as a JavaScript project vendors it: the Financial Connections client and every
// fixture as ES modules with a `.d.ts` beside each. The declarations, with a new user's usage,
// compile under the strict settings (no `.ts` of ours in the project, and `skipLibCheck` off, so
// the `.d.ts` files themselves are checked) by TypeScript 5.9 and 7; every file is in prettier's
// layout; two runs give the same bytes. The JavaScript runs in every runtime of the matrix
// (test/runtimes/bundle.ts builds the suite from it).
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../generator/emit/emit-files.js';
import { PRETTIER_OPTIONS } from '../../generator/format/text.js';
import { generateFiles } from '../../generator/generate.js';
import { generateInto } from '../support/generate-into.js';
import { fixture, PROJECT_SPEC, scratchDir } from '../support/paths.js';
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
  it('writes each module as .js and .d.ts, type-only modules as .d.ts alone, and no TypeScript source', async () => {
    const ts = (await generateFiles(PROJECT_SPEC)).files.map((f) => f.path);
    const js = (await generateFiles(PROJECT_SPEC, { emit: 'js' })).files.map((f) => f.path);
    expect(js.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
    for (const path of ts.filter((p) => p.endsWith('.ts'))) expect(js).toContain(path.replace(/\.ts$/, '.d.ts'));
    expect(js).toContain('client.js');
    expect(js).toContain('runtime/transport.js');
    expect(js).not.toContain('schemas.js');
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

async function unformatted(files: readonly GeneratedFile[]): Promise<string[]> {
  const paths: string[] = [];
  for (const file of files.filter((f) => /\.(js|d\.ts)$/.test(f.path))) {
    const parser = file.path.endsWith('.js') ? 'babel' : PRETTIER_OPTIONS.parser;
    if ((await format(file.contents, { ...PRETTIER_OPTIONS, parser })) !== file.contents) paths.push(file.path);
  }
  return paths;
}
