// `--format text` (the default): for a terminal. Changes grouped by severity, most severe first;
// each on two lines, what and where, then the message. Colour only when asked (see useColor).
import { locationLabel, operationLabel, type Change, type SpecSummary } from './change.js';
import { expiredNote, ignoredCount, unusedLine, impactParts, plural, severityCount, summaryOf, verdict, type DiffOutcome } from './outcome.js';
import { unseenLine } from './changelog.js';
import { SEVERITIES, type Severity } from './rules.js';
import type { SurfaceChange } from './surface-diff.js';

/** Colour on a terminal, unless NO_COLOR is set to anything (https://no-color.org). */
export function useColor(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

type Paint = (text: string) => string;

function palette(color: boolean): Record<'bold' | 'dim' | 'red' | 'yellow' | 'cyan' | 'green', Paint> {
  const sgr = (open: number, close: number): Paint => (color ? (text) => `\x1b[${open}m${text}\x1b[${close}m` : (text) => text);
  return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), cyan: sgr(36, 39), green: sgr(32, 39) };
}

const HEADINGS: Record<Severity, string> = { breaking: 'BREAKING', warning: 'WARNINGS', info: 'INFO' };
/** Signatures can be long; a terminal line shows this much of one. */
const SIGNATURE_WIDTH = 140;

export function textReport(outcome: DiffOutcome, color: boolean): string {
  const p = palette(color);
  const tint: Record<Severity, Paint> = { breaking: p.red, warning: p.yellow, info: p.cyan };
  const lines: string[] = [];
  lines.push(p.bold(`API diff: ${outcome.old.apiVersion || '?'} → ${outcome.new.apiVersion || '?'}`));
  lines.push(`  old  ${describe(outcome.old)}`);
  lines.push(`  new  ${describe(outcome.new)}`);
  if (outcome.include.length > 0) lines.push(`  only operations matching ${outcome.include.join(', ')}`);
  lines.push('');
  const summary = summaryOf(outcome.changes);
  if (summary.total === 0) lines.push('No changes.');
  else lines.push(SEVERITIES.map((s) => tint[s](severityCount(s, summary[s]))).join(' · ') + ignoredCount(outcome));
  for (const severity of SEVERITIES) {
    const group = outcome.changes.filter((c) => c.severity === severity);
    if (group.length === 0) continue;
    lines.push('', tint[severity](p.bold(`${HEADINGS[severity]} (${group.length})`)));
    for (const change of group) lines.push(...changeLines(change, p));
  }
  if (outcome.ignored && outcome.ignored.length > 0) {
    lines.push('', p.dim(p.bold(`IGNORED (${outcome.ignored.length}), accepted in the ignore file`)));
    for (const { change, entry } of outcome.ignored) {
      lines.push(...changeLines(change, p), `      ${p.dim(`accepted until ${entry.expires}: ${entry.reason}`)}`);
    }
  }
  const stale = unusedLine(outcome);
  if (stale) lines.push('', p.yellow(stale));
  if (outcome.surface) lines.push('', ...surfaceLines(outcome.surface, p));
  const { failed, line } = verdict(outcome);
  lines.push('', failed ? p.red(p.bold(line)) : p.green(line));
  lines.push(p.dim(unseenLine(outcome.new)));
  return lines.join('\n') + '\n';
}

function describe(side: SpecSummary): string {
  return `${side.spec}  (${side.title ? `${side.title} ` : ''}${side.apiVersion}, ${plural(side.operations, 'operation')})`;
}

/** A terminal lists this many places of one change; the JSON report lists every one. */
const PLACES_SHOWN = 10;

function changeLines(change: Change, p: ReturnType<typeof palette>): string[] {
  const impact = impactParts(change, operationLabel);
  const shown = change.places.slice(0, PLACES_SHOWN).map((place, i) => `      ${i === 0 ? 'at' : '  '} ${p.bold(locationLabel(place))}`);
  const more = change.places.length - PLACES_SHOWN;
  return [
    `  ${change.message}  ${p.dim(change.rule)}`,
    ...shown,
    ...(more > 0 ? [p.dim(`         … and ${plural(more, 'place')} more (--format json lists every place)`)] : []),
    ...(impact.length > 0 ? [`      ${p.dim(impact.join(' · '))}`] : []),
    ...(change.ignoreExpired ? [`      ${p.yellow(expiredNote(change.ignoreExpired))}`] : []),
  ];
}

/** Past this many added and removed names, a terminal gets their names only. */
const SURFACE_DETAIL_LIMIT = 30;

function surfaceLines(surface: readonly SurfaceChange[], p: ReturnType<typeof palette>): string[] {
  const count = (kind: SurfaceChange['change']) => surface.filter((s) => s.change === kind).length;
  const lines = [p.bold(`TYPESCRIPT SURFACE: ${count('removed')} removed · ${count('changed')} changed · ${count('added')} added`)];
  if (surface.length === 0) lines.push('  the generated client exports the same names with the same types');
  const detailed = count('added') + count('removed') <= SURFACE_DETAIL_LIMIT;
  if (!detailed) lines.push(p.dim('  (signatures of added and removed names: --format json)'));
  const mark = { removed: p.red('-'), changed: p.yellow('~'), added: p.green('+') };
  for (const s of surface) {
    lines.push(`  ${mark[s.change]} ${p.dim(s.kind)} ${p.bold(s.name)}`);
    if (s.members) {
      const parts = (['removed', 'changed', 'added'] as const)
        .filter((k) => s.members![k].length > 0)
        .map((k) => `${k}: ${s.members![k].join(', ')}`);
      lines.push(`      members ${clip(parts.join('; '))}`);
    } else if (s.change === 'changed') {
      lines.push(`      was ${clip(s.before ?? '')}`, `      now ${clip(s.after ?? '')}`);
    } else if (detailed) lines.push(`      ${clip((s.after ?? s.before) ?? '')}`);
  }
  return lines;
}

function clip(text: string): string {
  return text.length > SIGNATURE_WIDTH ? `${text.slice(0, SIGNATURE_WIDTH - 1)}…` : text;
}
