// The generate command as a user meets it: --help, phases with timings, an unchanged output left
// alone, and --check naming stale files with the reason for each.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { PROJECT_SPEC, scratchDir } from '../support/paths.js';

describe('npm run generate', () => {
  it('documents every flag in --help', async () => {
    const run = await runCli('generate', ['--help']);
    expect(run.status).toBe(0);
    for (const flag of ['--config', '--client', '--spec', '--out', '--include', '--overlay', '--resolve-from', '--prune-external', '--check', '--watch', '--quiet', '--debug', '--help']) {
      expect(run.stdout).toContain(flag);
    }
  });

  it('prints each phase with its timing, writes the client, and leaves an unchanged output alone', async () => {
    const out = join(scratchDir('cli'), 'client');
    const first = await runCli('generate', ['--spec', PROJECT_SPEC, '--out', out]);
    expect(first.status).toBe(0);
    for (const phase of ['parse', 'model', 'emit', 'write']) expect(first.stderr).toMatch(new RegExp(`${phase}\\s+\\d+ ms`));
    expect(first.stderr).toMatch(/wrote \d+ files/);
    const mtime = statSync(join(out, 'client.ts')).mtimeMs;

    const second = await runCli('generate', ['--spec', PROJECT_SPEC, '--out', out]);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/unchanged \(spec and generator as last run\)/);
    expect(statSync(join(out, 'client.ts')).mtimeMs).toBe(mtime);
  });

  it('--check passes on fresh output and names the stale file after a hand edit', async () => {
    const out = join(scratchDir('check'), 'client');
    expect((await runCli('generate', ['--spec', PROJECT_SPEC, '--out', out, '--quiet'])).status).toBe(0);
    expect((await runCli('generate', ['--spec', PROJECT_SPEC, '--out', out, '--check'])).status).toBe(0);

    const edited = join(out, 'schemas.ts');
    writeFileSync(edited, readFileSync(edited, 'utf8') + '\n// a hand edit\n');
    const stale = await runCli('generate', ['--spec', PROJECT_SPEC, '--out', out, '--check']);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain(`${out}/schemas.ts (edited since it was generated`);
    expect(stale.stderr).not.toContain('client.ts');
  });

  it('--check says why each file is listed: a deleted file is missing, a stray one is not generated; regenerating says what it removed', async () => {
    const out = join(scratchDir('check-reasons'), 'client');
    expect((await runCli('generate', ['--spec', PROJECT_SPEC, '--out', out, '--quiet'])).status).toBe(0);
    rmSync(join(out, 'runtime/sse.ts'));
    writeFileSync(join(out, 'notes.md'), 'mine');
    const stale = await runCli('generate', ['--spec', PROJECT_SPEC, '--out', out, '--check']);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain(`${out}/runtime/sse.ts (missing: deleted, or not yet generated)`);
    expect(stale.stderr).toContain(`${out}/notes.md (not generated from this spec: regenerating removes it)`);
    const regenerated = await runCli('generate', ['--spec', PROJECT_SPEC, '--out', out]);
    expect(regenerated.status).toBe(0);
    expect(regenerated.stderr).toContain(`removed ${out}/notes.md (not generated from this spec)`);
    expect(existsSync(join(out, 'runtime/sse.ts'))).toBe(true);
  });

  it('refuses to replace a directory it did not generate', async () => {
    const out = scratchDir('foreign');
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const run = await runCli('generate', ['--spec', PROJECT_SPEC, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/refusing to replace/);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('regenerates a client written under its former name, stripe-fc-codegen', async () => {
    const out = scratchDir('former-name');
    writeFileSync(join(out, 'manifest.json'), JSON.stringify({ generator: { name: 'stripe-fc-codegen', version: '0.1.0' } }));
    const run = await runCli('generate', ['--spec', PROJECT_SPEC, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).generator.name).toBe('openapi-client-codegen');
  });
});

describe('npm run model', () => {
  it('prints the intermediate model as JSON', async () => {
    const run = await runCli('model', ['--spec', PROJECT_SPEC]);
    expect(run.status).toBe(0);
    const model = JSON.parse(run.stdout);
    expect(model.apiVersion).toBe('2023-10-16');
    expect(model.operations).toHaveLength(11);
  });

  it('lists its flags with --help, and applies --include as generate does', async () => {
    const help = await runCli('model', ['--help']);
    expect(help.status).toBe(0);
    for (const flag of ['--spec', '--include', '--overlay', '--resolve-from', '--prune-external', '--config', '--client']) expect(help.stdout).toContain(flag);
    expect(help.stdout).not.toContain('--out');

    const sliced = await runCli('model', ['--spec', PROJECT_SPEC, '--include', '/v1/financial_connections/accounts/{account}']);
    expect(sliced.status, sliced.stderr).toBe(0);
    const paths = (JSON.parse(sliced.stdout) as { operations: { path: string }[] }).operations.map((o) => o.path);
    expect(new Set(paths)).toEqual(new Set(['/v1/financial_connections/accounts/{account}']));
  });

  it('refuses a flag only generate has', async () => {
    const run = await runCli('model', ['--spec', PROJECT_SPEC, '--out', 'x']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error: unknown flag --out\n');
  });
});
