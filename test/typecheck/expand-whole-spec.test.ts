// Typed `expand` at Stripe's full size: the client generated from the whole 2023-08-16 spec in
// ../shared/specs (468 operations, about 21,700 expand paths) still compiles under the strict
// settings, expand-whole-spec-usage.ts.txt checks narrowing on charges, invoices and customers, and
// `Client` is held to the methods inferred from the operation functions (client-type.ts).
// Skipped, saying so, when ../shared is absent.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateInto } from '../support/generate-into.js';
import { fixture, SHARED_SPECS, scratchDir } from '../support/paths.js';
import { COMPILERS, typecheck, type CompilerName } from '../support/typecheck.js';
import { writeClientTypeCheck } from './client-type.js';

const WHOLE_SPEC = join(SHARED_SPECS, 'stripe-spec3-2023-08-16.yaml');
const HAVE_WHOLE_SPEC = existsSync(WHOLE_SPEC);
if (!HAVE_WHOLE_SPEC) {
  console.warn(`typed expand on the whole Stripe spec: ${WHOLE_SPEC} is missing, so these checks are skipped`);
}

// Generating and formatting the whole spec takes 10 to 30 seconds on a busy 2-core machine, and
// TypeScript 5.9 as long again to check it.
const SLOW = 240_000;
const compilers = Object.keys(COMPILERS) as CompilerName[];
let project: string;

describe.skipIf(!HAVE_WHOLE_SPEC)('typed expand on the whole Stripe spec', () => {
  beforeAll(async () => {
    project = scratchDir('expand-whole');
    await generateInto(WHOLE_SPEC, join(project, 'client'));
    copyFileSync(fixture('typecheck/expand-whole-spec-usage.ts.txt'), join(project, 'usage.ts'));
    // The same client carries the spec's 222 webhook event types: their union is checked here too.
    copyFileSync(fixture('typecheck/webhook-events-whole-spec-usage.ts.txt'), join(project, 'webhook-events-usage.ts'));
    // And `Client`'s 468 methods against their operation functions (client-type.ts).
    writeClientTypeCheck(join(project, 'client'));
  }, SLOW);

  it.each(compilers)('compiles under %s with every narrowing check holding', (compiler) => {
    const result = typecheck(project, compiler);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, SLOW);
});
