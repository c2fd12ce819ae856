// Where the tests find things: the project's spec, the shared reference data, scratch space.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCRATCH_ROOT_VARIABLE } from './scratch-root.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PROJECT_SPEC = join(ROOT, 'spec/stripe-financial-connections-2023-10-16.yaml');
export const SHARED_SPECS = join(ROOT, '../shared/specs');
export const HAS_SHARED = existsSync(SHARED_SPECS);
export const fixture = (...parts: string[]) => join(ROOT, 'test', ...parts);

// Inside the run's scratch root (test/support/scratch-root.ts), which goes when the run ends; in the
// system's temporary folder when a test file is run some other way.
export function scratchDir(label: string): string {
  const root = process.env[SCRATCH_ROOT_VARIABLE] ?? tmpdir();
  return mkdtempSync(join(root, `codegen-${label}-`));
}
