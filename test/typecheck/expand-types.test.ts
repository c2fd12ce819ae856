// "Types that know what you expanded": the compile-only type tests (expand-usage.ts.txt against the
// Financial Connections client, expand-fixture-usage.ts.txt against the expand-paths fixture) under
// TypeScript 5.9 and 7, and the message a person gets for a mistyped path.
import { copyFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateInto } from '../support/generate-into.js';
import { fixture, PROJECT_SPEC, scratchDir } from '../support/paths.js';
import { COMPILERS, typecheck, type CompilerName } from '../support/typecheck.js';

const compilers = Object.keys(COMPILERS) as CompilerName[];
let project: string;

beforeAll(async () => {
  project = scratchDir('expand-types');
  await generateInto(PROJECT_SPEC, join(project, 'client'));
  await generateInto(fixture('generator/fixtures/expand-paths/spec.yaml'), join(project, 'fixture'));
  copyFileSync(fixture('typecheck/expand-usage.ts.txt'), join(project, 'expand-usage.ts'));
  copyFileSync(fixture('typecheck/expand-fixture-usage.ts.txt'), join(project, 'expand-fixture-usage.ts'));
});

describe.each(compilers)('typed expand under %s', (compiler) => {
  it('narrows what was expanded and refuses what cannot be (every expected error is one)', () => {
    const result = typecheck(project, compiler);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('a mistyped path is an error that names the accepted paths and the likely one', () => {
    const dir = scratchDir('expand-typo');
    symlinkSync(join(project, 'client'), join(dir, 'client'), 'dir');
    writeFileSync(
      join(dir, 'typo.ts'),
      "import { createClient } from './client/index.js';\n" +
        "export const account = createClient({ apiKey: 'sk' }).financialConnections.accounts.retrieve('fca_1', { expand: ['ownershp'] });\n",
    );
    const result = typecheck(dir, compiler, ['typo.ts']);
    expect(result.ok).toBe(false);
    expect(result.output).toContain(`Type '"ownershp"' is not assignable to type 'FinancialConnectionsAccountExpandPath'. Did you mean '"ownership"'?`);
  });
});
