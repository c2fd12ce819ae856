// The user's story: a generation dies halfway (killed, out of disk, a bug in the last step) and
// my generated client is exactly as it was before, byte for byte; the next run cleans up after
// the dead one and works. Verified by hashing the output directory after every interruption.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../generator/emit/emit-files.js';
import { generateFiles } from '../../generator/generate.js';
import { GENERATOR_NAME } from '../../generator/version.js';
import { listFiles, listOutput, recoverInterruptedSwap, writeOutput } from '../../generator/write/output.js';
import { runCli, startCli } from '../support/cli.js';
import { fixture as testFile, ROOT, scratchDir } from '../support/paths.js';

const fixture = (name: string) => testFile('bad-input/fixtures', name);

const OLD_SPEC = join(ROOT, 'spec/stripe-financial-connections-2023-10-16.yaml');
const NEW_SPEC = fileURLToPath(new URL('../hostile/fixtures/cycles.yaml', import.meta.url));
const DEAD_PID = 99_999_999; // above Linux's largest pid, so never a running process

const scratch = scratchDir('interrupted');

let oldFiles: GeneratedFile[];
let newFiles: GeneratedFile[];
let oldHash: string;
let newHash: string;

beforeAll(async () => {
  oldFiles = [...(await generateFiles(OLD_SPEC)).files];
  oldHash = hashOfFiles(oldFiles);
  // The CLI runs in the output's parent, as `--spec <NEW_SPEC> --out out`, so every file's header
  // names that command, the same in every case.
  newFiles = [...(await generateFiles(NEW_SPEC, { regenerate: `\`npx ${GENERATOR_NAME} ${NEW_SPEC} -o out\`` })).files];
  newHash = hashOfFiles(newFiles);
  expect(newHash).not.toBe(oldHash);
}, 60_000);

/** A fresh parent directory holding `out`, generated from the old spec. */
function previousOutput(): { parent: string; out: string } {
  const parent = mkdtempSync(join(scratch, 'case-'));
  const out = join(parent, 'out');
  writeOutput(out, oldFiles, GENERATOR_NAME);
  expect(hashOfDir(out)).toBe(oldHash);
  return { parent, out };
}

describe('a generation killed with SIGKILL', () => {
  // Kills at random moments mostly land before anything is written; the others are aimed at the
  // only moments the output directory is touched: as the new tree appears beside it, halfway
  // through writing it, and as the old tree is set aside for the swap.
  const random = seededRandom(20231016);
  const kills: { when: string; killAt: (parent: string, pid: number) => Promise<void> }[] = [
    ...Array.from({ length: 3 }, () => {
      const delayMs = Math.floor(random() * 2500);
      return { when: `at a random moment (+${delayMs} ms)`, killAt: () => sleep(delayMs) };
    }),
    {
      when: 'as the new tree appears',
      killAt: async (parent, pid) => pollUntil(pid, () => existsSync(join(parent, `.out.tmp-${pid}`))),
    },
    {
      when: 'halfway through writing it',
      killAt: async (parent, pid) => pollUntil(pid, () => countFiles(join(parent, `.out.tmp-${pid}`)) >= 3),
    },
    {
      when: 'as the old tree is set aside',
      killAt: async (parent, pid) => {
        // Stop, too, once the new tree has been renamed into place: the old one may be gone already.
        let sawNewTree = false;
        pollUntil(pid, () => {
          const building = existsSync(join(parent, `.out.tmp-${pid}`));
          sawNewTree ||= building;
          return existsSync(join(parent, `.out.old-${pid}`)) || (sawNewTree && !building);
        });
      },
    },
  ];

  it.each(kills)(
    '$when leaves the previous output or the complete new one, never a mix',
    async ({ killAt }) => {
      const { parent, out } = previousOutput();
      const child = startCli('generate', ['--spec', NEW_SPEC, '--out', 'out', '--quiet'], { stdio: 'ignore', cwd: parent });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await killAt(parent, child.pid!);
      child.kill('SIGKILL');
      await exited;

      if (existsSync(out)) {
        expect([oldHash, newHash]).toContain(hashOfDir(out));
      } else {
        // Killed between the two renames: the old tree waits, whole, beside it.
        expect(hashOfDir(join(parent, `.out.old-${child.pid}`))).toBe(oldHash);
      }
      // The next run's first step restores and tidies up: only `out` is left, old or new.
      recoverInterruptedSwap(out);
      expect(readdirSync(parent)).toEqual(['out']);
      expect([oldHash, newHash]).toContain(hashOfDir(out));
    },
    30_000,
  );

  it("does not break the next run: the dead run's leftovers are cleared and the new output written", async () => {
    const { parent, out } = previousOutput();
    // What a kill between the two renames leaves: no `out`, the old tree set aside, a new tree built.
    renameSync(out, join(parent, `.out.old-${DEAD_PID}`));
    mkdirSync(join(parent, `.out.tmp-${DEAD_PID}`, 'resources'), { recursive: true });
    writeFileSync(join(parent, `.out.tmp-${DEAD_PID}`, 'resources', 'half-written.ts'), 'export const x =');
    const run = await runCli('generate', ['--spec', NEW_SPEC, '--out', 'out', '--quiet'], { cwd: parent });
    expect(run.status, run.stderr).toBe(0);
    expect(hashOfDir(out)).toBe(newHash);
    expect(readdirSync(parent)).toEqual(['out']);
  }, 30_000);
});

describe('a generation failing late', () => {
  it('while writing the new tree (a path it cannot create): the previous output is untouched, no temp tree left', () => {
    const { parent, out } = previousOutput();
    // `client.ts` is a file, so `client.ts/extra.ts` fails after other files were written.
    const failing = [
      ...oldFiles.slice(0, 5).map((f) => ({ ...f, contents: `${f.contents}// changed\n` })),
      { path: 'client.ts/extra.ts', contents: '' },
    ];
    expect(() => writeOutput(out, failing, GENERATOR_NAME)).toThrow();
    expect(hashOfDir(out)).toBe(oldHash);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('on a spec error: the CLI exits 1 and the previous output is untouched', async () => {
    const { parent, out } = previousOutput();
    const run = await runCli('generate', ['--spec', fixture('three-problems.yaml'), '--out', out, '--quiet', '--strict']);
    expect(run.status).toBe(1);
    expect(hashOfDir(out)).toBe(oldHash);
    expect(readdirSync(parent)).toEqual(['out']);
  }, 30_000);
});

describe('leftovers of a run that is still going', () => {
  it('are left alone: two generations into one directory do not sabotage each other', async () => {
    const { parent, out } = previousOutput();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      const busy = join(parent, `.out.tmp-${other.pid}`);
      mkdirSync(busy);
      writeOutput(out, newFiles, GENERATOR_NAME);
      expect(hashOfDir(out)).toBe(newHash);
      expect(existsSync(busy)).toBe(true);
    } finally {
      other.kill('SIGKILL');
    }
  }, 30_000);
});

function hashOfFiles(files: readonly GeneratedFile[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) hash.update(`${file.path}\0${file.contents}\0`);
  return hash.digest('hex');
}

function hashOfDir(dir: string): string {
  return hashOfFiles(listOutput(dir).map((path) => ({ path, contents: readFileSync(join(dir, path), 'utf8') })));
}

/**
 * Waits for a condition by polling synchronously: the child runs on its own, and a tight loop
 * here reacts within microseconds, fast enough to catch a write of a few milliseconds. Gives up
 * when the child has exited (or after a while, where /proc cannot say).
 */
function pollUntil(pid: number, condition: () => boolean, timeoutMs = 20_000): void {
  const deadline = Date.now() + timeoutMs;
  for (let spins = 0; !condition() && Date.now() < deadline; spins++) {
    if (spins % 1000 === 999 && hasExited(pid)) return;
  }
}

/** A child that has exited but was not yet reaped is a zombie: state `Z` in /proc/<pid>/stat. */
function hasExited(pid: number): boolean {
  try {
    return / Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\)/, ' '));
  } catch {
    return false;
  }
}

function countFiles(dir: string): number {
  try {
    return listFiles(dir).length;
  } catch {
    return 0;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Mulberry32: the same kill times on every run, so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
