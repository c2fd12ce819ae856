// The whole Stripe API (2023-08-16: 468 operations, 819 schemas) through the CLI: progress by
// phase, files split so none is unwieldy, and a client that compiles under the strict settings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../generator/write/output.js';
import { runCli, type CliRun } from '../support/cli.js';
import { HAS_SHARED, scratchDir, SHARED_SPECS } from '../support/paths.js';
import { COMPILERS, typecheck, type CompilerName } from '../support/typecheck.js';

const WHOLE = join(SHARED_SPECS, 'stripe-spec3-2023-08-16.yaml');
if (!HAS_SHARED) console.warn(`skipping the whole-spec test: ${SHARED_SPECS} is absent`);

describe.skipIf(!HAS_SHARED)('the whole Stripe spec', () => {
  let project: string;
  let run: CliRun;

  beforeAll(async () => {
    project = scratchDir('whole');
    run = await runCli('generate', ['--spec', WHOLE, '--out', join(project, 'client')]);
  }, 120_000);

  it('generates, printing progress by phase', () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    for (const phase of ['parse', 'model', 'emit', 'write']) expect(run.stderr).toMatch(new RegExp(`${phase}\\s+\\d+ ms`));
  });

  it('has all 468 operations, one client method each', () => {
    const client = readFileSync(join(project, 'client/client.ts'), 'utf8');
    // One bound method per operation, besides rawRequest (Stripe's: stripeRawRequest).
    expect(client.match(/: bind\((?!(stripeRawRequest|rawRequest)\))/g)).toHaveLength(468);
  });

  it('splits its output so that no file exceeds 5,000 lines', () => {
    const sizes = listFiles(join(project, 'client')).map((f) => [f, readFileSync(join(project, 'client', f), 'utf8').split('\n').length] as const);
    expect(sizes.length).toBeGreaterThan(100);
    expect(sizes.filter(([, lines]) => lines > 5000)).toEqual([]);
  });

  it.each(Object.keys(COMPILERS) as CompilerName[])('compiles under the strict settings with %s', (compiler) => {
    expect(typecheck(project, compiler).output).toBe('');
  });
});
