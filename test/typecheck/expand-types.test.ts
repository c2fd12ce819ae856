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

  it('a mistyped path is an error that names the fields accepted where it goes wrong and the likely one', () => {
    const dir = scratchDir('expand-typo');
    symlinkSync(join(project, 'client'), join(dir, 'client'), 'dir');
    const retrieve = (path: string) =>
      `createClient({ apiKey: 'sk' }).financialConnections.accounts.retrieve('fca_1', { expand: ['${path}'] })`;
    writeFileSync(
      join(dir, 'typo.ts'),
      "import { createClient } from './client/index.js';\n" +
        `export const account = ${retrieve('ownershp')};\n` +
        `export const holder = ${retrieve('account_holder.custmer')};\n` +
        `export const pastTheEnd = ${retrieve('ownership.owners.data.id')};\n`,
    );
    const result = typecheck(dir, compiler, ['typo.ts']);
    expect(result.ok).toBe(false);
    // The compilers list a union's members in different orders: each member is checked on its own.
    const [top, nested, past] = result.output.split('\n').filter((l) => l.includes('error TS'));
    expect(top).toContain(`Type '"ownershp"' is not assignable to type '`);
    for (const field of ['account_holder', 'balance', 'balance_refresh', 'ownership', 'ownership_refresh', 'transaction_refresh']) expect(top).toContain(`"${field}"`);
    expect(top).toContain(`Did you mean '"ownership"'?`);
    expect(nested).toContain(`Type '"account_holder.custmer"' is not assignable to type '"account_holder.`);
    expect(nested).toContain(`Did you mean '"account_holder.customer"'?`);
    // An owner list's `data` leads to nothing expandable, so the path ends there.
    expect(past).toContain(`Type '"ownership.owners.data.id"' is not assignable to type '"ownership.owners.data"'.`);
  });
});
