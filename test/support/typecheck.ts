// Type-checks a directory of TypeScript the way a user's strict project would: TypeScript 5.9
// (the compiler API generation) and TypeScript 7 (the native compiler), each as a real `tsc`.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const COMPILERS = {
  'TypeScript 5.9': join(ROOT, 'node_modules/typescript/bin/tsc'),
  'TypeScript 7': join(ROOT, 'node_modules/typescript-7/bin/tsc'),
} as const;

export type CompilerName = keyof typeof COMPILERS;

/** The strictest settings a vendoring project may use; no Node types, so nothing Node-only slips in. */
export const STRICT_OPTIONS = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  types: [],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noPropertyAccessFromIndexSignature: true,
  isolatedModules: true,
  noEmit: true,
  skipLibCheck: false,
};

export interface TypecheckResult {
  readonly ok: boolean;
  /** tsc's diagnostics, one per line (empty when ok). */
  readonly output: string;
}

/** Writes a tsconfig.json into `dir` covering `include` and runs the named compiler on it. */
export function typecheck(dir: string, compiler: CompilerName, include: readonly string[] = ['**/*.ts'], extraOptions: object = {}): TypecheckResult {
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { ...STRICT_OPTIONS, ...extraOptions }, include }, null, 2),
  );
  // A package.json with "type": "module" makes NodeNext resolution treat the files as ES modules.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  const run = spawnSync(process.execPath, [COMPILERS[compiler], '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}
