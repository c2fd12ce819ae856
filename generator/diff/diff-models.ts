// Two models in, a sorted list of changes out. Findings from the comparers get their severity
// from the profile and their impact: an operation's own findings affect it alone; a resource's
// affect every operation that returns it, directly, inside other objects, or by expansion. The
// same finding in many places (the same message by the same rule at a property of the same name:
// `blik` removed from three request bodies) is one change with its places listed.
import type { ApiModel } from '../model/ir.js';
import type { Change, ChangeLocation, Impact } from './change.js';
import { locationLabel } from './change.js';
import { compareDocuments } from './compare-document.js';
import { compareEvents } from './compare-events.js';
import { compareOperations, ownerOf, refOf } from './compare-operations.js';
import { lastSegment, SchemaComparer, type Finding } from './compare-schemas.js';
import { impactByOwner, mergeImpacts, NO_IMPACT } from './impact.js';
import type { RawSide } from './raw.js';
import { componentsOf, typeNamesOf } from './resolve.js';
import { DEFAULT_PROFILE, RULE_IDS, SEVERITIES, severityOf, type Profile } from './rules.js';

export interface DiffOptions {
  readonly profile?: Profile;
  /** Resources that belong to operations outside the slice (see scope.ts). */
  readonly outside?: ReadonlySet<string>;
  /** Both parsed documents, for what the model leaves out (raw.ts); without them only the models are compared. */
  readonly raw?: { readonly before: RawSide; readonly after: RawSide };
  /** The day the diff runs (an ISO date), against which sunset dates are read; today by default. */
  readonly today?: string;
}

export function diffModels(before: ApiModel, after: ApiModel, options: DiffOptions = {}): Change[] {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const typeNames = { before: typeNamesOf(before), after: typeNamesOf(after) };
  // With the documents, schemas modelled from them may name components the slice left out.
  const components = { before: options.raw?.before.components ?? componentsOf(before), after: options.raw?.after.components ?? componentsOf(after) };
  const comparer = new SchemaComparer(components.before, components.after, typeNames, options.outside, options.raw);
  compareOperations(before.operations, after.operations, comparer, options.today ?? new Date().toISOString().slice(0, 10));
  if (options.raw) compareDocuments(comparer, options.raw.before.document, options.raw.after.document, after.operations);
  const operations = [...before.operations, ...after.operations].map((op) => [ownerOf(op), refOf(op)] as const);
  const impacts = impactByOwner(operations, comparer.reaches, comparer.returns, after.events);
  return sortChanges([...groupFindings(comparer.findings, impacts, profile), ...compareEvents(before.events, after.events, profile)]);
}

/** One change per rule, message and property name, with every place it was found in. */
function groupFindings(findings: readonly Finding[], impacts: ReadonlyMap<string, Impact>, profile: Profile): Change[] {
  type Group = { finding: Finding; places: Map<string, ChangeLocation>; impacts: Impact[] };
  const groups = new Map<string, Group>();
  for (const finding of findings) {
    const key = [finding.rule, finding.message, lastSegment(finding.place.path)].join('\n');
    const group: Group = groups.get(key) ?? { finding, places: new Map(), impacts: [] };
    groups.set(key, group);
    const location = locationOf(finding);
    group.places.set(locationLabel(location), location);
    group.impacts.push(impacts.get(finding.place.owner) ?? NO_IMPACT);
  }
  return [...groups.values()].map(({ finding, places, impacts: each }) => ({
    rule: finding.rule,
    severity: severityOf(finding.rule, profile),
    message: finding.message,
    places: [...places.keys()].sort(compare).map((label) => places.get(label)!),
    impact: mergeImpacts(each),
  }));
}

function locationOf({ place }: Finding): ChangeLocation {
  return {
    ...(place.operation ? { operation: place.operation } : {}),
    ...(place.parameter ? { parameter: place.parameter } : {}),
    ...(place.webhook ? { webhook: place.webhook } : {}),
    // A parameter's own path is its name, already said.
    ...(place.path && place.path !== place.parameter?.name ? { schemaPath: place.path } : {}),
  };
}

export function sortChanges(changes: readonly Change[]): Change[] {
  return [...changes].sort(
    (x, y) =>
      SEVERITIES.indexOf(x.severity) - SEVERITIES.indexOf(y.severity) ||
      compare(locationLabel(x.places[0]!), locationLabel(y.places[0]!)) ||
      RULE_IDS.indexOf(x.rule) - RULE_IDS.indexOf(y.rule) ||
      compare(x.message, y.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
