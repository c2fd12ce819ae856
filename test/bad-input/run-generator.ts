// Runs the real CLI in a child process, as a user would, and collects what it said.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// tsx as a loader in the one process (its `tsx` command would start a second node).
const TSX_LOADER = new URL('../../node_modules/tsx/dist/esm/index.mjs', import.meta.url).href;
const CLI = fileURLToPath(new URL('../../generator/cli/generate.ts', import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function fixture(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** `npm run generate -- <args>`, from the repository root. */
export function runGenerator(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, CLI, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** A JavaScript stack frame line (`    at foo (file.ts:1:2)`): never shown to a user without --debug. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
