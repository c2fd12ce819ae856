// Section 1: full generation, ours vs openapi-typescript (types only) vs @hey-api/openapi-ts
// (typescript + sdk plugins), per spec. Every run writes into a directory removed just before, so
// ours never takes the no-op shortcut (that needs the out dir present with the recorded hashes);
// each of our runs must also report "wrote N files (N changed)". Tools take turns within each
// repetition so that load from elsewhere on the machine hits them alike.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  availableSpecs,
  failure,
  generatorArgs,
  mb,
  median,
  MEMORY_METHOD,
  missingSpecs,
  NODE,
  oursOutDir,
  ratio,
  ROOT,
  round,
  scratch,
  seconds,
  table,
  timeCommand,
  type BenchOptions,
  type SectionResult,
  type Spec,
} from './lib.js';

interface Tool {
  readonly name: string;
  readonly out: (spec: Spec) => string;
  readonly args: (spec: Spec, out: string) => string[];
  /** Throws unless the run produced what a full generation produces. */
  readonly verify: (out: string, stderr: string) => void;
}

const TOOLS: readonly Tool[] = [
  {
    name: 'ours',
    out: oursOutDir,
    args: (spec, out) => generatorArgs(spec, out),
    verify: (_out, stderr) => {
      const m = /wrote (\d+) files \((\d+) changed\)/.exec(stderr);
      if (!m || m[1] !== m[2] || m[1] === '0') throw new Error(`not a full generation: ${stderr.trim().split('\n').pop()}`);
    },
  },
  {
    name: 'openapi-typescript 7.13.0',
    out: (spec) => join(scratch('gen'), `openapi-typescript-${spec.key}.ts`),
    args: (spec, out) => [join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), spec.path, '-o', out],
    verify: (out) => {
      if (!existsSync(out) || statSync(out).size === 0) throw new Error(`no output at ${out}`);
    },
  },
  {
    name: '@hey-api/openapi-ts 0.99.0',
    out: (spec) => join(scratch('gen'), `hey-api-${spec.key}`),
    args: (spec, out) => [
      join(ROOT, 'node_modules/@hey-api/openapi-ts/bin/run.js'),
      ...['-i', spec.path, '-o', out, '-p', '@hey-api/typescript', '@hey-api/sdk', '--silent', '--no-log-file'],
    ],
    verify: (out) => {
      for (const f of ['types.gen.ts', 'sdk.gen.ts']) if (!existsSync(join(out, f))) throw new Error(`no ${f} in ${out}`);
    },
  },
];

/** Total bytes and file count of a file or directory tree. */
function outputSize(path: string): { bytes: number; files: number } {
  const st = statSync(path);
  if (!st.isDirectory()) return { bytes: st.size, files: 1 };
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

export async function benchGeneration({ runs, log }: BenchOptions): Promise<SectionResult> {
  const rows: (string | number)[][] = [];
  const data: Record<string, unknown>[] = [];
  for (const spec of availableSpecs()) {
    const samples = new Map<string, { ms: number[]; rss: number[]; error?: string }>(TOOLS.map((t) => [t.name, { ms: [], rss: [] }]));
    for (let i = 0; i < runs; i++) {
      for (const tool of TOOLS) {
        const s = samples.get(tool.name)!;
        if (s.error) continue;
        const out = tool.out(spec);
        rmSync(out, { recursive: true, force: true });
        const t = timeCommand(NODE, tool.args(spec, out), scratch('gen'));
        try {
          if (t.status !== 0) throw new Error(failure(tool.name, t));
          tool.verify(out, t.stderr);
        } catch (e) {
          s.error = (e as Error).message;
          log(`  ${spec.key} ${tool.name}: FAILED ${s.error}`);
          continue;
        }
        s.ms.push(t.ms);
        if (t.maxRssMb !== null) s.rss.push(t.maxRssMb);
        log(`  ${spec.key} run ${i + 1}/${runs} ${tool.name}: ${seconds(t.ms)} s, ${mb(t.maxRssMb)} MB`);
      }
    }
    const ours = samples.get('ours')!;
    const oursMs = median(ours.ms);
    const oursRss = ours.rss.length ? median(ours.rss) : null;
    for (const tool of TOOLS) {
      const s = samples.get(tool.name)!;
      const ms = median(s.ms);
      const rss = s.rss.length ? median(s.rss) : null;
      const size = s.error ? null : outputSize(tool.out(spec));
      const isOurs = tool.name === 'ours';
      rows.push([
        spec.key,
        tool.name,
        s.error ? `FAILED: ${s.error.split('\n')[0]}` : seconds(ms),
        s.error ? '' : `${seconds(Math.min(...s.ms))}–${seconds(Math.max(...s.ms))}`,
        mb(rss),
        size ? `${(size.bytes / 1024).toFixed(0)} KB / ${size.files}` : '',
        isOurs ? '' : ratio(oursMs, ms),
        isOurs ? '' : ratio(oursRss, rss),
      ]);
      data.push({
        spec: spec.key,
        tool: tool.name,
        runs: s.ms.length,
        wallMs: s.ms.map((x) => round(x, 0)),
        medianWallMs: round(ms, 0),
        peakRssMb: s.rss.map((x) => round(x, 0)),
        medianPeakRssMb: rss === null ? null : round(rss, 0),
        output: size,
        error: s.error ?? null,
      });
    }
  }
  const notes = [
    `Wall time and ${MEMORY_METHOD}; medians of ${runs} runs, tools taking turns within each run.`,
    'Each run writes into a directory deleted just before it, so ours does a full generation every time (verified: "wrote N files (N changed)").',
    'Ratios are ours/peer: below 1× means ours is faster / uses less memory. Our output is a whole client (types, functions, runtime); openapi-typescript emits types only; hey-api emits types, an SDK and its fetch client.',
    ...missingSpecs().map((s) => `Skipped ${s.label}: ${s.path} not found.`),
  ];
  const markdown = [
    table(['spec', 'tool', 'wall s (median)', 'min–max s', 'peak RSS MB', 'output size / files', 'time ours/peer', 'memory ours/peer'], rows),
    '',
    ...notes.map((n) => `- ${n}`),
  ].join('\n');
  return { title: '1. Full generation', markdown, data };
}
