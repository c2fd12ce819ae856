// The runtime matrix: one behaviour suite, bundled once, run by the generated clients in every
// runtime they claim (Node lines, Bun, Deno, headless Chromium, workerd) against one loopback
// capture server; each runtime × behaviour is its own test. The Node lines are installed here when
// missing (the README's two commands then run every cell); another runtime whose binary is missing
// is skipped locally, saying what to install, and fails in CI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCaptureServer, type CaptureServer } from '../support/capture-server.js';
import { ROOT, scratchDir } from '../support/paths.js';
import { scriptedSessions } from '../support/scripted-sessions.js';
import { buildSuite } from './bundle.js';
import { installNodeLines, isInstalled, runtimes } from './runtimes.js';
import { BEHAVIOURS, type SuiteReport } from './suite/index.js';

installNodeLines();
const RUNTIMES = runtimes();
const reports = new Map<string, Promise<SuiteReport>>();
/** Per runtime: how it named itself and how long from the start of all runs to its report. */
const took = new Map<string, string>();
let server: CaptureServer | undefined;

beforeAll(async () => {
  server = await startCaptureServer({ cors: true });
  server.reply = scriptedSessions();
  const dir = scratchDir('runtimes');
  await buildSuite(dir);
  // All at once: a run mostly waits (backoffs, timeouts), so the matrix takes about as long as its slowest runtime.
  const started = performance.now();
  for (const runtime of RUNTIMES.filter(isInstalled)) {
    const report = runtime.run(dir, server.baseUrl);
    report.then((r) => took.set(runtime.name, `${r.runtime} ${((performance.now() - started) / 1000).toFixed(1)} s`)).catch(() => undefined); // awaited by the runtime's tests
    reports.set(runtime.name, report);
  }
});
afterAll(async () => {
  await server?.close();
  console.log(`runtime matrix, start to report:\n${[...took.values()].join('\n')}`);
});

describe.each(RUNTIMES)('$name', (runtime) => {
  if (!isInstalled(runtime)) {
    const why = `${runtime.binary} is missing (${runtime.install})`;
    if (process.env.CI) it('is installed', () => expect.fail(why));
    else it.skip(`skipped: ${why}`);
    return;
  }
  const report = () => reports.get(runtime.name)!;

  it('runs the suite as itself', async () => {
    expect((await report()).runtime).toMatch(runtime.identity);
  });

  it.each(BEHAVIOURS.map((b) => b.name))('%s', async (name) => {
    const outcome = (await report()).outcomes[name];
    expect(outcome, 'the behaviour did not run').toBeDefined();
    expect(outcome?.error).toBeUndefined();
    expect(outcome?.ok).toBe(true);
  });
});

describe("the README's runtime table", () => {
  it('has a ✓ for every runtime × behaviour tested here, and nothing else', () => {
    const section = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n## Where it runs\n')[1] ?? '';
    const rows = section.split('\n\n').find((block) => block.startsWith('| behaviour |'))?.split('\n') ?? [];
    const cells = rows.map((row) => row.split('|').slice(1, -1).map((cell) => cell.trim()));
    expect(cells[0]).toEqual(['behaviour', ...RUNTIMES.map((r) => r.name)]);
    expect(cells.slice(2)).toEqual(BEHAVIOURS.map((b) => [b.name, ...RUNTIMES.map(() => '✓')]));
  });
});
