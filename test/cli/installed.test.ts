// The generator as another project meets it: `npm pack` (which builds the compiled JavaScript),
// `npm install -D` of the tarball into a fresh project, and the CI recipe of docs/generator.md
// run there with the installed bin — generate from the project's config, compile the client with
// the project's own strict tsconfig, `--check` failing on a hand edit and on a stale client, and
// the diff as a pull-request comment. No tsx, no checkout: only what the tarball ships.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, ROOT, scratchDir } from '../support/paths.js';
import { STRICT_OPTIONS } from '../support/typecheck.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let project: string;
let bin: string;

const run = (command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Run => {
  const result = spawnSync(command, args, { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const codegen = (...args: string[]) => run(process.execPath, [bin, ...args]);
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=CI', '-c', 'user.email=ci@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: project, encoding: 'utf8' });

beforeAll(() => {
  const packs = scratchDir('pack');
  // npm pack runs `prepare`, which builds dist/ from generator/: the tarball holds what was just compiled.
  const packed = JSON.parse(execFileSync(NPM, ['pack', '--json', '--pack-destination', packs], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as [{ filename: string }];
  project = scratchDir('consumer');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  // Its dependencies come from the registry, through the local npm cache where it has them. A
  // TypeScript project has its own compiler; the generator does not bring one.
  const typescript = `typescript@${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['typescript']}`;
  execFileSync(NPM, ['install', '-D', join(packs, packed[0].filename), typescript, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project, stdio: 'ignore' });
  bin = join(project, 'node_modules/.bin/openapi-client-codegen');

  mkdirSync(join(project, 'specs'));
  mkdirSync(join(project, 'src'));
  copyFileSync(fixture('diff/fixtures/rules/response-property-removed/old.yaml'), join(project, 'specs/widgets.yaml'));
  writeFileSync(join(project, 'codegen.config.json'), JSON.stringify({ clients: [{ name: 'widgets', spec: 'specs/widgets.yaml', out: 'vendor/widgets' }] }, null, 2));
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: STRICT_OPTIONS, include: ['src', 'vendor'] }, null, 2));
  writeFileSync(
    join(project, 'src/main.ts'),
    "import { createClient } from '../vendor/widgets/index.js';\n\nconst api = createClient({ apiKey: 'sk_test_123' });\nexport const widget = api.widgets.retrieve('w_1');\n",
  );
}, 300_000);

// Each step runs the installed command a few times: seconds each on a busy 2-core machine.
describe('installed from the packed tarball into another project', { timeout: 240_000 }, () => {
  it('ships compiled JavaScript, templates and runtime, and nothing that needs tsx', () => {
    const installed = join(project, 'node_modules/openapi-client-codegen');
    expect(existsSync(join(installed, 'dist/generator/cli/main.js'))).toBe(true);
    expect(existsSync(join(installed, 'templates/runtime/index.ts'))).toBe(true);
    expect(existsSync(join(installed, 'generator'))).toBe(false);
    expect(existsSync(join(project, 'node_modules/tsx'))).toBe(false);
    expect(readFileSync(bin, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('generates from the project config, and the client compiles under the project\'s strict tsconfig', () => {
    const generated = codegen();
    expect(generated.status, generated.stderr).toBe(0);
    expect(generated.stderr).toMatch(/^vendor\/widgets: wrote \d+ files/m);
    const manifest = JSON.parse(readFileSync(join(project, 'vendor/widgets/manifest.json'), 'utf8'));
    expect(manifest.generator.name).toBe('openapi-client-codegen');

    const tsc = run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('CI recipe: `--check` fails on a hand-edited vendored file, naming it', () => {
    expect(codegen('--check').status).toBe(0);
    const client = join(project, 'vendor/widgets/client.ts');
    const original = readFileSync(client, 'utf8');
    writeFileSync(client, original.replace('createClient', 'createClient /* tweaked */'));
    const check = codegen('--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('vendor/widgets is stale');
    expect(check.stderr).toContain('  vendor/widgets/client.ts (edited since it was generated: its manifest hash does not match)');
    writeFileSync(client, original);
    expect(codegen('--check').status).toBe(0);
  });

  it('CI recipe: a spec update without regenerating fails `--check`; `diff … --format markdown` is the PR comment', () => {
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'vendored widgets client');
    copyFileSync(fixture('diff/fixtures/rules/response-property-removed/new.yaml'), join(project, 'specs/widgets.yaml'));

    const check = codegen('--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/^ {2}vendor\/widgets\/schemas\.ts$/m);
    expect(check.stderr).not.toContain('edited since');

    const diff = codegen('diff', 'HEAD:specs/widgets.yaml', 'specs/widgets.yaml', '--fail-on', 'breaking', '--format', 'markdown');
    expect(diff.status).toBe(1);
    expect(diff.stderr).toBe('');
    expect(diff.stdout).toMatch(/^#+ /);
    expect(diff.stdout).toContain('response-property-removed');

    expect(codegen('--quiet').status).toBe(0);
    expect(codegen('--check').status).toBe(0);
  });
});
