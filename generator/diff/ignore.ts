// `--ignore-file`: breaking changes (or any others) a team has accepted, each by rule and place,
// with a reason and an expiry date. An accepted change is reported apart, as ignored, and does not
// fail the run; once its entry has expired it counts again, and the report says the entry expired.
//
//   - rule: request-property-removed
//     at: 'POST /v1/widgets › body description'   # a place as the text report prints it; `*` matches any run
//     reason: removed after the v2 migration window (ticket API-142)
//     expires: 2027-03-31
import { readFileSync } from 'node:fs';
import jsyaml from 'js-yaml';
import { GeneratorError } from '../errors.js';
import { locationLabel, type Change } from './change.js';
import { RULE_IDS, type RuleId } from './rules.js';

export interface IgnoreEntry {
  readonly rule: RuleId;
  readonly at: string;
  readonly reason: string;
  /** ISO date: the last day the entry ignores. */
  readonly expires: string;
}

/** A change the ignore file accepts, with the entry that accepts it. */
export interface IgnoredChange {
  readonly change: Change;
  readonly entry: IgnoreEntry;
}

/** Reads and checks an ignore file (YAML or JSON: a list of entries); a fault names the file and the entry. */
export function readIgnoreFile(file: string): IgnoreEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new GeneratorError(`cannot read the ignore file ${file}`, [], 'give --ignore-file a YAML or JSON file listing accepted changes');
  }
  let parsed: unknown;
  try {
    parsed = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch (error) {
    throw new GeneratorError(`${file}: not YAML or JSON: ${(error as Error).message.split('\n')[0]}`, [], 'it lists entries of rule, at, reason and expires');
  }
  if (parsed === null || parsed === undefined) return [];
  if (!Array.isArray(parsed)) throw new GeneratorError(`${file}: expected a list of entries`, [], 'each entry: rule, at, reason, expires');
  return parsed.map((entry, i) => checkEntry(entry, `${file}: entry ${i + 1} (/${i})`));
}

function checkEntry(entry: unknown, where: string): IgnoreEntry {
  const fields = (entry ?? {}) as Record<string, unknown>;
  const text = (key: string) => {
    const value = fields[key];
    if (typeof value !== 'string' || value.trim() === '') throw new GeneratorError(`${where}: \`${key}\` must be a non-empty string`, [], 'each entry: rule, at, reason, expires');
    return value;
  };
  const rule = text('rule');
  if (!(RULE_IDS as readonly string[]).includes(rule)) throw new GeneratorError(`${where}: unknown rule '${rule}'`, [], 'npm run diff -- --rules lists every rule');
  const expires = text('expires');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || Number.isNaN(Date.parse(expires))) {
    throw new GeneratorError(`${where}: \`expires\` must be a date, YYYY-MM-DD; got '${expires}'`, [], 'an accepted change is accepted until a day you choose');
  }
  return { rule: rule as RuleId, at: text('at'), reason: text('reason'), expires };
}

/**
 * Splits the changes: those every place of which an entry of their rule accepts are ignored (the
 * first such entry is named); those only an expired entry would accept stay, marked expired.
 */
export function applyIgnores(
  changes: readonly Change[],
  entries: readonly IgnoreEntry[],
  today: string,
): { changes: Change[]; ignored: IgnoredChange[]; unused: IgnoreEntry[] } {
  const kept: Change[] = [];
  const ignored: IgnoredChange[] = [];
  const used = new Set<IgnoreEntry>();
  for (const change of changes) {
    const accepting = entries.filter((entry) => entry.rule === change.rule && change.places.every((place) => matches(entry.at, locationLabel(place))));
    const live = accepting.find((entry) => entry.expires >= today);
    const expired = accepting.find((entry) => entry.expires < today);
    for (const entry of accepting) used.add(entry);
    if (live) ignored.push({ change, entry: live });
    else if (expired) kept.push({ ...change, ignoreExpired: { reason: expired.reason, expires: expired.expires } });
    else kept.push(change);
  }
  // An entry that matches nothing is stale (the change was undone, or its place renamed).
  return { changes: kept, ignored, unused: entries.filter((entry) => !used.has(entry)) };
}

/** `at` against a place label: exact, or with `*` for any run of characters. */
function matches(pattern: string, label: string): boolean {
  if (!pattern.includes('*')) return pattern === label;
  const source = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`, 's').test(label);
}
