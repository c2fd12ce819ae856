// `--format changelog`: what a release note lists, in Markdown. Breaking changes first, then
// deprecations and other warnings, then what is new, then the rest; one bullet per change, named
// as a reader of the client knows it (the method, or the object in the answer), the places after.
import { locationLabel, type Change } from './change.js';
import { unseenLine } from './changelog.js';
import { expiredNote, type DiffOutcome } from './outcome.js';

/** The sections, in the order a release note reads: what breaks, what to plan for, what is new, the rest. */
const SECTIONS: readonly { readonly title: string; readonly holds: (change: Change) => boolean }[] = [
  { title: 'Breaking changes', holds: (c) => c.severity === 'breaking' },
  { title: 'Deprecations and other warnings', holds: (c) => c.severity === 'warning' },
  { title: 'New', holds: (c) => c.severity === 'info' && /-added(-|$)|^operation-reactivated$/.test(c.rule) },
  { title: 'Other changes', holds: () => true },
];

/** A bullet lists this many places; the JSON report has every one. */
const PLACES_NAMED = 3;

export function changelogReport(outcome: DiffOutcome): string {
  const lines = [`## API changes: ${outcome.old.apiVersion || '?'} → ${outcome.new.apiVersion || '?'}`];
  const left = [...outcome.changes];
  for (const { title, holds } of SECTIONS) {
    const group = left.filter(holds);
    if (group.length === 0) continue;
    for (const change of group) left.splice(left.indexOf(change), 1);
    lines.push('', `### ${title}`, '', ...group.map(bullet));
  }
  if (outcome.changes.length === 0) lines.push('', 'No changes.');
  if (outcome.ignored && outcome.ignored.length > 0) {
    lines.push('', '### Accepted (in the ignore file)', '', ...outcome.ignored.map(({ change, entry }) => `${bullet(change)} (accepted until ${entry.expires}: ${entry.reason})`));
  }
  lines.push('', `_${unseenLine(outcome.new, (url) => `<${url}>`)}_`);
  return lines.join('\n') + '\n';
}

function bullet(change: Change): string {
  const methods = [...new Set(change.places.flatMap((place) => (place.operation ? [place.operation.name] : [])))];
  const who = methods.length > 0 && methods.length <= PLACES_NAMED ? `${methods.map((m) => `\`${m}\``).join(', ')}: ` : '';
  const named = change.places.slice(0, PLACES_NAMED).map((place) => locationLabel(place, (name) => `\`${name}\``));
  const more = change.places.length > PLACES_NAMED ? ` and ${change.places.length - PLACES_NAMED} more` : '';
  const expired = change.ignoreExpired ? `; ${expiredNote(change.ignoreExpired)}` : '';
  return `- ${who}${change.message} (${named.join(', ')}${more})${expired}`;
}
