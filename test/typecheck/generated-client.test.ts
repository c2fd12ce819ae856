// The generated client, and every fixture's, compiled as a vendoring project would: strict,
// exactOptionalPropertyTypes, noUncheckedIndexedAccess, verbatimModuleSyntax, no Node types,
// by TypeScript 5.9 and by TypeScript 7.
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateInto } from '../support/generate-into.js';
import { COMPILERS, typecheck, type CompilerName } from '../support/typecheck.js';
import { fixture, PROJECT_SPEC, scratchDir } from '../support/paths.js';

const compilers = Object.keys(COMPILERS) as CompilerName[];
let project: string;

beforeAll(async () => {
  project = scratchDir('typecheck');
  await generateInto(PROJECT_SPEC, join(project, 'client'));
  copyFileSync(fixture('typecheck/usage.ts.txt'), join(project, 'usage.ts'));
  const fixtures = readdirSync(fixture('generator/fixtures'), { withFileTypes: true }).filter((e) => e.isDirectory());
  for (const f of fixtures) await generateInto(fixture('generator/fixtures', f.name, 'spec.yaml'), join(project, 'fixtures', f.name));
});

describe.each(compilers)('under %s', (compiler) => {
  it("the client, a new user's usage and every fixture compile with no diagnostics", () => {
    const result = typecheck(project, compiler);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('the same settings do reject a mistake (the check can fail)', () => {
    const dir = scratchDir('typecheck-bad');
    writeFileSync(join(dir, 'bad.ts'), "export const id: string = undefined;\n");
    const result = typecheck(dir, compiler);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('TS2322');
  });
});
