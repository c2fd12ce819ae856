// Formats every generated file. A small output is formatted in this thread; a large one (the
// whole Stripe API is ~70,000 lines) is shared out to one worker thread per core, since prettier
// is by far the slowest phase.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GeneratedFile } from '../emit/emit-files.js';
import { formatText, PRETTIER_OPTIONS } from './text.js';

const PARALLEL_ABOVE_BYTES = 1_000_000;

export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  const pending = files.filter((f) => !f.formatted);
  const bytes = pending.reduce((sum, f) => sum + f.contents.length, 0);
  const workers = Math.min(availableParallelism(), 4);
  const texts =
    bytes > PARALLEL_ABOVE_BYTES && workers > 1
      ? await formatInWorkers(pending.map((f) => f.contents), workers)
      : await Promise.all(pending.map((f) => formatText(f.contents)));
  const formatted = new Map(pending.map((f, i) => [f.path, texts[i]!]));
  return files.map((f) => ({ path: f.path, contents: formatted.get(f.path) ?? f.contents }));
}

/** Deals files to workers largest first, so each gets a similar share of the work. */
async function formatInWorkers(texts: readonly string[], count: number): Promise<string[]> {
  const order = texts.map((_, i) => i).sort((a, b) => texts[b]!.length - texts[a]!.length);
  const shares: number[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  for (const i of order) {
    const least = load.indexOf(Math.min(...load));
    shares[least]!.push(i);
    load[least]! += texts[i]!.length;
  }
  const results = new Array<string>(texts.length);
  await Promise.all(
    shares.map(async (share) => {
      const formatted = await runWorker(share.map((i) => texts[i]!));
      share.forEach((i, k) => (results[i] = formatted[k]!));
    }),
  );
  return results;
}

function runWorker(texts: string[]): Promise<string[]> {
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { options: PRETTIER_OPTIONS } });
  return new Promise<string[]>((resolve, reject) => {
    worker.once('message', (reply: { texts?: string[]; error?: string }) => {
      void worker.terminate();
      if (reply.texts) resolve(reply.texts);
      else reject(new Error(`formatting failed: ${reply.error ?? 'unknown error'}`));
    });
    worker.once('error', reject);
    worker.postMessage(texts);
  });
}
