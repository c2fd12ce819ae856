// The one record of the last run (generator/write/last-run.ts): kept beside the manifest in the
// output folder, it lets a run with nothing to do load nothing and touch nothing, lets `--check`
// answer without generating, and tells `--watch` the other files of a split spec. A run writes
// its output folder and that record, and nothing else anywhere.
import { copyFileSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, generate, type GenerateResult } from '../../generator/generate.js';
import { listFiles, MANIFEST, RECORD } from '../../generator/write/output.js';
import { fixture, ROOT, scratchDir } from '../support/paths.js';
import { thingSchema, writeSplitSpec } from '../support/split-spec.js';

const SPEC = fixture('generator/fixtures/path-params/spec.yaml');

function generated(result: GenerateResult) {
  if (result.upToDate) throw new Error('expected a generation');
  return result;
}

/** Every entry under `dir` with its mtime, so that any write shows. */
function entries(dir: string): Record<string, number> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((p) => [p, statSync(join(dir, p)).mtimeMs]));
}

describe('the record of the last run', () => {
  it('is kept beside the manifest, is not output, and a run writes nothing else', async () => {
    const work = scratchDir('record-only');
    const out = join(work, 'client');
    const cache = join(ROOT, 'node_modules/.cache');
    const before = entries(cache);
    generated(await generate(SPEC, out));
    expect(readdirSync(work)).toEqual(['client']);
    expect(entries(cache)).toEqual(before);
    const record = JSON.parse(readFileSync(join(out, RECORD), 'utf8'));
    expect(Object.keys(record)).toEqual(['fingerprint', 'manifest', 'referenced']);
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8'));
    expect(Object.keys(manifest.files)).not.toContain(RECORD);
    expect(listFiles(out).length).toBe(Object.keys(manifest.files).length + 2);
  });

  it('skips a run whose spec, options, generator and output are as the last run left them', async () => {
    const out = join(scratchDir('noop'), 'client');
    expect((await generate(SPEC, out)).upToDate).toBe(false);
    expect((await generate(SPEC, out)).upToDate).toBe(true);
    expect((await generate(SPEC, out, { include: ['/v1/customers/{customer}/sources'] })).upToDate).toBe(false);
    writeFileSync(join(out, 'client.ts'), '// edited\n');
    const repaired = generated(await generate(SPEC, out, { include: ['/v1/customers/{customer}/sources'] }));
    expect(repaired.changed).toEqual(['client.ts']);
    expect((await generate(SPEC, out, { include: ['/v1/customers/{customer}/sources'] })).upToDate).toBe(true);
  });

  it('a record that does not fit the folder means a full run', async () => {
    const out = join(scratchDir('record-torn'), 'client');
    generated(await generate(SPEC, out));
    writeFileSync(join(out, RECORD), '{"fingerprint":');
    const again = generated(await generate(SPEC, out));
    expect(again.changed).toEqual([]);
    expect((await generate(SPEC, out)).upToDate).toBe(true);
    writeFileSync(join(out, MANIFEST), readFileSync(join(out, MANIFEST), 'utf8').replace('"strict": false', '"strict": true'));
    expect(generated(await generate(SPEC, out)).changed).toEqual([MANIFEST]);
  });

  it('--check answers from the record when it fits, and compares in full when it does not', async () => {
    const out = join(scratchDir('record-check'), 'client');
    generated(await generate(SPEC, out));
    expect(await check(SPEC, out)).toEqual({ stale: [], missing: [], extra: [], edited: [] });
    writeFileSync(join(out, 'index.ts'), '// edited\n');
    expect(await check(SPEC, out)).toEqual({ stale: ['index.ts'], missing: [], extra: [], edited: ['index.ts'] });
    rmSync(join(out, RECORD));
    writeFileSync(join(out, 'index.ts'), '// edited again\n');
    expect((await check(SPEC, out)).stale).toEqual(['index.ts']);
  });
});

describe('regenerating a split spec', () => {
  it('regenerates when only a file the spec refers to changed, and not when nothing did', async () => {
    const work = scratchDir('update-split');
    const spec = writeSplitSpec(work, 'name');
    const out = join(work, 'out');
    generated(await generate(spec, out));
    const noop = await generate(spec, out);
    expect(noop.upToDate && noop.referencedFiles).toEqual([join(work, 'thing.yaml')]);
    // Kept relative to the folder, so the record does not depend on where the checkout lives.
    expect(JSON.parse(readFileSync(join(out, RECORD), 'utf8')).referenced).toEqual({ '../thing.yaml': expect.stringMatching(/^[0-9a-f]{64}$/) });
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
