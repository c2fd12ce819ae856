// What a run shows while it works. On a terminal, once a run has lasted a second, one status
// line (redrawn in place) says which client and which phase it is in, coloured unless NO_COLOR
// is set; piped, or with --quiet, the output is the plain log it always was.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Progress } from '../../generator/cli/progress.js';
import { cliCommandLine, runCli } from '../support/cli.js';
import { HAS_SHARED, PROJECT_SPEC, ROOT, scratchDir, SHARED_SPECS } from '../support/paths.js';

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, columns: 40, write: (text: string) => written.push(text) }, written };
}

describe('the status line', () => {
  it('appears on a terminal after the delay, stays below log lines, and goes when the run is done', async () => {
    const { stream, written } = terminal(true);
    const progress = new Progress(stream, { env: {}, delayMs: 30 });
    progress.update('shop (1/2): parse…');
    expect(written).toEqual([]);
    await settle(60);
    expect(written).toEqual(['\r\x1b[2K\x1b[36mshop (1/2): parse…\x1b[39m']);
    progress.log('  parse     12 ms');
    progress.update('shop (1/2): a phase with a name longer than the terminal is wide');
    progress.done();
    expect(written.slice(1)).toEqual([
      '\r\x1b[2K',
      '  parse     12 ms\n',
      '\r\x1b[2K\x1b[36mshop (1/2): parse…\x1b[39m',
      '\r\x1b[2K\x1b[36mshop (1/2): a phase with a name longer…\x1b[39m',
      '\r\x1b[2K',
    ]);
  });

  it('appears at the next phase when a phase outlasts the delay without letting the timer run', () => {
    const { stream, written } = terminal(true);
    const progress = new Progress(stream, { env: {}, delayMs: 5 });
    progress.update('parse…');
    for (const start = performance.now(); performance.now() - start < 10; ); // a phase that does not yield
    progress.update('model…');
    expect(written).toEqual(['\r\x1b[2K\x1b[36mmodel…\x1b[39m']);
    progress.done();
  });

  it('has no colour with NO_COLOR, and does not appear at all when not on a terminal or under --quiet', async () => {
    const plain = terminal(true);
    const noColor = new Progress(plain.stream, { env: { NO_COLOR: '1' }, delayMs: 0 });
    noColor.update('parse…');
    await settle();
    expect(plain.written).toEqual(['\r\x1b[2Kparse…']);

    for (const [isTTY, quiet] of [[false, false], [true, true]] as const) {
      const { stream, written } = terminal(isTTY);
      const progress = new Progress(stream, { env: {}, quiet, delayMs: 0 });
      progress.update('parse…');
      await settle();
      progress.log('  parse     12 ms');
      progress.done();
      expect(written).toEqual(quiet ? [] : ['  parse     12 ms\n']);
    }
  });
});

const HAS_SCRIPT = spawnSync('script', ['--version']).status === 0;
if (!HAS_SCRIPT) console.warn('skipping the pseudo-terminal test: util-linux `script` is not installed');

describe.skipIf(!HAS_SCRIPT)('generate on a real (pseudo-)terminal', { timeout: 180_000 }, () => {
  /** The command through util-linux `script`, which gives it a pseudo-terminal as stdout and stderr. */
  function onTerminal(env: NodeJS.ProcessEnv, ...args: string[]): string {
    const command = cliCommandLine('generate', args).map((a) => `'${a}'`).join(' ');
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
    expect(run.status, run.stdout).toBe(0);
    return run.stdout;
  }

  // The status line waits a second, so the run must surely take longer on any machine: the whole
  // Stripe API as JavaScript spends seconds in its emit phase (as TypeScript the whole run took
  // 1.0 s on a quiet CI machine, too close to the delay to show a line every time).
  const WHOLE = join(SHARED_SPECS, 'stripe-spec3-2023-08-16.yaml');
  it.skipIf(!HAS_SHARED || !existsSync(WHOLE))('shows the client and phase in one updating line on a run of more than a second, without colour under NO_COLOR', () => {
    const out = join(scratchDir('tty'), 'fc');
    const coloured = onTerminal({ NO_COLOR: '' }, '--spec', WHOLE, '--out', out, '--emit', 'js');
    expect(coloured).toMatch(/\r\x1b\[2K\x1b\[36m.*fc: \w+…\x1b\[39m/);
    expect(coloured).toMatch(/fc: wrote \d+ files/);

    const uncoloured = onTerminal({ NO_COLOR: '1' }, '--spec', WHOLE, '--out', join(scratchDir('tty'), 'fc'), '--emit', 'js');
    expect(uncoloured).toMatch(/\r\x1b\[2K.*fc: \w+…/);
    expect(uncoloured).not.toContain('\x1b[36m');
  });

  it('--quiet on a terminal prints nothing', () => {
    expect(onTerminal({}, '--spec', PROJECT_SPEC, '--out', join(scratchDir('tty'), 'fc'), '--quiet')).toBe('');
  });
});

describe('generate piped', () => {
  it('prints the plain log: no status line, no control characters', async () => {
    const run = await runCli('generate', ['--spec', PROJECT_SPEC, '--out', join(scratchDir('piped'), 'fc')], { env: { ...process.env, NO_COLOR: '' } });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^ {2}parse +\d+ ms\n/);
    expect(run.stderr).not.toMatch(/[\r\x1b]/);
  });
});
