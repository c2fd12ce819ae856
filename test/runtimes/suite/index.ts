// The runtime-agnostic behaviour suite: every behaviour run at once against the capture server,
// each outcome reported by name. Only fetch and Web APIs are used, so one bundle runs in Node, Bun,
// Deno, Chromium and workerd alike; drivers in ../drivers/ start it and read the report.
import { makeContext, type Behaviour, type VendorClients } from './context.js';
import { FAILURES } from './failures.js';
import { OPERATIONS } from './operations.js';
import { PAGINATION } from './pagination.js';
import { STREAMS } from './streams.js';
import { WEBHOOKS } from './webhooks.js';

export type { VendorClients } from './context.js';

export const BEHAVIOURS: readonly Behaviour[] = [...OPERATIONS, ...STREAMS, ...FAILURES, ...PAGINATION, ...WEBHOOKS];

export interface Outcome {
  readonly ok: boolean;
  /** Why it failed: the check's message, or the unexpected error. */
  readonly error?: string;
}

export interface SuiteReport {
  /** The runtime that ran the suite, as it names itself, e.g. `Node 22.23.3`, `Bun 1.4.4`. */
  readonly runtime: string;
  readonly outcomes: Readonly<Record<string, Outcome>>;
}

interface Globals {
  Bun?: { version: string };
  Deno?: { version: { deno: string } };
  process?: { versions?: { node?: string } };
  navigator?: { userAgent?: string };
}

/** Bun and Deno also have `process.versions.node`, so they are asked first. */
function runtimeName(): string {
  const g = globalThis as Globals;
  if (g.Bun) return `Bun ${g.Bun.version}`;
  if (g.Deno) return `Deno ${g.Deno.version.deno}`;
  const agent = g.navigator?.userAgent ?? '';
  if (agent === 'Cloudflare-Workers') return 'workerd';
  if (g.process?.versions?.node) return `Node ${g.process.versions.node}`;
  return agent;
}

export async function runSuite(server: string, vendors: VendorClients): Promise<SuiteReport> {
  const context = makeContext(server, vendors);
  const outcomes = await Promise.all(
    BEHAVIOURS.map(async ({ name, run }): Promise<[string, Outcome]> => {
      try {
        await run(context);
        return [name, { ok: true }];
      } catch (error) {
        return [name, { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }];
      }
    }),
  );
  return { runtime: runtimeName(), outcomes: Object.fromEntries(outcomes) };
}
