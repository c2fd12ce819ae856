// Runs the project's commands as a user would: `npm run generate|model|diff -- <args>`, that is
// the CLI's one entry point through tsx (as a loader in the one process: tsx's own command would
// start a second node), capturing output, exit code and signal.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './paths.js';

export type Command = 'generate' | 'model' | 'diff';

export interface CliRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Default: the repository's root. */
  readonly cwd?: string;
  /** Default: this process's environment with NO_COLOR set. */
  readonly env?: NodeJS.ProcessEnv;
  readonly stdio?: StdioOptions;
}

const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/esm/index.mjs')).href;
const MAIN = join(ROOT, 'generator/cli/main.ts');

/** The command line that runs the command: node, then its arguments (for wrapping it, in a terminal say). */
export function cliCommandLine(command: Command, args: readonly string[]): [string, ...string[]] {
  return [process.execPath, '--import', TSX_LOADER, MAIN, command, ...args];
}

/** Starts the command and hands back the child, for tests that signal or kill it. */
export function startCli(command: Command, args: readonly string[], options: CliOptions = {}): ChildProcess {
  const [node, ...rest] = cliCommandLine(command, args);
  return spawn(node, rest, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? { ...process.env, NO_COLOR: '1' },
    stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the command to its end. */
export function runCli(command: Command, args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return finished(startCli(command, args, options));
}

/** What a started command said, once it has ended. */
export function finished(child: ChildProcess): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

/** A JavaScript stack frame line (`    at foo (file.ts:1:2)`): never shown to a user without --debug. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
