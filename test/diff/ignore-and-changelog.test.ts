// Accepted changes and release notes, as a team uses them: an ignore file that accepts a breaking
// change by rule and place, with a reason, until a date (reported as ignored, never failing the
// run; counted again once expired, saying so), and `--format changelog`, breaking changes first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDiff } from '../../generator/diff/run-diff.js';
import { runCli } from '../support/cli.js';
import { casePair } from './support.js';
import { scratchDir } from '../support/paths.js';

const dir = scratchDir('diff-ignore');
const [before, after] = casePair('release');
const TODAY = '2026-12-07';

function ignoreFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const accepted = (expires: string, at = 'POST /v1/widgets › body description') =>
  `- rule: request-property-removed\n  at: '${at}'\n  reason: dropped after the v2 migration window\n  expires: ${expires}\n`;

describe('--ignore-file', () => {
  it('accepts a breaking change by rule and place until its date: reported as ignored, and the run passes', async () => {
    const file = ignoreFile('live.yaml', accepted('2099-12-31'));
    const outcome = await runDiff(before, after, { ignoreFile: file, today: TODAY });
    expect(outcome.changes.map((c) => c.rule)).not.toContain('request-property-removed');
    expect(outcome.ignored?.map(({ change, entry }) => [change.rule, entry.expires])).toEqual([['request-property-removed', '2099-12-31']]);
    const run = await runCli('diff', [before, after, '--ignore-file', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('0 breaking · 1 warning · 2 info · 1 ignored');
    expect(run.stdout).toContain('IGNORED (1), accepted in the ignore file');
    expect(run.stdout).toContain('accepted until 2099-12-31: dropped after the v2 migration window');
  });

  it('a place pattern with `*` accepts every place it matches', async () => {
    const outcome = await runDiff(before, after, { ignoreFile: ignoreFile('glob.yaml', accepted('2099-12-31', 'POST /v1/widgets › body *')), today: TODAY });
    expect(outcome.ignored).toHaveLength(1);
  });

  it('an expired entry ignores nothing, and the report says it expired', async () => {
    const file = ignoreFile('expired.yaml', accepted('2020-01-31'));
    const outcome = await runDiff(before, after, { ignoreFile: file, today: TODAY });
    expect(outcome.ignored).toEqual([]);
    const change = outcome.changes.find((c) => c.rule === 'request-property-removed')!;
    expect(change.ignoreExpired).toEqual({ reason: 'dropped after the v2 migration window', expires: '2020-01-31' });
    const run = await runCli('diff', [before, after, '--ignore-file', file, '--format', 'markdown']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('property `description` was removed (its ignore entry expired on 2020-01-31 (dropped after the v2 migration window): it counts again)');
  });

  it('another place, or another rule, is not accepted', async () => {
    const other = await runDiff(before, after, { ignoreFile: ignoreFile('other.yaml', accepted('2099-12-31', 'POST /v1/widgets › body name')), today: TODAY });
    expect(other.ignored).toEqual([]);
    // An entry that matches nothing is said to be stale, so the file does not grow old unseen.
    expect(other.unusedIgnores?.map((e) => e.at)).toEqual(['POST /v1/widgets › body name']);
    const run = await runCli('diff', [before, after, '--ignore-file', ignoreFile('stale.yaml', accepted('2099-12-31', 'POST /v1/widgets › body name'))]);
    expect(run.stdout).toContain('1 ignore entry matched no change (stale?): request-property-removed at POST /v1/widgets › body name');
  });

  it('a bad entry is an error naming the file and the entry, before any spec is read', async () => {
    const file = ignoreFile('bad.yaml', '- rule: request-property-vanished\n  at: x\n  reason: y\n  expires: 2027-01-01\n');
    const run = await runCli('diff', [before, after, '--ignore-file', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`error: ${file}: entry 1 (/0): unknown rule 'request-property-vanished'`);
    const undated = ignoreFile('undated.yaml', accepted('someday'));
    expect((await runCli('diff', [before, after, '--ignore-file', undated])).stderr).toContain("`expires` must be a date, YYYY-MM-DD; got 'someday'");
  });
});

describe('--format changelog', () => {
  it('reads as a release note: breaking changes, then warnings, then what is new, then the rest', async () => {
    const run = await runCli('diff', [before, after, '--format', 'changelog']);
    expect(run.stdout).toBe(
      [
        '## API changes: 1 → 2',
        '',
        '### Breaking changes',
        '',
        '- `widgets.create`: property `description` was removed (`POST /v1/widgets` › body `description`)',
        '',
        '### Deprecations and other warnings',
        '',
        '- `widgets.retrieve`: operation `widgets.retrieve` is deprecated (`GET /v1/widgets/{widget}`)',
        '',
        '### New',
        '',
        '- `widgets.del`: new operation `widgets.del` (`DELETE /v1/widgets/{widget}`)',
        '',
        '### Other changes',
        '',
        '- `widgets.create`: property `name` is now optional (`POST /v1/widgets` › body `name`)',
        '',
        "_A spec diff cannot see behaviour (a default that changed, a parameter required only in some flows): read the API's changelog too._",
        '',
      ].join('\n'),
    );
    expect(run.status).toBe(1);
  });
});
