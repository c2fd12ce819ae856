// Everything one diff run produced, and whether it fails the run: the input of every output format.
import type { Change, DiffReport, OperationRef } from './change.js';
import { countBySeverity } from './change.js';
import type { Profile, Severity } from './rules.js';
import type { IgnoredChange, IgnoreEntry } from './ignore.js';
import type { SurfaceChange } from './surface-diff.js';

/** `--fail-on`: the least severe change that fails the run (`none`: never fail). */
export type FailOn = 'breaking' | 'warning' | 'any' | 'none';

export const FAIL_ON: readonly FailOn[] = ['breaking', 'warning', 'any', 'none'];

export interface DiffOutcome extends DiffReport {
  readonly profile: Profile;
  readonly failOn: FailOn;
  /** Only with `--surface`. */
  readonly surface?: readonly SurfaceChange[];
  /** Changes `--ignore-file` accepts: reported apart, never failing the run. */
  readonly ignored?: readonly IgnoredChange[];
  /** `--ignore-file` entries that matched no change: stale. */
  readonly unusedIgnores?: readonly IgnoreEntry[];
}

const FAILING: Record<FailOn, readonly Severity[]> = {
  breaking: ['breaking'],
  warning: ['breaking', 'warning'],
  any: ['breaking', 'warning', 'info'],
  none: [],
};

export function failingChanges(outcome: Pick<DiffOutcome, 'changes' | 'failOn'>): Change[] {
  return outcome.changes.filter((c) => FAILING[outcome.failOn].includes(c.severity));
}

export function summaryOf(changes: readonly Change[]): Record<Severity | 'total', number> {
  return { ...countBySeverity(changes), total: changes.length };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `2 breaking`, `1 warning`, `3 info`. */
export function severityCount(severity: Severity, n: number): string {
  return severity === 'warning' ? plural(n, 'warning') : `${n} ${severity}`;
}

/** ` · 2 ignored` after the summary, when the ignore file accepted some. */
export function ignoredCount(outcome: DiffOutcome): string {
  return outcome.ignored && outcome.ignored.length > 0 ? ` · ${outcome.ignored.length} ignored` : '';
}

/** The report's line on stale ignore entries, or none. */
export function unusedLine(outcome: DiffOutcome): string | undefined {
  const unused = outcome.unusedIgnores ?? [];
  if (unused.length === 0) return undefined;
  return `${plural(unused.length, 'ignore entry', 'ignore entries')} matched no change (stale?): ${unused.map((e) => `${e.rule} at ${e.at}`).join('; ')}`;
}

/** What a report says under a change whose ignore entry has expired. */
export function expiredNote(expired: { readonly reason: string; readonly expires: string }): string {
  return `its ignore entry expired on ${expired.expires} (${expired.reason}): it counts again`;
}

/** Past this many direct operations, a report names the first six; the JSON report has them all. */
const DIRECT_NAMED = 8;

/**
 * A resource change's impact in three parts, "direct / without expand / only via expand", with
 * the direct operations named (`name` prints one) and the others counted; an operation's own
 * change has none (its places name the operations).
 */
export function impactParts(change: Change, name: (op: OperationRef) => string): string[] {
  if (ownChange(change)) return [];
  // Event types belong to no operation: what they change is the handlers written against them.
  if (change.places.every((place) => place.event !== undefined)) return ['webhook handlers (no operation)'];
  const { direct, withoutExpand, onlyViaExpand, events } = change.impact;
  const count = (n: number) => (n === 0 ? 'none' : plural(n, 'operation'));
  const shown = direct.length > DIRECT_NAMED ? [...direct.slice(0, DIRECT_NAMED - 2).map(name), `and ${direct.length - DIRECT_NAMED + 2} more`] : direct.map(name);
  const namedEvents = events.length > DIRECT_NAMED ? [...events.slice(0, DIRECT_NAMED - 2), `and ${events.length - DIRECT_NAMED + 2} more`] : events;
  return [
    `direct: ${direct.length === 0 ? 'none' : shown.join(', ')}`,
    `without expand: ${count(withoutExpand.length)}`,
    `only via expand: ${count(onlyViaExpand.length)}`,
    ...(events.length > 0 ? [`webhook events: ${namedEvents.join(', ')}`] : []),
  ];
}

/** A change in operations' own requests or answers only, not in a resource they share. */
export function ownChange(change: Change): boolean {
  return change.places.every((place) => place.operation !== undefined);
}

/** What the run ends on: which changes fail it and why, in one sentence. */
export function verdict(outcome: DiffOutcome): { failed: boolean; line: string } {
  const failing = failingChanges(outcome);
  if (outcome.failOn === 'none') return { failed: false, line: '--fail-on none: the diff never fails' };
  if (failing.length === 0) {
    const what = outcome.failOn === 'any' ? 'no changes' : outcome.failOn === 'warning' ? 'no breaking changes or warnings' : 'no breaking changes';
    return { failed: false, line: `passes --fail-on ${outcome.failOn}: ${what}` };
  }
  return { failed: true, line: `fails --fail-on ${outcome.failOn}: ${plural(failing.length, 'change')} at or above that severity` };
}
