// Section 2: regenerating from an unchanged spec. The CLI must say "unchanged" and leave every
// file (and the directory) with its mtime; the wall time is set against bare process + tsx startup.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  availableSpecs,
  ensureOurs,
  failure,
  generatorArgs,
  median,
  NODE,
  round,
  table,
  timeCommand,
  type BenchOptions,
  type SectionResult,
} from './lib.js';

const TARGET_MS = 500;

/** Every entry's mtime (ns) under `dir`, the directory itself included. */
function mtimes(dir: string): Map<string, bigint> {
  const map = new Map<string, bigint>([['.', statSync(dir, { bigint: true }).mtimeNs]]);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    map.set(path.slice(dir.length + 1), statSync(path, { bigint: true }).mtimeNs);
  }
  return map;
}

function sameMtimes(before: Map<string, bigint>, after: Map<string, bigint>): string | null {
  if (before.size !== after.size) return `${before.size} entries before, ${after.size} after`;
  for (const [path, ns] of before) if (after.get(path) !== ns) return `${path} changed (mtime or presence)`;
  return null;
}

export async function benchNoop({ runs, log }: BenchOptions): Promise<SectionResult> {
  const startup = { tsx: [] as number[], node: [] as number[] };
  for (let i = 0; i < runs; i++) {
    startup.tsx.push(timeCommand(NODE, ['--import', 'tsx', '-e', '0']).ms);
    startup.node.push(timeCommand(NODE, ['-e', '0']).ms);
  }
  const tsxMs = median(startup.tsx);
  const nodeMs = median(startup.node);
  const rows: (string | number)[][] = [];
  const data: Record<string, unknown>[] = [];
  for (const spec of availableSpecs()) {
    const ms: number[] = [];
    let error: string | null = null;
    for (let attempt = 1; attempt <= 2 && ms.length === 0; attempt++) {
      const out = ensureOurs(spec);
      const before = mtimes(out);
      for (let i = 0; i < runs; i++) {
        const t = timeCommand(NODE, generatorArgs(spec, out));
        error = t.status !== 0 ? failure('no-op regeneration', t) : /: unchanged \(spec and generator/.test(t.stderr) ? null : `did a full run: ${t.stderr.trim().split('\n').pop()}`;
        if (error) break;
        ms.push(t.ms);
      }
      error ??= sameMtimes(before, mtimes(out));
      if (error) {
        log(`  ${spec.key} no-op attempt ${attempt}: ${error}`); // e.g. a peer edited generator/ meanwhile
        ms.length = 0;
      }
    }
    const m = median(ms);
    log(`  ${spec.key} no-op: ${error ?? `${m.toFixed(0)} ms (startup ${tsxMs.toFixed(0)} ms)`}`);
    rows.push([
      spec.key,
      error ? `FAILED: ${error.split('\n')[0]}` : m.toFixed(0),
      tsxMs.toFixed(0),
      nodeMs.toFixed(0),
      error ? '' : (m - tsxMs).toFixed(0),
      error ? '' : m < TARGET_MS ? 'yes' : 'no',
      error ? '' : 'yes',
    ]);
    data.push({ spec: spec.key, wallMs: ms.map((x) => round(x, 1)), medianWallMs: round(m, 1), mtimesUnchanged: error === null, error });
  }
  const markdown = [
    table(['spec', 'no-op CLI ms (median)', '`node --import tsx -e 0` ms', '`node -e 0` ms', 'CLI beyond tsx startup ms', `< ${TARGET_MS} ms`, 'mtimes unchanged'], rows),
    '',
    `- Medians of ${runs} runs of \`node --import tsx generator/cli/main.ts generate --spec X --out <dir>\` on an up-to-date output; each must print "unchanged", and every file's and the directory's mtime is compared before and after.`,
  ].join('\n');
  return {
    title: '2. No-op regeneration',
    markdown,
    data: { startup: { tsxMs: startup.tsx.map((x) => round(x, 1)), nodeMs: startup.node.map((x) => round(x, 1)), medianTsxMs: round(tsxMs, 1), medianNodeMs: round(nodeMs, 1) }, specs: data },
  };
}
