// Shared by the diff tests: where the fixtures are, and running `npm run diff` as a user would.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/paths.js';

export const RULE_FIXTURES = join(ROOT, 'test/diff/fixtures/rules');
export const CASE_FIXTURES = join(ROOT, 'test/diff/fixtures/cases');

export const rulePair = (rule: string) => [join(RULE_FIXTURES, rule, 'old.yaml'), join(RULE_FIXTURES, rule, 'new.yaml')] as const;
export const casePair = (name: string) => [join(CASE_FIXTURES, name, 'old.yaml'), join(CASE_FIXTURES, name, 'new.yaml')] as const;

export interface DiffRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run diff -- <args>` through tsx, in `cwd`, with the environment given (no colour by default). */
export function runDiffCommand(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): DiffRun {
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'generator/cli/diff.ts'), ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: options.env ?? { ...process.env, NO_COLOR: '1' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
