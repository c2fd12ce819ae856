// The generator as another project meets it: `npm pack` (which builds the compiled JavaScript),
// `npm install -D` of the tarball into a fresh project (no EBADENGINE on the Node running it), and
// the README's "In your project" steps run there with the installed bin: one config with the specs
// users bring (OpenAPI 3, Swagger 2.0, a spec split over files, one with an overlay) and a client
// emitted as JavaScript, all compiled by the project's own strict tsconfig; the command line as
// other OpenAPI tools spell it; the CI recipe of docs/generator.md (`--check` failing on a hand
// edit and on a stale client, the diff as a pull-request comment). No tsx, no checkout: only what
// the tarball ships.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, ROOT, scratchDir } from '../support/paths.js';
import { writeSplitSpec } from '../support/split-spec.js';
import { STRICT_OPTIONS } from '../support/typecheck.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let project: string;
let bin: string;
let installOutput: string;

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const run = (command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Run => {
  const result = spawnSync(command, args, { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};
const codegen = (...args: string[]) => run(process.execPath, [bin, ...args]);
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=CI', '-c', 'user.email=ci@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: project, encoding: 'utf8' });

/** The clients a user's config lists: every kind of spec the generator reads, and one emitted as JavaScript. */
const CLIENTS = [
  { name: 'widgets', spec: 'specs/widgets.yaml', out: 'vendor/widgets' },
  { name: 'pets', spec: 'specs/pets-swagger2.yaml', out: 'vendor/pets' },
  { name: 'things', spec: 'specs/split/api.yaml', out: 'vendor/things' },
  { name: 'cats', spec: 'specs/tagged.yaml', out: 'vendor/cats', overlays: ['specs/local-names.overlay.yaml'] },
  { name: 'orders', spec: 'specs/orders.yaml', out: 'vendor/orders', emit: 'js' },
];

/** The project's code, using each client as a new user would; it compiles only if the types are there and right. */
const MAIN = `import { createClient } from '../vendor/widgets/index.js';
import { createClient as createPets } from '../vendor/pets/index.js';
import { createClient as createThings } from '../vendor/things/index.js';
import { createClient as createCats } from '../vendor/cats/index.js';
import { createClient as createOrders } from '../vendor/orders/index.js';

const api = createClient();
export const widget = api.widgets.retrieve('w_1');
export const pets = createPets().pets.list();
export const name: Promise<string | undefined> = createThings().things.retrieve('t_1').then((thing) => thing.name);
export const cats = createCats().felines.all();
export const order = createOrders().widgets.retrieve('w_2');
// @ts-expect-error: the JavaScript client's declarations hold its types
export const wrong = createOrders().widgets.retrieve(42);
`;

beforeAll(() => {
  const packs = scratchDir('pack');
  // npm pack runs `prepack`, which builds dist/ from generator/: the tarball holds what was just compiled.
  const packed = JSON.parse(execFileSync(NPM, ['pack', '--json', '--pack-destination', packs], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as [{ filename: string }];
  project = scratchDir('consumer');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  writeFileSync(join(project, '.gitignore'), 'node_modules/\n');
  // Its dependencies come from the registry, through the local npm cache where it has them. A
  // TypeScript project has its own compiler; the generator does not bring one.
  const typescript = `typescript@${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['typescript']}`;
  const install = spawnSync(NPM, ['install', '-D', join(packs, packed[0].filename), typescript, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: project, encoding: 'utf8' });
  installOutput = `${install.stdout}${install.stderr}`;
  if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${installOutput}`);
  bin = join(project, 'node_modules/.bin/openapi-client-codegen');

  mkdirSync(join(project, 'specs/split'), { recursive: true });
  mkdirSync(join(project, 'src'));
  copyFileSync(fixture('diff/fixtures/rules/response-property-removed/old.yaml'), join(project, 'specs/widgets.yaml'));
  copyFileSync(fixture('diff/fixtures/rules/response-property-removed/old.yaml'), join(project, 'specs/orders.yaml'));
  copyFileSync(fixture('bad-input/fixtures/swagger-2.yaml'), join(project, 'specs/pets-swagger2.yaml'));
  writeSplitSpec(join(project, 'specs/split'), 'name');
  copyFileSync(fixture('slices/fixtures/tagged.yaml'), join(project, 'specs/tagged.yaml'));
  copyFileSync(fixture('slices/fixtures/rename.overlay.yaml'), join(project, 'specs/local-names.overlay.yaml'));
  writeFileSync(join(project, 'codegen.config.json'), JSON.stringify({ clients: CLIENTS }, null, 2));
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: STRICT_OPTIONS, include: ['src', 'vendor'] }, null, 2));
  writeFileSync(join(project, 'src/main.ts'), MAIN);
  // The package's own API, typed: compiled with the rest.
  writeFileSync(
    join(project, 'src/regenerate.ts'),
    "import { generate, type GenerateOptions } from 'openapi-client-codegen';\n\nconst options: GenerateOptions = { emit: 'js', include: ['/widgets/**'] };\nexport const regenerate = (): Promise<unknown> => generate('specs/orders.yaml', 'vendor/orders', options);\n",
  );
}, 300_000);

// Each step runs the installed command a few times: seconds each on a busy 2-core machine.
describe('installed from the packed tarball into another project', { timeout: 240_000 }, () => {
  it('installs with no EBADENGINE on this Node and no install script for npm to ask about, ships compiled JavaScript, templates and runtime, and nothing that needs tsx', () => {
    expect(installOutput).not.toContain('EBADENGINE');
    expect(installOutput).not.toContain('install-scripts');
    const installed = join(project, 'node_modules/openapi-client-codegen');
    const scripts = Object.keys((JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { scripts?: object }).scripts ?? {});
    expect(scripts.filter((s) => /^(pre|post)?(install|prepare)$/.test(s))).toEqual([]);
    expect(existsSync(join(installed, 'dist/generator/cli/main.js'))).toBe(true);
    expect(existsSync(join(installed, 'templates/runtime/index.ts'))).toBe(true);
    expect(existsSync(join(installed, 'generator'))).toBe(false);
    expect(existsSync(join(project, 'node_modules/tsx'))).toBe(false);
    expect(readFileSync(bin, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('generates every client of the project config (OpenAPI 3, Swagger 2.0, a split spec, an overlay, JavaScript), and all compile under the project\'s strict tsconfig', () => {
    const generated = codegen();
    expect(generated.status, generated.stderr).toBe(0);
    for (const { out } of CLIENTS) expect(generated.stderr).toMatch(new RegExp(`^${out}: wrote \\d+ files`, 'm'));
    const manifest = JSON.parse(readFileSync(join(project, 'vendor/widgets/manifest.json'), 'utf8'));
    expect(manifest.generator).toEqual({ name: 'openapi-client-codegen', version: VERSION });
    expect(readFileSync(join(project, 'vendor/widgets/client.ts'), 'utf8').split('\n')[0]).toMatch(/Do not edit: regenerate with `npx openapi-client-codegen` \(codegen\.config\.json\)\.$/);
    expect(existsSync(join(project, 'vendor/orders/client.ts'))).toBe(false);
    expect(existsSync(join(project, 'vendor/orders/client.d.ts'))).toBe(true);

    const tsc = run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('the JavaScript client runs in Node as it is, with no compiler', () => {
    const script = "import { createClient, ApiError } from './vendor/orders/index.js'; const c = createClient(); console.log(typeof c.widgets.retrieve, typeof ApiError);";
    const node = run(process.execPath, ['--input-type=module', '-e', script]);
    expect(node.stderr).toBe('');
    expect(node.stdout).toBe('function function\n');
  });

  it('speaks as other OpenAPI tools do: --version, the spec as an argument, -o; --check one line per client', () => {
    expect(codegen('--version').stdout).toBe(`${VERSION}\n`);
    expect(codegen('-v').stdout).toBe(`${VERSION}\n`);
    const adhoc = codegen('specs/pets-swagger2.yaml', '-o', 'adhoc', '--quiet');
    expect(adhoc.status, adhoc.stderr).toBe(0);
    // The same client as the config's, whose header says how it was given: the spec and folder, not a config it never read.
    const [adhocHeader, ...adhocBody] = readFileSync(join(project, 'adhoc/client.ts'), 'utf8').split('\n');
    expect(adhocBody).toEqual(readFileSync(join(project, 'vendor/pets/client.ts'), 'utf8').split('\n').slice(1));
    expect(adhocHeader).toMatch(/Do not edit: regenerate with `npx openapi-client-codegen specs\/pets-swagger2\.yaml -o adhoc`\.$/);
    expect(codegen('specs/pets-swagger2.yaml', '-o', 'adhoc', '--check').status).toBe(0);
    expect(codegen('--help').stdout).toMatch(/^Usage: openapi-client-codegen \[generate\] \[<spec>\] \[options\]$/m);

    const check = codegen('--check');
    expect(check.status).toBe(0);
    expect((check.stdout + check.stderr).trim().split('\n')).toEqual(CLIENTS.map((c) => `${c.out} is up to date with ${c.spec}`));
  });

  it('the generator is also a library: import { generate } from the package (its types compiled with src/)', () => {
    const node = run(process.execPath, ['--input-type=module', '-e', "import { generate, check } from 'openapi-client-codegen'; console.log(typeof generate, typeof check);"]);
    expect(node.stderr).toBe('');
    expect(node.stdout).toBe('function function\n');
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
