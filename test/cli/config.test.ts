// A team keeps two vendored clients in its own repository, described once in codegen.config.json
// (or .yaml): `generate` with no flags makes both, `--check` checks both and names each stale
// file, flags override one client, and a mistake in the config is named by key, file and line.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { fixture, ROOT, scratchDir } from '../support/paths.js';

/** A project with two specs under specs/ and the config given (JSON unless named otherwise). */
function project(config: unknown, file = 'codegen.config.json'): string {
  const dir = scratchDir('config');
  mkdirSync(join(dir, 'specs'));
  copyFileSync(fixture('generator/fixtures/path-params/spec.yaml'), join(dir, 'specs/shop.yaml'));
  copyFileSync(fixture('generator/fixtures/pagination/spec.yaml'), join(dir, 'specs/billing.yaml'));
  writeFileSync(join(dir, file), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return dir;
}

const TWO_CLIENTS = {
  clients: [
    { name: 'shop', spec: 'specs/shop.yaml', out: 'vendor/shop' },
    { name: 'billing', spec: 'specs/billing.yaml', out: 'vendor/billing', include: ['/v1/**'] },
  ],
};

const manifest = (dir: string, out: string) => JSON.parse(readFileSync(join(dir, out, 'manifest.json'), 'utf8'));

describe('codegen.config.json', { timeout: 180_000 }, () => {
  it('generate with no flags makes every client; --check names each stale file of each', async () => {
    const dir = project(TWO_CLIENTS);
    const run = await runCli('generate', [], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^shop:$/m);
    expect(run.stderr).toMatch(/^vendor\/shop: wrote \d+ files/m);
    expect(run.stderr).toMatch(/^vendor\/billing: wrote \d+ files/m);
    expect(manifest(dir, 'vendor/billing').options.include).toEqual(['/v1/**']);
    expect(manifest(dir, 'vendor/shop').spec.file).toBe('shop.yaml');

    expect((await runCli('generate', ['--check'], { cwd: dir })).status).toBe(0);
    for (const out of ['vendor/shop', 'vendor/billing']) writeFileSync(join(dir, out, 'client.ts'), '// edited\n');
    const stale = await runCli('generate', ['--check'], { cwd: dir });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('vendor/shop/client.ts (edited since it was generated');
    expect(stale.stderr).toContain('vendor/billing/client.ts (edited since it was generated');
  });

  it('reads codegen.config.yaml the same way, paths relative to the config file', async () => {
    const dir = project('clients:\n  - spec: specs/shop.yaml\n    out: vendor/shop\n', 'codegen.config.yaml');
    mkdirSync(join(dir, 'elsewhere'));
    const run = await runCli('generate', ['--config', '../codegen.config.yaml', '--quiet'], { cwd: join(dir, 'elsewhere') });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(existsSync(join(dir, 'vendor/shop/client.ts'))).toBe(true);
  });

  it('flags override the settings of one client, chosen with --client when there are several; --spec alone stands apart', async () => {
    const dir = project(TWO_CLIENTS);
    const ambiguous = await runCli('generate', ['--include', '/v1/customers/**'], { cwd: dir });
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toContain('lists 2 clients; flags override the settings of one');
    expect(ambiguous.stderr).toContain('hint: add --client <name>, one of: shop, billing');

    const one = await runCli('generate', ['--client', 'billing', '--out', 'other', '--quiet'], { cwd: dir });
    expect(one.status, one.stderr).toBe(0);
    expect(manifest(dir, 'other').options.include).toEqual(['/v1/**']);
    expect(existsSync(join(dir, 'vendor'))).toBe(false);

    const standalone = await runCli('generate', ['--spec', 'specs/shop.yaml', '--out', 'solo', '--quiet'], { cwd: dir });
    expect(standalone.status, standalone.stderr).toBe(0);
    expect(manifest(dir, 'solo').options.include).toEqual([]);

    const unknown = await runCli('generate', ['--client', 'crm'], { cwd: dir });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('--client crm: ');
    expect(unknown.stderr).toContain('hint: choose one of: shop, billing');
  });

  it('one client failing does not stop the others, and the run exits 1', async () => {
    const dir = project({ clients: [{ spec: 'specs/missing.yaml', out: 'vendor/a' }, { spec: 'specs/shop.yaml', out: 'vendor/b' }] });
    const run = await runCli('generate', ['--quiet'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error: specs/missing.yaml: no such file');
    expect(existsSync(join(dir, 'vendor/a'))).toBe(false);
    expect(existsSync(join(dir, 'vendor/b/client.ts'))).toBe(true);
  });

  it('names every mistake by its key, the file, its pointer and line, and writes nothing', async () => {
    const dir = project(
      '{\n  "clients": [\n    {\n      "spec": "specs/shop.yaml",\n      "out": "vendor/shop",\n      "includes": ["/v1/**"],\n      "pruneExternal": "yes"\n    },\n    { "out": "vendor/x" }\n  ]\n}\n',
    );
    const run = await runCli('generate', [], { cwd: dir });
    expect(run.status).toBe(1);
    const config = 'codegen.config.json';
    expect(run.stderr).toContain(`error: ${config}: the config is not valid (3 problems)`);
    expect(run.stderr).toContain(`${config}:6:7 #/clients/0/includes: unknown key 'includes' (known: name, spec, out, include, overlays, resolveFrom, pruneExternal, names, paging, strict, emit)`);
    expect(run.stderr).toContain(`${config}:7:7 #/clients/0/pruneExternal: 'pruneExternal' must be true or false`);
    expect(run.stderr).toContain(`#/clients/1/spec: 'spec' must be a non-empty string`);
    expect(run.stderr).toMatch(/\nhint: see "The config file" in docs\/generator.md\n$/);
    expect(existsSync(join(dir, 'vendor'))).toBe(false);
  });

  it('without a config and without --spec, says what to do', async () => {
    const dir = scratchDir('no-config');
    const run = await runCli('generate', [], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error: no spec to generate from: no --spec, and no codegen.config.json or codegen.config.yaml or codegen.config.yml in');
  });
});

describe("this repository's own config", () => {
  it('describes spec/ → generated/ and the examples, each up to date with its spec', async () => {
    const text = readFileSync(join(ROOT, 'codegen.config.json'), 'utf8');
    // docs/generator.md shows it as it is.
    expect(readFileSync(join(ROOT, 'docs/generator.md'), 'utf8')).toContain('```json\n' + text + '```\n');
    const config = JSON.parse(text);
    expect(config.clients[0]).toEqual(expect.objectContaining({ spec: 'spec/stripe-financial-connections-2023-10-16.yaml', out: 'generated' }));
    const run = await runCli('generate', ['--check']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('generated is up to date with spec/stripe-financial-connections-2023-10-16.yaml');
    expect(run.stderr).toContain('examples/notes-split/client is up to date with examples/notes-split/openapi.yaml');
  });
});
