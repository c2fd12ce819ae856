// `npm run diff` as a team meets it: help, the exit code that --fail-on asks for, the three
// formats, clear errors for bad input, and a spec from a git revision diffed against the working copy.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../generator/diff/rules.js';
import { runCli } from '../support/cli.js';
import { scratchDir } from '../support/paths.js';
import { casePair, rulePair } from './support.js';

describe('npm run diff', () => {
  it('documents every flag in --help, and lists every rule with --rules', async () => {
    const help = await runCli('diff', ['--help']);
    expect(help.status).toBe(0);
    for (const flag of ['--include', '--format', '--fail-on', '--enum-additions', '--surface', '--rules', '<rev>:<path>']) expect(help.stdout).toContain(flag);
    const rules = await runCli('diff', ['--rules']);
    expect(rules.status).toBe(0);
    for (const rule of RULE_IDS) expect(rules.stdout).toMatch(new RegExp(`^${rule} +(breaking|warning|info) `, 'm'));
  });

  it('fails on a breaking change by default, and not with --fail-on none', async () => {
    const broken = await runCli('diff', [...rulePair('response-property-removed')]);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain('response-property-removed');
    expect(broken.stderr).toBe('');
    expect((await runCli('diff', [...rulePair('response-property-removed'), '--fail-on', 'none'])).status).toBe(0);
  });

  it('passes a warning by default, and fails on it with --fail-on warning', async () => {
    expect((await runCli('diff', [...rulePair('response-enum-value-added')])).status).toBe(0);
    expect((await runCli('diff', [...rulePair('response-enum-value-added'), '--fail-on', 'warning'])).status).toBe(1);
  });

  it('prints json on request', async () => {
    const json = await runCli('diff', [...casePair('shared-resource'), '--format', 'json']);
    expect(JSON.parse(json.stdout).summary).toEqual({ breaking: 0, warning: 1, info: 0, total: 1 });
  });

  it('diffs two Swagger 2.0 documents as it generates them: converted to OpenAPI 3.0 first', async () => {
    const run = await runCli('diff', [...casePair('swagger-2'), '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const changes = JSON.parse(run.stdout).changes.map((c: { rule: string; message: string }) => [c.rule, c.message]);
    expect(changes).toEqual([
      ['response-property-removed', 'property `tag` was removed'],
      ['operation-added', 'new operation `pets.retrieve`'],
    ]);
  });

  it('keeps colour out of a pipe even when NO_COLOR is unset', async () => {
    const env = { ...process.env };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    const run = await runCli('diff', [...rulePair('response-property-removed')], { env });
    expect(run.stdout).not.toContain('\x1b[');
  });

  it.each([
    { mistake: 'one spec', args: ['only-one.yaml'], message: 'give two specs to compare' },
    { mistake: 'three specs', args: ['a.yaml', 'b.yaml', 'c.yaml'], message: 'expected two specs, got 3' },
    { mistake: 'an unknown format', args: [...rulePair('operation-added'), '--format', 'xml'], message: "--format must be one of text, markdown, json, changelog; got 'xml'" },
    { mistake: 'an unknown severity', args: [...rulePair('operation-added'), '--fail-on', 'sometimes'], message: '--fail-on must be one of breaking, warning, any, none' },
    { mistake: 'an unknown flag', args: [...rulePair('operation-added'), '--colour'], message: 'unknown flag --colour' },
    { mistake: 'a mistyped flag', args: [...rulePair('operation-added'), '--fial-on', 'any'], message: 'unknown flag --fial-on; did you mean --fail-on?' },
    { mistake: 'a missing file', args: ['no-such-old.yaml', rulePair('operation-added')[1]], message: 'no-such-old.yaml: no such file' },
  ])('refuses $mistake with one clear message and exit 1', async ({ args, message }) => {
    const run = await runCli('diff', args);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: /);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });
});

describe('a side given as <rev>:<path>', () => {
  /** A throwaway repository whose HEAD holds the `old` spec and whose working copy the `new` one. */
  function repositoryWithUncommittedUpdate(rule: string): string {
    const dir = scratchDir('diff-git');
    const git = (...args: string[]) => {
      const run = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
    };
    const [before, after] = rulePair(rule);
    mkdirSync(join(dir, 'spec'));
    git('init', '-q');
    copyFileSync(before, join(dir, 'spec/api.yaml'));
    git('add', 'spec/api.yaml');
    git('commit', '-q', '-m', 'the old spec');
    copyFileSync(after, join(dir, 'spec/api.yaml'));
    return dir;
  }

  it('shows what an uncommitted spec update changes: HEAD:spec/api.yaml against spec/api.yaml', async () => {
    const cwd = repositoryWithUncommittedUpdate('parameter-added-required');
    const run = await runCli('diff', ['HEAD:spec/api.yaml', 'spec/api.yaml'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('old  HEAD:spec/api.yaml');
    expect(run.stdout).toContain('new required query parameter `locale`');
  });

  it('names a revision that does not exist', async () => {
    const cwd = repositoryWithUncommittedUpdate('parameter-added');
    const run = await runCli('diff', ['no-such-branch:spec/api.yaml', 'spec/api.yaml'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("error: no-such-branch:spec/api.yaml: no revision 'no-such-branch' in this repository");
  });

  it('names a path that the revision does not have, and a directory given as a spec', async () => {
    const cwd = repositoryWithUncommittedUpdate('parameter-added');
    const missing = await runCli('diff', ['HEAD:spec/other.yaml', 'spec/api.yaml'], { cwd });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("error: HEAD:spec/other.yaml: 'spec/other.yaml' does not exist in 'HEAD'");
    expect(missing.stderr).toContain('hint: the path is relative to the repository root');
    const directory = await runCli('diff', ['HEAD:spec', 'spec/api.yaml'], { cwd });
    expect(directory.status).toBe(1);
    expect(directory.stderr).toContain("'spec' is a directory in 'HEAD', not a spec file");
  });
});
