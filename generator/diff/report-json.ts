// `--format json`: the whole outcome as one JSON document, for scripts and CI. The shape is
// documented in the README ("Diffing API versions") and versioned by `formatVersion`.
import { summaryOf, verdict, type DiffOutcome } from './outcome.js';

export const JSON_FORMAT_VERSION = 2;

export function jsonReport(outcome: DiffOutcome): string {
  const document = {
    formatVersion: JSON_FORMAT_VERSION,
    old: outcome.old,
    new: outcome.new,
    include: outcome.include,
    profile: outcome.profile,
    failOn: outcome.failOn,
    failed: verdict(outcome).failed,
    summary: summaryOf(outcome.changes),
    changes: outcome.changes,
    ...(outcome.ignored ? { ignored: outcome.ignored.map(({ change, entry }) => ({ ...change, ignoredBy: entry })) } : {}),
    ...(outcome.unusedIgnores ? { unusedIgnores: outcome.unusedIgnores } : {}),
    ...(outcome.surface ? { surface: outcome.surface } : {}),
  };
  return JSON.stringify(document, null, 2) + '\n';
}
