// `--format markdown`: for a changelog entry or a pull-request comment. One table per severity;
// a code span in a table cell keeps its text, but a `|` must still be escaped there (GFM).
import { locationLabel, operationLabel, type Change } from './change.js';
import { expiredNote, ignoredCount, unusedLine, impactParts, ownChange, plural, severityCount, summaryOf, verdict, type DiffOutcome } from './outcome.js';
import { unseenLine } from './changelog.js';
import { SEVERITIES, type Severity } from './rules.js';
import type { SurfaceChange } from './surface-diff.js';

const HEADINGS: Record<Severity, string> = { breaking: 'Breaking', warning: 'Warnings', info: 'Info' };

export function markdownReport(outcome: DiffOutcome): string {
  const lines: string[] = [];
  lines.push(`### API changes: \`${outcome.old.apiVersion || '?'}\` → \`${outcome.new.apiVersion || '?'}\``, '');
  const only = outcome.include.length > 0 ? `, operations matching ${outcome.include.map((g) => `\`${g}\``).join(', ')}` : '';
  lines.push(
    `Compared \`${outcome.old.spec}\` (${plural(outcome.old.operations, 'operation')}) with \`${outcome.new.spec}\` (${plural(outcome.new.operations, 'operation')})${only}.`,
    '',
  );
  const summary = summaryOf(outcome.changes);
  lines.push(
    summary.total === 0
      ? `No changes${ignoredCount(outcome)}.`
      : SEVERITIES.map((s) => (s === 'breaking' && summary[s] > 0 ? `**${severityCount(s, summary[s])}**` : severityCount(s, summary[s]))).join(' · ') + ignoredCount(outcome),
  );
  for (const severity of SEVERITIES) {
    const group = outcome.changes.filter((c) => c.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `#### ${HEADINGS[severity]} (${group.length})`, '', '| Where | Change | Rule | Affects |', '| --- | --- | --- | --- |');
    for (const change of group) lines.push(row(change));
  }
  if (outcome.ignored && outcome.ignored.length > 0) {
    lines.push('', `#### Ignored (${outcome.ignored.length})`, '', '| Where | Change | Rule | Accepted until | Reason |', '| --- | --- | --- | --- | --- |');
    for (const { change, entry } of outcome.ignored) {
      const where = change.places.map((place) => locationLabel(place, code)).join('<br>');
      lines.push(`| ${[where, change.message, code(change.rule), entry.expires, entry.reason].map(cell).join(' | ')} |`);
    }
  }
  const stale = unusedLine(outcome);
  if (stale) lines.push('', `_${stale}_`);
  if (outcome.surface) lines.push('', ...surfaceSection(outcome.surface));
  lines.push('', `_${verdict(outcome).line}_`, '', `_${unseenLine(outcome.new, (url) => `<${url}>`)}_`);
  return lines.join('\n') + '\n';
}

const code = (text: string) => `\`${text}\``;

function row(change: Change): string {
  const where = change.places.map((place) => locationLabel(place, code)).join('<br>');
  // An operation's own change affects that operation: its client method is the useful name here.
  const affects = ownChange(change)
    ? [...new Set(change.places.map((place) => code(place.operation!.name)))].join(', ')
    : impactParts(change, (op) => code(operationLabel(op))).join('<br>');
  const message = change.ignoreExpired ? `${change.message} (${expiredNote(change.ignoreExpired)})` : change.message;
  const cells = [where, message, `\`${change.rule}\``, affects];
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** Longer lists of added or removed names fold away in a `<details>` block. */
const FOLD_AFTER = 20;

function surfaceSection(surface: readonly SurfaceChange[]): string[] {
  const lines = ['#### TypeScript surface', ''];
  if (surface.length === 0) return [...lines, 'The generated client exports the same names with the same types.'];
  const changed = surface.filter((s) => s.change === 'changed');
  if (changed.length > 0) {
    lines.push(`Changed (${changed.length}):`, '', '| Name | Kind | Change |', '| --- | --- | --- |');
    for (const s of changed) {
      const detail = s.members
        ? (['removed', 'changed', 'added'] as const)
            .filter((k) => s.members![k].length > 0)
            .map((k) => `${k} ${s.members![k].map((m) => `\`${m}\``).join(', ')}`)
            .join('; ')
        : `\`${s.before}\` → \`${s.after}\``;
      lines.push(`| ${[`\`${s.name}\``, s.kind, detail].map(cell).join(' | ')} |`);
    }
    lines.push('');
  }
  for (const kind of ['removed', 'added'] as const) {
    const names = surface.filter((s) => s.change === kind).map((s) => `\`${s.name}\` (${s.kind})`);
    if (names.length === 0) continue;
    const title = `${kind === 'added' ? 'Added' : 'Removed'} (${names.length})`;
    if (names.length > FOLD_AFTER) lines.push(`<details><summary>${title}</summary>`, '', names.join(', '), '', '</details>', '');
    else lines.push(`${title}: ${names.join(', ')}`, '');
  }
  return lines.slice(0, -1);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
