// docs/diff.md's rule reference, made from the rule table (generator/diff/rules.ts) and each rule's
// fixture pair (test/diff/fixtures/rules/<rule>/): the severity and why from the table, the lines
// the fixture changes as the before/after example, and what the diff reports on it, from a real
// run. `npm run docs:diff` writes it between the markers; test/diff/rules-doc.test.ts holds the
// page equal to a fresh generation, so the table, the fixtures and the page cannot drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { locationLabel } from '../generator/diff/change.js';
import { runDiff } from '../generator/diff/run-diff.js';
import { RULE_IDS, RULES } from '../generator/diff/rules.js';

const ROOT = join(import.meta.dirname, '..');
export const DOC = join(ROOT, 'docs/diff.md');
const FIXTURES = join(ROOT, 'test/diff/fixtures/rules');
export const BEGIN = '<!-- rules: made by `npm run docs:diff` from generator/diff/rules.ts and test/diff/fixtures/rules; edit those, not this -->';
export const END = '<!-- /rules -->';
/** Sunset dates in the fixtures are read against this day, so the page does not change with the calendar. */
const TODAY = '2026-12-07';

export async function rulesReference(): Promise<string> {
  const table = ['| rule | severity | why |', '| --- | --- | --- |', ...RULE_IDS.map((id) => `| \`${id}\` | ${RULES[id].severity} | ${RULES[id].why} |`)];
  const examples: string[] = [];
  for (const id of RULE_IDS) {
    const before = join(FIXTURES, id, 'old.yaml');
    const after = join(FIXTURES, id, 'new.yaml');
    const [change] = (await runDiff(before, after, { today: TODAY })).changes;
    const where = change ? change.places.map((place) => locationLabel(place, (name) => `\`${name}\``)).join(', ') : '';
    examples.push(
      `**\`${id}\`** (${RULES[id].severity}): ${RULES[id].why}.`,
      '',
      '```diff',
      ...changedLines(readFileSync(before, 'utf8'), readFileSync(after, 'utf8')),
      '```',
      '',
      change ? `→ ${change.message} · at ${where}` : '→ (no change reported)',
      '',
    );
  }
  return [BEGIN, ...table, '', '#### Every rule, with its example', '', ...examples, END].join('\n');
}

/** The lines that differ (`-` old, `+` new) with one line of context each side; the version line left out. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n').filter((line) => !line.startsWith('info:'));
  const b = after.split('\n').filter((line) => !line.startsWith('info:'));
  // Longest common subsequence, for fixtures of a few dozen lines.
  const lcs = a.map(() => new Array<number>(b.length + 1).fill(0));
  lcs.push(new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const lines: { mark: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) lines.push({ mark: ' ', text: a[i++]! }), j++;
    else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) lines.push({ mark: '-', text: a[i++]! });
    else lines.push({ mark: '+', text: b[j++]! });
  }
  const near = (k: number) => [k - 1, k, k + 1].some((n) => lines[n] !== undefined && lines[n]!.mark !== ' ');
  const shown: string[] = [];
  lines.forEach((line, k) => {
    if (!near(k)) {
      if (shown.at(-1) !== ' …') shown.push(' …');
      return;
    }
    shown.push(`${line.mark}${line.text}`);
  });
  while (shown[0] === ' …') shown.shift();
  while (shown.at(-1) === ' …') shown.pop();
  return shown;
}

/** docs/diff.md with its rule reference replaced by `reference`. */
export function withReference(page: string, reference: string): string {
  const start = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`docs/diff.md lacks the markers ${BEGIN} … ${END}`);
  return page.slice(0, start) + reference + page.slice(end + END.length);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(DOC, withReference(readFileSync(DOC, 'utf8'), await rulesReference()));
}
