// Two models in, a sorted list of changes out. Findings from the comparers get their severity
// from the profile and the list of operations they affect: an operation's own findings affect
// it alone; a resource's affect every operation that returns it, directly or by expansion.
import type { ApiModel } from '../model/ir.js';
import type { Change, ChangeLocation, OperationRef } from './change.js';
import { locationLabel } from './change.js';
import { compareOperations, ownerOf, refOf } from './compare-operations.js';
import { SchemaComparer, type Finding } from './compare-schemas.js';
import { componentsOf, typeNamesOf } from './resolve.js';
import { DEFAULT_PROFILE, RULE_IDS, SEVERITIES, severityOf, type Profile } from './rules.js';

export interface DiffOptions {
  readonly profile?: Profile;
  /** Resources that belong to operations outside the slice (see scope.ts). */
  readonly outside?: ReadonlySet<string>;
}

export function diffModels(before: ApiModel, after: ApiModel, options: DiffOptions = {}): Change[] {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const typeNames = { before: typeNamesOf(before), after: typeNamesOf(after) };
  const comparer = new SchemaComparer(componentsOf(before), componentsOf(after), typeNames, options.outside);
  compareOperations(before.operations, after.operations, comparer);
  const affected = affectedOperations([...before.operations, ...after.operations].map((op) => [ownerOf(op), refOf(op)]), comparer.reaches);
  const changes = comparer.findings.map((finding): Change => ({
    rule: finding.rule,
    severity: severityOf(finding.rule, profile),
    location: locationOf(finding),
    message: finding.message,
    operations: finding.place.operation ? [finding.place.operation] : (affected.get(finding.place.owner) ?? []),
  }));
  return sortChanges(changes);
}

function locationOf({ place }: Finding): ChangeLocation {
  return {
    ...(place.operation ? { operation: place.operation } : {}),
    ...(place.parameter ? { parameter: place.parameter } : {}),
    // A parameter's own path is its name, already said.
    ...(place.path && place.path !== place.parameter?.name ? { schemaPath: place.path } : {}),
  };
}

/** owner → the operations that reach it (an operation reaches itself). */
function affectedOperations(
  operations: readonly (readonly [string, OperationRef])[],
  reaches: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, OperationRef[]> {
  const result = new Map<string, OperationRef[]>();
  const seenOps = new Set<string>();
  for (const [owner, ref] of operations) {
    if (seenOps.has(owner)) continue;
    seenOps.add(owner);
    const seen = new Set<string>([owner]);
    const pending = [owner];
    while (pending.length > 0) {
      for (const next of reaches.get(pending.pop()!) ?? []) {
        if (seen.has(next)) continue;
        seen.add(next);
        pending.push(next);
      }
    }
    for (const reached of seen) {
      const list = result.get(reached) ?? [];
      list.push(ref);
      result.set(reached, list);
    }
  }
  for (const list of result.values()) list.sort((x, y) => compare(`${x.path} ${x.method}`, `${y.path} ${y.method}`));
  return result;
}

export function sortChanges(changes: readonly Change[]): Change[] {
  return [...changes].sort(
    (x, y) =>
      SEVERITIES.indexOf(x.severity) - SEVERITIES.indexOf(y.severity) ||
      compare(locationLabel(x.location), locationLabel(y.location)) ||
      RULE_IDS.indexOf(x.rule) - RULE_IDS.indexOf(y.rule) ||
      compare(x.message, y.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
