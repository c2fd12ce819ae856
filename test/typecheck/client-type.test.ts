// `Client` (spelled out in client.ts) against the methods as inferred from the operation
// functions, for the Financial Connections client and the fixtures whose signatures differ most
// (typed expand, lists, path parameters, non-JSON answers), under TypeScript 5.9 and 7; the whole
// spec's client gets the same check in expand-whole-spec.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateInto } from '../support/generate-into.js';
import { fixture, PROJECT_SPEC, scratchDir } from '../support/paths.js';
import { COMPILERS, typecheck, type CompilerName } from '../support/typecheck.js';
import { writeClientTypeCheck } from './client-type.js';

const compilers = Object.keys(COMPILERS) as CompilerName[];
const FIXTURES = ['expand-paths', 'pagination', 'path-params', 'non-json-responses', 'query-styles'];
let project: string;
let broken: string;

beforeAll(async () => {
  project = scratchDir('client-type');
  await generateInto(PROJECT_SPEC, join(project, 'client'));
  writeClientTypeCheck(join(project, 'client'));
  for (const name of FIXTURES) {
    await generateInto(fixture('generator/fixtures', name, 'spec.yaml'), join(project, name));
    writeClientTypeCheck(join(project, name));
  }
  // The same check with one method of a methods interface changed: its options no longer RequestOptions.
  broken = scratchDir('client-type-broken');
  await generateInto(PROJECT_SPEC, join(broken, 'client'));
  const sessions = join(broken, 'client/resources/financial-connections/sessions.ts');
  const text = readFileSync(sessions, 'utf8');
  const changed = text.replace(/(\nexport interface FinancialConnectionsSessionsMethods \{[^]*?options\?: )RequestOptions,/, '$1{ readonly timeout?: string },');
  if (changed === text) throw new Error(`${sessions}: no methods interface to change`);
  writeFileSync(sessions, changed);
  writeClientTypeCheck(join(broken, 'client'));
});

describe.each(compilers)('under %s', (compiler) => {
  it('every method of Client is what binding its operation function gives, both ways', () => {
    const result = typecheck(project, compiler);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('a method of Client that differs from its function is an error (the generated client alone compiles)', () => {
    const result = typecheck(broken, compiler);
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/client-type-check\.ts\(\d+,\d+\): error TS2322/);
    expect(result.output.split('\n').filter((line) => !line.includes('client-type-check.ts') && /error TS/.test(line))).toEqual([]);
  });
});
