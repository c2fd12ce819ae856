// The generate command as a user meets it: --help, phases with timings, an unchanged output left
// alone, and --check naming stale files.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../support/cli.js';
import { PROJECT_SPEC, scratchDir } from '../support/paths.js';

describe('npm run generate', () => {
  it('documents every flag in --help', () => {
    const run = runCommand('generate', ['--help']);
    expect(run.status).toBe(0);
    for (const flag of ['--spec', '--out', '--check', '--quiet', '--debug', '--help']) expect(run.stdout).toContain(flag);
  });

  it('prints each phase with its timing, writes the client, and leaves an unchanged output alone', () => {
    const out = join(scratchDir('cli'), 'client');
    const first = runCommand('generate', ['--spec', PROJECT_SPEC, '--out', out]);
    expect(first.status).toBe(0);
    for (const phase of ['parse', 'model', 'emit', 'write']) expect(first.stderr).toMatch(new RegExp(`${phase}\\s+\\d+ ms`));
    expect(first.stderr).toMatch(/wrote \d+ files/);
    const mtime = statSync(join(out, 'client.ts')).mtimeMs;

    const second = runCommand('generate', ['--spec', PROJECT_SPEC, '--out', out]);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/unchanged/);
    expect(statSync(join(out, 'client.ts')).mtimeMs).toBe(mtime);
  });

  it('--check passes on fresh output and names the stale file after a hand edit', () => {
    const out = join(scratchDir('check'), 'client');
    expect(runCommand('generate', ['--spec', PROJECT_SPEC, '--out', out, '--quiet']).status).toBe(0);
    expect(runCommand('generate', ['--spec', PROJECT_SPEC, '--out', out, '--check']).status).toBe(0);

    const edited = join(out, 'schemas.ts');
    writeFileSync(edited, readFileSync(edited, 'utf8') + '\n// a hand edit\n');
    const stale = runCommand('generate', ['--spec', PROJECT_SPEC, '--out', out, '--check']);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('schemas.ts');
    expect(stale.stderr).not.toContain('client.ts');
  });

  it('refuses to replace a directory it did not generate', () => {
    const out = scratchDir('foreign');
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const run = runCommand('generate', ['--spec', PROJECT_SPEC, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/refusing to replace/);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('npm run model', () => {
  it('prints the intermediate model as JSON', () => {
    const run = runCommand('model', ['--spec', PROJECT_SPEC]);
    expect(run.status).toBe(0);
    const model = JSON.parse(run.stdout);
    expect(model.apiVersion).toBe('2023-10-16');
    expect(model.operations).toHaveLength(11);
  });
});
