// The command line as users of openapi-typescript, orval and hey-api expect it: `--version`/`-v`,
// `-i/--input` and `-o/--output` beside `--spec`/`--out`, the spec as the first argument, usage
// lines naming the installed bin, hints naming what the user actually gave (a config key rather
// than a flag nobody typed), and `--check` saying one line per client unless asked for more.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { fixture, ROOT, scratchDir } from '../support/paths.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const SPEC = fixture('generator/fixtures/path-params/spec.yaml');

describe('the command line, as other OpenAPI tools spell it', { timeout: 120_000 }, () => {
  it('--version and -v print the version', async () => {
    for (const flag of ['--version', '-v']) {
      const run = await runCli('generate', [flag]);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${VERSION}\n`);
    }
  });

  it('takes the spec as the first argument, -o for the folder; -i/--input and --output are --spec and --out', async () => {
    const dir = scratchDir('conventions');
    const positional = await runCli('generate', [SPEC, '-o', join(dir, 'a'), '--quiet']);
    expect(positional.status, positional.stderr).toBe(0);
    const flags = await runCli('generate', ['-i', SPEC, '--output', join(dir, 'b'), '--quiet']);
    expect(flags.status, flags.stderr).toBe(0);
    const long = await runCli('generate', ['--input', SPEC, '--out', join(dir, 'c'), '--quiet']);
    expect(long.status, long.stderr).toBe(0);
    // The same client; only the header's regenerate command names the folder each was written to.
    const body = (out: string) => readFileSync(join(dir, out, 'client.ts'), 'utf8').split('\n').slice(1);
    expect(body('b')).toEqual(body('a'));
    expect(existsSync(join(dir, 'c/client.ts'))).toBe(true);
  });

  it("every file's header says the command that regenerates it: the config's bin, or the spec, folder and flags given, quoted for the shell", async () => {
    const dir = scratchDir('regenerate-command');
    copyFileSync(SPEC, join(dir, 'pets spec.yaml'));
    const header = (file: string) => readFileSync(join(dir, file), 'utf8').split('\n')[0];
    const adhoc = await runCli('generate', ['pets spec.yaml', '-o', "it's/out", '--emit', 'js', '--include', '/v1/customers/**', '--quiet'], { cwd: dir });
    expect(adhoc.status, adhoc.stderr).toBe(0);
    expect(header("it's/out/client.js")).toMatch(/regenerate with `npx openapi-client-codegen 'pets spec\.yaml' -o 'it'\\''s\/out' --include '\/v1\/customers\/\*\*' --emit js`\.$/);
    // The flags in a fixed order, however they were typed: checked with them in another order, the folder is up to date.
    expect((await runCli('generate', ['--check', '-o', "it's/out", 'pets spec.yaml', '--include', '/v1/customers/**', '--emit', 'js'], { cwd: dir })).status).toBe(0);

    writeFileSync(join(dir, 'clients.json'), JSON.stringify({ clients: [{ spec: 'pets spec.yaml', out: 'from-config' }] }));
    expect((await runCli('generate', ['--config', 'clients.json', '--quiet'], { cwd: dir })).status).toBe(0);
    expect(header('from-config/client.ts')).toMatch(/regenerate with `npx openapi-client-codegen --config clients\.json` \(clients\.json\)\.$/);
  });

  it('refuses two different specs, and a second argument, saying so', async () => {
    const twice = await runCli('generate', [SPEC, '--spec', 'other.yaml']);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain('-i, --input, --spec or the first argument: given twice');
    const extra = await runCli('generate', [SPEC, 'more.yaml']);
    expect(extra.status).toBe(1);
    expect(extra.stderr).toContain('unexpected argument: more.yaml');
  });

  it('usage lines name the installed bin, not npm scripts', async () => {
    expect((await runCli('generate', ['--help'])).stdout).toMatch(/^Usage: openapi-client-codegen \[generate\] \[<spec>\] \[options\]$/m);
    expect((await runCli('model', ['--help'])).stdout).toMatch(/^Usage: openapi-client-codegen model \[<spec>\] \[options\]$/m);
    expect((await runCli('diff', ['--help'])).stdout).toMatch(/^Usage: openapi-client-codegen diff <old-spec> <new-spec> \[options\]$/m);
    expect((await runCli('diff', ['one.yaml'])).stderr).toContain('openapi-client-codegen diff <old-spec> <new-spec>');
  });

  it('a hint names the config key the user wrote, or the flag they typed', async () => {
    const dir = scratchDir('hints');
    writeFileSync(join(dir, 'codegen.config.json'), JSON.stringify({ clients: [{ name: 'shop', spec: 'specs/shop.yaml', out: 'vendor/shop' }] }));
    const fromConfig = await runCli('generate', [], { cwd: dir });
    expect(fromConfig.status).toBe(1);
    expect(fromConfig.stderr).toContain("specs/shop.yaml: no such file");
    expect(fromConfig.stderr).toContain("check the path given to 'spec' of client shop in codegen.config.json");
    expect(fromConfig.stderr).not.toContain('--spec');

    const fromFlag = await runCli('generate', ['--input', 'specs/shop.yaml'], { cwd: dir });
    expect(fromFlag.stderr).toContain('check the path given to --input');
    const fromArgument = await runCli('generate', ['specs/shop.yaml'], { cwd: dir });
    expect(fromArgument.stderr).toContain('check the path given to the spec argument');

    mkdirSync(join(dir, 'specs'));
    copyFileSync(SPEC, join(dir, 'specs/shop.yaml'));
    writeFileSync(join(dir, 'codegen.config.json'), JSON.stringify({ clients: [{ name: 'shop', spec: 'specs/shop.yaml', out: 'vendor/shop', overlays: ['fix.yaml'] }] }));
    const overlay = await runCli('generate', [], { cwd: dir });
    expect(overlay.stderr).toContain('fix.yaml: no such file');
    expect(overlay.stderr).toContain("check the path given to 'overlays' of client shop in codegen.config.json");
    const overlayFlag = await runCli('generate', ['--overlay', 'other.yaml'], { cwd: dir });
    expect(overlayFlag.stderr).toContain('check the path given to --overlay');
  });

  it('--check prints one line per client; --verbose adds the phases', async () => {
    const dir = scratchDir('check-lines');
    mkdirSync(join(dir, 'specs'));
    copyFileSync(SPEC, join(dir, 'specs/shop.yaml'));
    copyFileSync(fixture('generator/fixtures/pagination/spec.yaml'), join(dir, 'specs/billing.yaml'));
    const clients = [
      { name: 'shop', spec: 'specs/shop.yaml', out: 'vendor/shop' },
      { name: 'billing', spec: 'specs/billing.yaml', out: 'vendor/billing' },
    ];
    writeFileSync(join(dir, 'codegen.config.json'), JSON.stringify({ clients }));
    expect((await runCli('generate', ['--quiet'], { cwd: dir })).status).toBe(0);

    const check = await runCli('generate', ['--check'], { cwd: dir });
    expect(check.status).toBe(0);
    expect(check.stdout + check.stderr).toBe('vendor/shop is up to date with specs/shop.yaml\nvendor/billing is up to date with specs/billing.yaml\n');

    // A hand edit: the check generates that client in memory again to compare.
    writeFileSync(join(dir, 'vendor/billing/client.ts'), '// edited\n');
    const stale = await runCli('generate', ['--check'], { cwd: dir });
    expect(stale.status).toBe(1);
    expect(stale.stderr).not.toMatch(/ ms$/m);
    expect(stale.stderr).toContain('vendor/billing/client.ts (edited since it was generated');
    const verbose = await runCli('generate', ['--check', '--verbose'], { cwd: dir });
    expect(verbose.stderr).toMatch(/^billing:\n {2}parse +\d+ ms$/m);
    expect(verbose.stderr).toContain('vendor/billing/client.ts (edited since it was generated');
  });
});
