// `generate --watch` while someone edits: each save of the spec, of an overlay or of the config
// regenerates; a broken save prints its error and leaves the last good client in place; Ctrl-C
// (SIGINT) ends it cleanly. Real files, real edits, the real CLI in a child process.
import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finished, startCli, type CliRun } from '../support/cli.js';
import { fixture, scratchDir } from '../support/paths.js';
import { thingSchema, writeSplitSpec } from '../support/split-spec.js';

const OPERATION = "$.paths['/v1/customers/{customer}/sources'].get";
const overlay = (note: string) => `overlay: 1.0.0\ninfo: { title: Notes, version: '1' }\nactions:\n  - target: ${OPERATION}\n    update:\n      description: ${note}\n`;

let dir: string;
let stderr = '';
let child: ReturnType<typeof startCli>;
let ended: Promise<CliRun>;

/** Waits until the watcher has said `pattern` `count` times in all (it is a log, so counts only grow). */
async function said(pattern: RegExp, count: number, log: () => string = () => stderr): Promise<void> {
  const global = new RegExp(pattern.source, 'g');
  for (let waited = 0; (log().match(global)?.length ?? 0) < count; waited += 50) {
    if (waited > 150_000) throw new Error(`waited for ${count} × ${pattern} in:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Saves as editors do: a new file renamed over the old one. */
function save(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

const resource = () => readFileSync(join(dir, 'vendor/shop/resources/customers.ts'), 'utf8');

beforeAll(async () => {
  dir = scratchDir('watch');
  copyFileSync(fixture('generator/fixtures/path-params/spec.yaml'), join(dir, 'shop.yaml'));
  writeFileSync(join(dir, 'notes.overlay.yaml'), overlay('Lists the sources, first note.'));
  writeFileSync(join(dir, 'codegen.config.json'), JSON.stringify({ clients: [{ spec: 'shop.yaml', out: 'vendor/shop', overlays: ['notes.overlay.yaml'] }] }));
  child = startCli('generate', ['--watch'], { cwd: dir });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  ended = finished(child);
  await said(/watching 3 files/, 1);
}, 180_000);

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('generate --watch', { timeout: 180_000 }, () => {
  it('generates at the start, then on every save of the overlay or the spec', async () => {
    expect(stderr).toMatch(/vendor\/shop: wrote \d+ files/);
    expect(resource()).toContain('first note');

    save(join(dir, 'notes.overlay.yaml'), overlay('Lists the sources, second note.'));
    await said(/watching 3 files/, 2);
    expect(resource()).toContain('second note');

    const spec = readFileSync(join(dir, 'shop.yaml'), 'utf8');
    save(join(dir, 'shop.yaml'), spec.replace('/v1/customers/{customer}/sources/{source-id}:', '/v1/customers/{customer}/cards/{card-id}:'));
    await said(/watching 3 files/, 3);
    expect(resource()).toContain('cards');
  });

  it('a broken save prints the error and keeps the last good output; the next good save recovers', async () => {
    const before = resource();
    const spec = readFileSync(join(dir, 'shop.yaml'), 'utf8');
    save(join(dir, 'shop.yaml'), 'openapi: 3.0.0\npaths: { [\n');
    await said(/error: shop\.yaml: malformed YAML/, 1);
    await said(/watching 3 files/, 4);
    expect(resource()).toBe(before);
    expect(child.exitCode).toBeNull();

    save(join(dir, 'shop.yaml'), spec.replace('/cards/{card-id}:', '/wallets/{wallet-id}:'));
    await said(/watching 3 files/, 5);
    expect(resource()).toContain('wallets');
    expect(stderr.match(/^error: /gm)).toHaveLength(1);
  });

  it('a changed config is read again: a new option applies at once', async () => {
    save(join(dir, 'codegen.config.json'), JSON.stringify({ clients: [{ spec: 'shop.yaml', out: 'vendor/shop', overlays: ['notes.overlay.yaml'], include: ['/v1/customers/{customer}/sources'] }] }));
    await said(/watching 3 files/, 6);
    const manifest = JSON.parse(readFileSync(join(dir, 'vendor/shop/manifest.json'), 'utf8'));
    expect(manifest.options.include).toEqual(['/v1/customers/{customer}/sources']);
  });

  it('Ctrl-C (SIGINT) stops it cleanly with exit code 0', async () => {
    child.kill('SIGINT');
    const run = await ended;
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.stderr).not.toMatch(/internal error/);
  });
});

describe('generate --watch on a split spec', { timeout: 180_000 }, () => {
  it('regenerates when a file the spec refers to is saved', async () => {
    const split = scratchDir('watch-split');
    writeSplitSpec(split, 'name');
    let log = '';
    const watcher = startCli('generate', ['--watch', '--spec', 'api.yaml', '--out', 'out'], { cwd: split });
    watcher.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const done = finished(watcher);
    try {
      await said(/watching 2 files/, 1, () => log);
      save(join(split, 'thing.yaml'), thingSchema('nickname'));
      await said(/watching 2 files/, 2, () => log);
      expect(readFileSync(join(split, 'out/schemas.ts'), 'utf8')).toContain('nickname?: string;');
    } finally {
      watcher.kill('SIGINT');
      await done;
    }
  });
});
