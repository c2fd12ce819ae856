// Runs the suite as a script in a runtime with a command line (Node, Bun, Deno): the script prints
// the report as one JSON line on stdout.
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUITE_FILE } from '../bundle.js';
import type { SuiteReport } from '../suite/index.js';

const SCRIPT = `import { runSuite } from './${SUITE_FILE}';\nconsole.log(JSON.stringify(await runSuite(process.argv[process.argv.length - 1])));\n`;

/**
 * Far longer than the suite takes; past it the runtime is stopped and its run fails, with what it
 * printed, before the test waiting for it times out (vitest.config.ts: 60 s).
 */
export const RUN_LIMIT_MS = 45_000;

/** Runs `command ...args <script> <server>` in `dir` (where the bundle is) and reads its report. */
export function runScript(dir: string, command: string, args: readonly string[], server: string): Promise<SuiteReport> {
  const script = join(dir, 'cli.mjs');
  // Written once, before any runtime reads it (runs in one folder may start together).
  if (!existsSync(script)) writeFileSync(script, SCRIPT);
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, script, server], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const limit = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
    child.on('error', (error) => {
      clearTimeout(limit);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code ?? signal}`);
        resolve(JSON.parse(last) as SuiteReport);
      } catch (error) {
        reject(new Error(`${command} ${args.join(' ')} did not report (${(error as Error).message}):\n${stderr.slice(-2000)}${last}`));
      }
    });
  });
}
