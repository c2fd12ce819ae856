// Typed webhook events, compiled as a vendoring project would (TypeScript 5.9 and 7, strictest
// settings): `type` narrows `data.object`, events of types newer than the spec stay possible,
// and the @ts-expect-error lines in webhook-events-usage.ts.txt prove the checks can fail.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateInto } from '../support/generate-into.js';
import { fixture, PROJECT_SPEC, scratchDir } from '../support/paths.js';
import { COMPILERS, typecheck, type CompilerName } from '../support/typecheck.js';

let project: string;

beforeAll(async () => {
  project = scratchDir('webhook-events');
  await generateInto(PROJECT_SPEC, join(project, 'client'));
  copyFileSync(fixture('typecheck/webhook-events-usage.ts.txt'), join(project, 'usage.ts'));
});

describe('typed webhook events of the Financial Connections client', () => {
  it.each(Object.keys(COMPILERS) as CompilerName[])('compile under %s with every check holding', (compiler) => {
    const result = typecheck(project, compiler);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});
