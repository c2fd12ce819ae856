// Starts Stoplight's Prism (`prism mock <spec>`, a devDependency) on a free loopback port, reading
// where it listens from its output, and stops it again: a server that validates every request
// against the spec and answers from it. Not `--errors`: that flag only turns an answer Prism built
// against the spec (an example missing required fields) into a 500 nobody can compare; without it
// Prism sends the answer and names its faults in `sl-violations`. A faulty request is refused
// (422) either way.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PRISM = join(dirname(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json')), 'dist/index.js');

export interface Prism {
  /** e.g. `http://127.0.0.1:41234` */
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/** What Prism said went wrong, without the usage text it prints after it. */
const reasonIn = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s*(-|Usage|Options|Commands|Positionals|prism )/.test(line) && !/\[(boolean|string|number|required)\]/.test(line))
    .join(' ')
    .slice(0, 600);

/** Starts Prism on `spec`; rejects with its output when it exits or stays silent for `timeoutMs`. */
export function startPrism(spec: string, timeoutMs = 120_000): Promise<Prism> {
  // Port 0: the system picks a free one, and Prism says which.
  const child = spawn(process.execPath, [PRISM, 'mock', spec, '--host', '127.0.0.1', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    let listening = false;
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`Prism did not say where it listens within ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      if (listening) return;
      output += chunk.toString('utf8');
      const address = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!address) return;
      listening = true;
      clearTimeout(timer);
      resolve({ baseUrl: address, stop });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!listening) reject(new Error(`Prism exited with ${code} before listening: ${reasonIn(output)}`));
    });
  });
}
