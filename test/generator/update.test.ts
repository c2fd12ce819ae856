// Regenerating after a spec update takes the files whose inputs did not change from the output
// folder (generator/write/folder-cache.ts). Whatever it reuses, the folder must end up byte for
// byte as a cold generation of the updated spec writes it, with the same warnings.
import { copyFileSync, lstatSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../generator/generate.js';
import { listFiles } from '../../generator/write/output.js';
import { HAS_SHARED, PROJECT_SPEC, SHARED_SPECS, scratchDir } from '../support/paths.js';
import { thingSchema, writeSplitSpec } from '../support/split-spec.js';

type Doc = { info: Record<string, unknown>; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Record<string, unknown>> } };

const load = (file: string) => jsyaml.load(readFileSync(file, 'utf8')) as Doc;

interface Edits {
  /** A GET to copy under `added`, a new resource sorting before the GET's own. */
  readonly get: string;
  readonly added: string;
  readonly schema: string;
  readonly removed: string;
}

/**
 * The spec before, with a construct the model warns about, and after: an operation added, a
 * schema changed, a path removed, and a finding of the OpenAPI schema (a number for `info.version`).
 * The added operation's resource comes first, so it now declares the `expand` path unions its
 * response shares with the copied GET's resource, whose file then changes through the emit plan
 * alone (its own operations are as they were).
 */
function versions(original: Doc, { get, added, schema, removed }: Edits): [Doc, Doc] {
  const before = structuredClone(original);
  before.components.schemas['update_test_not'] = { not: { type: 'number' } };
  const after = structuredClone(before);
  const template = after.paths[get]!['get'] as { parameters?: { in: string }[] };
  const renamed = added.replace(/.*\{(\w+)\}$/, '$1');
  const parameters = (template.parameters ?? []).map((p) => (p.in === 'path' ? { ...p, name: renamed } : p));
  after.paths[added] = { get: { ...template, operationId: 'GetUpdateTestCopy', parameters } };
  const changed = after.components.schemas[schema]!;
  changed['properties'] = { ...(changed['properties'] as object), update_test_nickname: { type: 'string', nullable: true, description: 'Added by the update.' } };
  delete after.paths[removed];
  after.info['version'] = 20231016;
  return [before, after];
}

function folder(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
}

function generated(result: GenerateResult) {
  if (result.upToDate) throw new Error('expected a generation');
  return result;
}

/** Generates `before` into a folder, then `after` into it and into an empty one; returns both runs and folders. */
async function updateAndCold(before: Doc, after: Doc, format: 'yaml' | 'json', edit?: (out: string) => void) {
  const work = scratchDir('update');
  const spec = join(work, `spec.${format}`);
  const write = (doc: Doc) => writeFileSync(spec, format === 'json' ? JSON.stringify(doc, null, 2) : jsyaml.dump(doc));
  const updated = join(work, 'updated');
  const cold = join(work, 'cold');
  write(before);
  const first = generated(await generate(spec, updated));
  edit?.(updated);
  write(after);
  const update = generated(await generate(spec, updated));
  const fresh = generated(await generate(spec, cold));
  return { first, update, fresh, updated: folder(updated), cold: folder(cold), work };
}

const FC: Edits = {
  get: '/v1/financial_connections/accounts/{account}',
  added: '/v1/financial_connections/aaa_copies/{copy}',
  schema: 'financial_connections.account', removed: '/v1/financial_connections/transactions/{transaction}',
};

describe('a spec update regenerates the same bytes as a cold run', () => {
  for (const format of ['yaml', 'json'] as const) {
    it(`spec/ as ${format.toUpperCase()}: operation added, schema changed, path removed`, async () => {
      const [before, after] = versions(load(PROJECT_SPEC), FC);
      const { first, update, fresh, updated, cold, work } = await updateAndCold(before, after, format);
      expect(first.reused).toBe(0);
      expect(fresh.reused).toBe(0);
      expect(Object.keys(updated)).toEqual(Object.keys(cold));
      for (const path of Object.keys(cold)) expect(updated[path], path).toBe(cold[path]);
      expect(update.warnings).toEqual(fresh.warnings);
      // The warnings come from the model and from the OpenAPI schema, with lines.
      expect(update.warnings.map((w) => w.message)).toEqual(
        expect.arrayContaining([expect.stringMatching(/'not' is not supported/), expect.stringMatching(/not valid OpenAPI/)]),
      );
      expect(update.warnings.every((w) => w.line !== undefined)).toBe(true);
      // The accounts file changes through the plan alone (its `expand` unions are now imported);
      // what did not change at all is taken from the folder.
      expect(update.reused).toBeGreaterThan(0);
      expect(update.changed).toEqual(expect.arrayContaining(['schemas.ts', 'resources/financial-connections/accounts.ts', 'manifest.json']));
      rmSync(work, { recursive: true, force: true });
    });
  }

  it('a valid spec updated with an invalid path item: the findings of a full validation, with lines', async () => {
    const before = load(PROJECT_SPEC);
    const after = structuredClone(before);
    after.paths['/v1/financial_connections/update_test_bad'] = { get: { parameters: [{ name: 'x', in: 'body' }], responses: { '200': { description: 'ok' } } } };
    const { first, update, fresh, updated, cold, work } = await updateAndCold(before, after, 'yaml');
    expect(first.warnings).toEqual([]);
    expect(update.warnings.length).toBeGreaterThan(0);
    expect(update.warnings).toEqual(fresh.warnings);
    expect(updated).toEqual(cold);
    rmSync(work, { recursive: true, force: true });
  });

  it('a file edited by hand since the last run is emitted again, not reused', async () => {
    const [before, after] = versions(load(PROJECT_SPEC), FC);
    const sessions = 'resources/financial-connections/sessions.ts';
    const { update, updated, cold, work } = await updateAndCold(before, after, 'yaml', (out) => writeFileSync(join(out, sessions), '// edited\n'));
    expect(updated[sessions]).toBe(cold[sessions]);
    expect(update.changed).toContain(sessions);
    rmSync(work, { recursive: true, force: true });
  });

  it('an emptied output folder is a cold run', async () => {
    const work = scratchDir('update-emptied');
    const out = join(work, 'out');
    expect(generated(await generate(PROJECT_SPEC, out)).reused).toBe(0);
    rmSync(out, { recursive: true });
    const again = generated(await generate(PROJECT_SPEC, out));
    expect(again.reused).toBe(0);
    rmSync(work, { recursive: true, force: true });
  });

  it.skipIf(!HAS_SHARED)('the whole Stripe spec as JSON (its types split over many files)', async () => {
    const whole = load(join(SHARED_SPECS, 'stripe-spec3-2023-08-16.yaml'));
    const [before, after] = versions(whole, {
      get: '/v1/customers/{customer}',
      added: '/v1/bench_added_things/{thing}',
      schema: 'customer',
      removed: '/v1/topups/{topup}/cancel',
    });
    const { update, fresh, updated, cold, work } = await updateAndCold(before, after, 'json');
    expect(Object.keys(updated)).toEqual(Object.keys(cold));
    for (const path of Object.keys(cold)) expect(updated[path], path).toBe(cold[path]);
    expect(update.warnings).toEqual(fresh.warnings);
    expect(update.reused).toBeGreaterThan(100);
    rmSync(work, { recursive: true, force: true });
  }, 120_000);
});

describe('regenerating a split spec', () => {
  it('regenerates when only a file the spec refers to changed, and not when nothing did', async () => {
    const work = scratchDir('update-split');
    const spec = writeSplitSpec(work, 'name');
    const out = join(work, 'out');
    generated(await generate(spec, out));
    expect((await generate(spec, out)).upToDate).toBe(true);
    writeFileSync(join(work, 'thing.yaml'), thingSchema('nickname'));
    generated(await generate(spec, out));
    expect(readFileSync(join(out, 'schemas.ts'), 'utf8')).toContain('nickname?: string;');
    expect((await generate(spec, out)).upToDate).toBe(true);
  });

  it('a kept file that was a symbolic link comes back a plain file, and what it pointed at is left alone', async () => {
    const work = scratchDir('update-symlink');
    const spec = writeSplitSpec(work, 'name');
    const out = join(work, 'out');
    generated(await generate(spec, out));
    const elsewhere = join(work, 'path-copy.ts');
    copyFileSync(join(out, 'runtime/path.ts'), elsewhere);
    rmSync(join(out, 'runtime/path.ts'));
    symlinkSync(elsewhere, join(out, 'runtime/path.ts'));
    writeFileSync(join(work, 'thing.yaml'), thingSchema('nickname'));
    generated(await generate(spec, out));
    expect(lstatSync(join(out, 'runtime/path.ts')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(out, 'runtime/path.ts'), 'utf8')).toBe(readFileSync(elsewhere, 'utf8'));
    expect(lstatSync(elsewhere).nlink).toBe(1);
  });
});
