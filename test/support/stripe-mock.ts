// Starts ../shared/stripe-mock (Stripe's own mock server) on free loopback ports, reading them from
// its output as its README says, and stops it again: a real Stripe server for the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';

export const STRIPE_MOCK = join(ROOT, '../shared/stripe-mock/stripe-mock');
export const HAS_STRIPE_MOCK = existsSync(STRIPE_MOCK);

export interface StripeMock {
  /** e.g. `http://127.0.0.1:41234` */
  readonly baseUrl: string;
  stop(): Promise<void>;
}

export function startStripeMock(timeoutMs = 20_000): Promise<StripeMock> {
  const child: ChildProcess = spawn(STRIPE_MOCK, ['-http-addr', '127.0.0.1:0', '-https-addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`stripe-mock did not say where it listens within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const address = /Listening for HTTP at address: (127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!address) return;
      clearTimeout(timer);
      resolve({ baseUrl: `http://${address}`, stop });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stripe-mock exited with ${code} before listening:\n${output}`));
    });
  });
}
