// One scratch folder for a whole test run, removed when the run ends: the tests make hundreds of
// temporary projects (generated clients, installed packages), and leaving them behind filled /tmp
// by about 8 GB over a day of runs. `scratchDir` makes each test's folder inside this one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SCRATCH_ROOT_VARIABLE = 'CODEGEN_TEST_SCRATCH';

export default function makeScratchRoot(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'codegen-tests-'));
  // Set before vitest starts its workers, which inherit the environment.
  process.env[SCRATCH_ROOT_VARIABLE] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
