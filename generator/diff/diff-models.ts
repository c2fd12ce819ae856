// Two models in, a sorted list of changes out. Findings from the comparers get their severity
// from the profile and their impact: an operation's own findings affect it alone; a resource's
// affect every operation that returns it, directly, inside other objects, or by expansion.
import type { ApiModel } from '../model/ir.js';
import type { Change, ChangeLocation } from './change.js';
import { locationLabel } from './change.js';
import { compareOperations, ownerOf, refOf } from './compare-operations.js';
import { SchemaComparer, type Finding } from './compare-schemas.js';
import { impactByOwner, NO_IMPACT } from './impact.js';
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
  const operations = [...before.operations, ...after.operations].map((op) => [ownerOf(op), refOf(op)] as const);
  const impacts = impactByOwner(operations, comparer.reaches, comparer.returns);
  const changes = comparer.findings.map((finding): Change => ({
    rule: finding.rule,
    severity: severityOf(finding.rule, profile),
    location: locationOf(finding),
    message: finding.message,
    impact: impacts.get(finding.place.owner) ?? NO_IMPACT,
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
