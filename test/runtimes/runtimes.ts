// The runtimes of the matrix, each with where its binary is and how to run the suite in it.
// The Node lines are pinned in node-lines/, a package of its own (so their `node` binaries don't
// replace the project's), which also keeps the matrix the same whichever Node runs the tests.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/paths.js';
import { runChromium } from './drivers/chromium.js';
import { runScript } from './drivers/process.js';
import { runWorkerd } from './drivers/workerd.js';
import type { SuiteReport } from './suite/index.js';

export interface Runtime {
  /** Its column in the matrix. */
  readonly name: string;
  readonly binary: string;
  /** How the suite names the runtime it ran in, so a cell can't pass in the wrong one. */
  readonly identity: RegExp;
  /** Runs the bundled suite in `dir` against the capture server at `server`. */
  run(dir: string, server: string): Promise<SuiteReport>;
  /** How to get the binary when it is missing. */
  readonly install: string;
}

const NODE_LINES = join(ROOT, 'test/runtimes/node-lines');
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);

function nodeLine(line: string): Runtime {
  const major = line.replace('node-', '');
  const binary = join(NODE_LINES, 'node_modules', line, 'bin/node');
  return {
    name: `Node ${major}`,
    binary,
    identity: new RegExp(`^Node ${major}\\.`),
    install: 'npm ci --prefix test/runtimes/node-lines',
    run: (dir, server) => runScript(dir, binary, [], server),
  };
}

export function runtimes(): Runtime[] {
  return [
    ...nodeLineNames().map(nodeLine),
    { name: 'Bun', binary: bin('bun'), identity: /^Bun 1\./, install: 'npm ci (the bun package)', run: (dir, server) => runScript(dir, bin('bun'), [], server) },
    {
      name: 'Deno',
      binary: bin('deno'),
      identity: /^Deno 2\./,
      install: 'npm ci (the deno package)',
      // No config or lock file: the bundle imports nothing, and the project's package.json is not Deno's business.
      run: (dir, server) => runScript(dir, bin('deno'), ['run', '--no-config', '--no-lock', '--allow-net=127.0.0.1'], server),
    },
    { name: 'Chromium', binary: '/usr/bin/chromium', identity: /HeadlessChrome\//, install: 'apt-get install -y chromium', run: (dir, server) => runChromium(dir, '/usr/bin/chromium', server) },
    { name: 'workerd', binary: bin('workerd'), identity: /^workerd$/, install: 'npm ci (the workerd package)', run: (dir, server) => runWorkerd(dir, bin('workerd'), server) },
  ];
}

/** Installs the pinned Node lines when any is missing: about a minute, once per checkout. */
export function installNodeLines(): void {
  if (nodeLineNames().every((line) => existsSync(nodeLine(line).binary))) return;
  execFileSync('npm', ['ci', '--prefix', NODE_LINES, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
}

const nodeLineNames = () => Object.keys((JSON.parse(readFileSync(join(NODE_LINES, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies);

export const isInstalled = (runtime: Runtime) => existsSync(runtime.binary);
