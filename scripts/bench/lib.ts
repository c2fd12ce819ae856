// Shared helpers for `npm run bench`: paths, timing a child process (wall time and peak RSS),
// medians, ratios, machine description and markdown tables. Nothing here asserts on a timing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Gitignored scratch space for every output the bench produces (ours and the peers'). */
export const TMP = join(ROOT, '.bench-tmp');
export const NODE = process.execPath;
export const TSC_59 = join(ROOT, 'node_modules/typescript/bin/tsc');

export interface Spec {
  readonly key: string;
  readonly label: string;
  readonly path: string;
}

export const SPECS: readonly Spec[] = [
  { key: 'fc', label: 'spec/ (Financial Connections 2023-10-16)', path: join(ROOT, 'spec/stripe-financial-connections-2023-10-16.yaml') },
  { key: 'whole', label: 'whole Stripe spec 2023-08-16 (4 MB)', path: resolve(ROOT, '../shared/specs/stripe-spec3-2023-08-16.yaml') },
  {
    key: 'github',
    label: "GitHub's REST API (api.github.com.json from @octokit/openapi, 11 MB)",
    path: join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json'),
  },
];

export const availableSpecs = (): Spec[] => SPECS.filter((s) => existsSync(s.path));
export const missingSpecs = (): Spec[] => SPECS.filter((s) => !existsSync(s.path));

export function scratch(...parts: string[]): string {
  const dir = join(TMP, ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface Timed {
  readonly ms: number;
  /** Peak resident set size in MB as GNU time reports it (the largest single process of the tree), or null without /usr/bin/time. */
  readonly maxRssMb: number | null;
  /** User + system CPU time in ms as GNU time reports it (waited-for children included), or null without /usr/bin/time. */
  readonly cpuMs: number | null;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';
export const HAS_GNU_TIME = existsSync(GNU_TIME);
export const MEMORY_METHOD = HAS_GNU_TIME
  ? "peak RSS from `/usr/bin/time -f '%M'` (max RSS of the largest process in the tree; worker threads count, since they share the process)"
  : 'peak RSS unavailable (no /usr/bin/time)';

/** Runs a command to completion; wall time is measured around the spawn, peak RSS by GNU time. */
export function timeCommand(cmd: string, args: readonly string[], cwd = ROOT): Timed {
  const rssFile = join(scratch('time'), `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const [file, argv] = HAS_GNU_TIME ? [GNU_TIME, ['-o', rssFile, '-f', '%U %S %M', cmd, ...args]] : [cmd, [...args]];
  const start = performance.now();
  const run = spawnSync(file, argv, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  let maxRssMb: number | null = null;
  let cpuMs: number | null = null;
  if (HAS_GNU_TIME && existsSync(rssFile)) {
    const [user, system, kb] = (readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (Number.isFinite(kb)) maxRssMb = kb! / 1024;
    if (Number.isFinite(user) && Number.isFinite(system)) cpuMs = (user! + system!) * 1000;
  }
  if (run.error) throw run.error;
  return { ms, maxRssMb, cpuMs, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A failed run's message: the command's exit status and the end of what it printed. */
export function failure(what: string, t: Timed): string {
  const tail = (t.stderr + '\n' + t.stdout).trim().split('\n').slice(-8).join('\n');
  return `${what} exited ${t.status}:\n${tail}`;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

/** `ours/peer` as "0.42×"; under 1 means ours is smaller/faster for times and sizes. */
export function ratio(ours: number | null, peer: number | null): string {
  if (ours === null || peer === null || !Number.isFinite(ours) || !Number.isFinite(peer) || peer === 0) return 'n/a';
  return `${(ours / peer).toFixed(2)}×`;
}

export const seconds = (ms: number): string => (ms / 1000).toFixed(2);
export const mb = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(0));

export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function machine() {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadavg: loadavg().map((x) => round(x, 2)),
  };
}

export interface SectionResult {
  readonly title: string;
  readonly markdown: string;
  readonly data: unknown;
}

export interface BenchOptions {
  /** Timed repetitions per measurement (medians are taken over these); at least 5. */
  readonly runs: number;
  readonly log: (line: string) => void;
}

/** Where our generator writes a spec's client in the bench; the generation section leaves a fresh full run here. */
export const oursOutDir = (spec: Spec): string => join(TMP, `ours-${spec.key}`);

export const generatorArgs = (spec: Spec, out: string, quiet = false): string[] => [
  '--import',
  'tsx',
  join(ROOT, 'generator/cli/main.ts'),
  'generate',
  '--spec',
  spec.path,
  '--out',
  out,
  ...(quiet ? ['--quiet'] : []),
];

/** Makes sure our client for `spec` is in `oursOutDir(spec)` (a no-op when the last run left it there). */
export function ensureOurs(spec: Spec): string {
  const out = oursOutDir(spec);
  const t = timeCommand(NODE, generatorArgs(spec, out, true));
  if (t.status !== 0) throw new Error(failure(`generating ${spec.key} into ${out}`, t));
  return out;
}
