// A user's code against a generated client, type-checked as written and with a mistake put in:
// the typecheck tests of what the generated types allow (error bodies by status, stream overloads).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateInto } from './generate-into.js';
import { fixture, scratchDir } from './paths.js';
import { typecheck, type CompilerName, type TypecheckResult } from './typecheck.js';

/** A scratch project: the generator fixture's client in `client/`, the usage file as `usage.ts`. */
export async function usageProject(generatorFixture: string, usageFile: string): Promise<string> {
  const project = scratchDir(generatorFixture);
  await generateInto(fixture('generator/fixtures', generatorFixture, 'spec.yaml'), join(project, 'client'));
  copyFileSync(usageFile, join(project, 'usage.ts'));
  return project;
}

/**
 * The project compiled with each `[from, to]` replaced in the usage (each must be there, so an
 * edited usage cannot silently leave a mistake out); the usage is put back afterwards.
 */
export function typecheckWithMistakes(project: string, compiler: CompilerName, usageFile: string, mistakes: readonly (readonly [string, string])[]): TypecheckResult {
  let usage = readFileSync(usageFile, 'utf8');
  for (const [from, to] of mistakes) {
    if (!usage.includes(from)) throw new Error(`the usage no longer contains ${JSON.stringify(from)}`);
    usage = usage.replace(from, to);
  }
  writeFileSync(join(project, 'usage.ts'), usage);
  try {
    return typecheck(project, compiler);
  } finally {
    copyFileSync(usageFile, join(project, 'usage.ts'));
  }
}
