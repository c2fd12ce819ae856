// Structural comparison of two schemas, in one direction. The same difference means opposite
// things on the two sides of a call: a narrower type is stricter in a request (breaking) but
// safer in a response (info). Response paths restart at each API resource, so a change inside
// `financial_connections.account` is found once and reported under that name, however many
// operations return the account.
import type { ObjectSchema, ParameterLocation, Property, Schema } from '../model/ir.js';
import type { OperationRef } from './change.js';
import { compareKeywords } from './compare-keywords.js';
import { componentOf, effective, isRaw, rawProperty, rawVariants, type Raw, type RawPair, type RawSide } from './raw.js';
import { kindKey, resolve, typeLabel, variantKeys, type Components, type Resolved } from './resolve.js';
import type { RuleId } from './rules.js';

export type Side = 'request' | 'response';

/** Deep enough for Stripe's deepest inline objects; a cycle through unnamed schemas ends here. */
export const MAX_DEPTH = 16;

/** Where the walk is, and who owns what it finds there (an operation or a resource). */
export interface Place {
  readonly owner: string;
  readonly path: string;
  readonly depth: number;
  readonly operation?: OperationRef;
  readonly parameter?: { readonly in: ParameterLocation | 'body'; readonly name: string };
  /** A 3.1 webhook (`name METHOD`), for its payload. */
  readonly webhook?: string;
  /** Both versions' raw schema here, for what the model does not carry (raw.ts); absent where unknown. */
  readonly raw?: RawPair;
  /** Named component pairs being compared above this place, to stop on a cycle. */
  readonly stack: ReadonlySet<string>;
  /** An operation's response: its named schema is a root even without `x-resourceId`. */
  readonly root?: boolean;
  /** At a field listed in `x-expandableFields`, or its array items. */
  readonly expandable?: boolean;
  /**
   * A variant of an expandable field's union (`string | customer`): a resource here arrives only
   * when expanded. A plain reference in such a field (a list's `data`) arrives every time.
   */
  readonly expanded?: boolean;
}

/** How an owner (an operation or a resource) reaches a resource it holds. */
export interface Reach {
  /** Only when a field on the way is expanded. */
  readonly expand: boolean;
  /** From the owner's root to the resource, array items unmarked: its `expand[]` value (`data.customer`). */
  readonly path: string;
}

export interface Finding {
  readonly rule: RuleId;
  readonly place: Place;
  readonly message: string;
}

const NO_SCHEMA: Resolved = { schema: { kind: 'unknown', nullable: false }, nullable: false };

export class SchemaComparer {
  readonly findings: Finding[] = [];
  /** owner → resources it holds, and how: an operation is affected by every change in what it returns. */
  readonly reaches = new Map<string, Map<string, Reach>>();
  /** operation → the resources it answers with: the object itself, or a list's items. */
  readonly returns = new Map<string, Set<string>>();
  /** resource → the path its properties start with (its name); an operation's start with `response`. */
  private readonly roots = new Map<string, string>();
  private readonly compared = new Set<string>();
  /** Every exported type name of each version: a rename is a name gone and a name new. */
  private readonly typesBefore: ReadonlySet<string>;
  private readonly typesAfter: ReadonlySet<string>;

  constructor(
    /** The old version's components. */
    readonly before: Components,
    /** The new version's components. */
    readonly after: Components,
    /** Component name → exported TypeScript type name, for each version. */
    private readonly typeNames: { readonly before: ReadonlyMap<string, string>; readonly after: ReadonlyMap<string, string> },
    /**
     * Resources that operations outside `--include` return: their changes are those operations'
     * news, so an expandable field that can hold one is compared as far as its id and no further.
     */
    private readonly outside: ReadonlySet<string> = new Set(),
    /** Both parsed documents, when the diff has them (a model alone compares types only). */
    readonly raw?: { readonly before: RawSide; readonly after: RawSide },
  ) {
    this.typesBefore = new Set(typeNames.before.values());
    this.typesAfter = new Set(typeNames.after.values());
  }

  report(rule: RuleId, place: Place, message: string): void {
    this.findings.push({ rule, place, message });
  }

  /** Compares two schemas (either may be absent: no body) at `place`. */
  compare(side: Side, a: Schema | undefined, b: Schema | undefined, place: Place): void {
    if (!a && !b) return;
    const ra = a ? resolve(a, this.before) : NO_SCHEMA;
    const rb = b ? resolve(b, this.after) : NO_SCHEMA;
    if (!a || !b) {
      this.reportBodyPresence(side, a, b, place);
      return;
    }
    this.comparePair(side, ra, rb, place, true);
  }

  private comparePair(side: Side, ra: Resolved, rb: Resolved, place: Place, withNullable: boolean): void {
    if (place.depth > MAX_DEPTH) return;
    if (withNullable && ra.nullable !== rb.nullable) this.reportNullable(side, rb.nullable, place);
    this.compareTypeNames(ra, rb, place);
    const raw = this.effectivePair(place);
    if (raw) compareKeywords(this, side, raw.a, raw.b, place);
    const a = ra.schema;
    const b = rb.schema;
    if (side === 'response' && a.kind === 'object' && b.kind === 'object' && ra.name && rb.name && (ra.resource || rb.resource || place.root)) {
      if (place.expanded && (this.outside.has(ra.name) || this.outside.has(rb.name))) return;
      this.compareResource(ra, rb, place);
      return;
    }
    const pair = ra.name || rb.name ? `${ra.name ?? '(inline)'} → ${rb.name ?? '(inline)'}` : undefined;
    if (pair && place.stack.has(pair)) return;
    const inner = pair ? { ...place, stack: new Set([...place.stack, pair]), root: false } : { ...place, root: false };
    this.compareShapes(side, ra, rb, inner);
  }

  /**
   * The same place names another component, whose exported type has another name: code that names
   * the old type no longer compiles, even when the shape is the same. Only a true rename counts:
   * the old type is gone from the new version and the new one was not in the old.
   */
  private compareTypeNames(ra: Resolved, rb: Resolved, place: Place): void {
    const before = ra.name && this.typeNames.before.get(ra.name);
    const after = rb.name && this.typeNames.after.get(rb.name);
    if (!before || !after || before === after || this.typesAfter.has(before) || this.typesBefore.has(after)) return;
    this.report('component-renamed', place, `type \`${before}\` is now \`${after}\` (component \`${ra.name}\` renamed to \`${rb.name}\`)`);
  }

  /** A resource is compared once; later visits only record that their owner reaches it. */
  private compareResource(ra: Resolved, rb: Resolved, place: Place): void {
    const key = resourceKey(ra, rb);
    this.noteReach(place, key);
    if (this.compared.has(key)) return;
    this.compared.add(key);
    this.roots.set(key, rb.name!);
    this.compareShapes('response', ra, rb, { owner: key, path: rb.name!, depth: 0, stack: new Set([key]), ...(place.raw ? { raw: place.raw } : {}) });
  }

  /** An inline reach wins over one through an expansion: the resource arrives without asking. */
  private noteReach(place: Place, key: string): void {
    const reached = this.reaches.get(place.owner) ?? new Map<string, Reach>();
    this.reaches.set(place.owner, reached);
    const expand = place.expanded === true;
    const known = reached.get(key);
    if (known && (!known.expand || expand)) return;
    // Stripe's expand paths pass through arrays unmarked: `data.customer`.
    const root = this.roots.get(place.owner) ?? 'response';
    const path = place.path.slice(root.length).replace(/^\./, '').replace(/\[\]/g, '');
    reached.set(key, { expand, path });
  }

  /** Records that an operation answers with these schemas (its response, or a list's items), when they are resources. */
  noteReturns(owner: string, a: Schema | undefined, b: Schema | undefined): void {
    if (!a || !b) return;
    const ra = resolve(a, this.before);
    const rb = resolve(b, this.after);
    if (!ra.name || !rb.name) return;
    const returned = this.returns.get(owner) ?? new Set<string>();
    returned.add(resourceKey(ra, rb));
    this.returns.set(owner, returned);
  }

  private compareShapes(side: Side, ra: Resolved, rb: Resolved, place: Place): void {
    const a = ra.schema;
    const b = rb.schema;
    if (a.kind === 'object' && b.kind === 'object') this.compareObjects(side, a, b, place);
    else if (a.kind === 'array' && b.kind === 'array') this.compare(side, a.items, b.items, child(place, '[]', this.rawChild(place, (e) => e.items)));
    else if (a.kind === 'enum' && b.kind === 'enum') this.compareEnums(side, a.values, b.values, place);
    else if (a.kind === 'union' && b.kind === 'union') this.compareUnions(side, a.variants, b.variants, place);
    else if (a.kind === 'intersection' && b.kind === 'intersection') {
      const before = typeLabel(a, this.before);
      const after = typeLabel(b, this.after);
      if (before !== after) this.report(`${side}-type-changed`, place, `type changed from \`${before}\` to \`${after}\``);
    } else if (a.kind !== b.kind) this.compareKinds(side, ra, rb, place);
    // Same primitive kind: formats and constraints are documentation here, not types.
  }

  /**
   * Compares the properties of two objects. `childPlace` says where each property lives: nested
   * properties extend the path, a request body's top-level properties are parameters of their own.
   */
  compareObjects(side: Side, a: ObjectSchema, b: ObjectSchema, place: Place, childPlace = (name: string) => child(place, name)): void {
    const raw = this.effectivePair(place);
    const before = new Map(a.properties.map((p) => [p.name, p]));
    const after = new Map(b.properties.map((p) => [p.name, p]));
    for (const name of new Set([...before.keys(), ...after.keys()])) {
      const expandableBefore = a.expandableFields.includes(name);
      const expandableAfter = b.expandableFields.includes(name);
      const rawA = rawProperty(raw?.a, name);
      const rawB = rawProperty(raw?.b, name);
      const at = { ...childPlace(name), expandable: expandableBefore || expandableAfter, ...(raw ? { raw: { a: rawA, b: rawB } } : {}) };
      // A readOnly property is never sent, a writeOnly one never received: on that side it is not there.
      const hidden = this.hiddenOn(side, rawA, rawB);
      if (hidden.before && hidden.after) continue;
      if (hidden.after) {
        if (before.has(name)) this.reportHidden(side, at);
        continue;
      }
      const propertyA = hidden.before ? undefined : before.get(name);
      const propertyB = after.get(name);
      // A new or removed property says it all; expandability is news only for one that stays.
      if (side === 'response' && propertyA && propertyB && expandableBefore !== expandableAfter) {
        this.reportExpandable(expandableAfter, name, at);
        // The type grows (or loses) the expanded resource, but a call that does not expand the
        // field gets what it got before: compare the field without it.
        const strip = (p: Property, components: Components) => ({ ...p, schema: withoutExpansions(p.schema, components) });
        this.compareProperty(side, strip(propertyA, this.before), strip(propertyB, this.after), at);
      } else this.compareProperty(side, propertyA, propertyB, at);
    }
    this.compareExtraKeys(side, a, b, place);
  }

  /** Is the property readOnly in a request, writeOnly in a response, in each version? One missing from a version reads as the other. */
  private hiddenOn(side: Side, rawA: unknown, rawB: unknown): { before: boolean; after: boolean } {
    const keyword = side === 'request' ? 'readOnly' : 'writeOnly';
    const flag = (node: unknown, document: Raw | undefined) => (document && node !== undefined ? effective(node, document)?.[keyword] === true : undefined);
    const before = flag(rawA, this.raw?.before.document);
    const after = flag(rawB, this.raw?.after.document);
    return { before: before ?? after ?? false, after: after ?? before ?? false };
  }

  private reportHidden(side: Side, place: Place): void {
    const name = `\`${lastSegment(place.path)}\``;
    if (side === 'request') this.report('request-property-became-read-only', place, `property ${name} is now readOnly: the server no longer takes it`);
    else this.report('response-property-became-write-only', place, `property ${name} is now writeOnly: it no longer arrives`);
  }

  /** Both versions' raw schema at `place`, references followed and `allOf` merged (raw.ts). */
  effectivePair(place: Place): { a: Raw; b: Raw } | undefined {
    if (!this.raw || !place.raw) return undefined;
    const a = effective(place.raw.a, this.raw.before.document);
    const b = effective(place.raw.b, this.raw.after.document);
    return a && b ? { a, b } : undefined;
  }

  /** The raw pair one step down from `place` (`pick` reads a child off each version's schema). */
  rawChild(place: Place, pick: (schema: Raw) => unknown): RawPair | undefined {
    const pair = this.effectivePair(place);
    return pair ? { a: pick(pair.a), b: pick(pair.b) } : undefined;
  }

  private compareProperty(side: Side, a: Property | undefined, b: Property | undefined, place: Place): void {
    const name = `\`${lastSegment(place.path)}\``;
    if (!a && b) {
      const type = typeLabel(b.schema, this.after);
      if (side === 'response') this.report('response-property-added', place, `new property ${name} (\`${type}\`)`);
      else if (b.required) this.report('request-property-added-required', place, `new required property ${name} (\`${type}\`)`);
      else this.report('request-property-added', place, `new optional property ${name} (\`${type}\`)`);
      return;
    }
    if (a && !b) {
      this.report(`${side}-property-removed`, place, `property ${name} was removed`);
      return;
    }
    if (!a || !b) return;
    if (a.required !== b.required) {
      if (side === 'response') {
        if (b.required) this.report('response-property-became-required', place, `property ${name} is now always present`);
        else this.report('response-property-became-optional', place, `property ${name} may now be absent`);
      } else if (b.required) this.report('request-property-became-required', place, `property ${name} is now required`);
      else this.report('request-property-became-optional', place, `property ${name} is now optional`);
    }
    this.compare(side, a.schema, b.schema, place);
  }

  /** `additionalProperties` reads as one more property, `{}`: the values under any other key. */
  private compareExtraKeys(side: Side, a: ObjectSchema, b: ObjectSchema, place: Place): void {
    const open = (s: ObjectSchema) => s.additionalProperties !== false;
    const values = (s: ObjectSchema): Schema =>
      typeof s.additionalProperties === 'object' ? s.additionalProperties : { kind: 'unknown', nullable: false };
    const at = child(place, '{}', this.rawChild(place, (e) => (isRaw(e.additionalProperties) ? e.additionalProperties : undefined)));
    if (open(a) && open(b)) this.compare(side, values(a), values(b), at);
    else if (open(a)) this.report(`${side}-property-removed`, at, 'extra keys (`{}`) were removed');
    else if (open(b)) {
      const type = typeLabel(values(b), this.after);
      this.report(`${side}-property-added`, at, `now allows extra keys (\`${type}\` values)`);
    }
  }

  private reportExpandable(nowExpandable: boolean, field: string, place: Place): void {
    // `place` is the field's own, so the report points at it.
    if (nowExpandable) this.report('expandable-field-added', place, `field \`${field}\` can now be expanded`);
    else this.report('expandable-field-removed', place, `field \`${field}\` can no longer be expanded`);
  }

  /** Values added (or removed) at one place together are one change: the enum grew (or shrank) once. */
  private compareEnums(side: Side, a: readonly unknown[], b: readonly unknown[], place: Place): void {
    const values = (list: readonly unknown[]) => `enum ${list.length === 1 ? 'value' : 'values'} ${list.map((v) => `\`${String(v)}\``).join(', ')}`;
    const added = b.filter((value) => !a.includes(value));
    const removed = a.filter((value) => !b.includes(value));
    if (added.length > 0) {
      const message = side === 'response' ? `new ${values(added)}; an exhaustive switch misses ${added.length === 1 ? 'it' : 'them'}` : `${values(added)} added`;
      this.report(`${side}-enum-value-added`, place, message);
    }
    if (removed.length > 0) this.report(`${side}-enum-value-removed`, place, `${values(removed)} removed`);
  }

  private compareUnions(side: Side, a: readonly Schema[], b: readonly Schema[], place: Place): void {
    const keysA = variantKeys(a, this.before);
    const keysB = variantKeys(b, this.after);
    const pairs: [number, number][] = [];
    const onlyA: number[] = [];
    a.forEach((_, i) => {
      const j = keysB.indexOf(keysA[i]!);
      if (j !== -1) pairs.push([i, j]);
      else onlyA.push(i);
    });
    let onlyB = b.map((_, j) => j).filter((j) => !keysA.includes(keysB[j]!));
    // One named object on each side and nothing else: a rename, not a swap.
    if (onlyA.length === 1 && onlyB.length === 1 && isNamedObject(a[onlyA[0]!]!, this.before) && isNamedObject(b[onlyB[0]!]!, this.after)) {
      pairs.push([onlyA[0]!, onlyB[0]!]);
      onlyA.length = 0;
      onlyB = [];
    }
    // A variant that became a wider (or narrower) one of another kind, `integer` → `number`: one
    // type change, judged as such, not a variant swapped for another.
    for (const i of [...onlyA]) {
      const ra = resolve(a[i]!, this.before);
      const j = onlyB.find((k) => {
        const rb = resolve(b[k]!, this.after);
        return this.accepts(rb, this.after, ra, this.before) || this.accepts(ra, this.before, rb, this.after);
      });
      if (j === undefined) continue;
      onlyA.splice(onlyA.indexOf(i), 1);
      onlyB = onlyB.filter((k) => k !== j);
      this.compareKinds(side, ra, resolve(b[j]!, this.after), place);
    }
    for (const j of onlyB) {
      this.report(`${side}-union-variant-added`, place, `the union now also takes \`${typeLabel(b[j]!, this.after)}\``);
    }
    for (const i of onlyA) {
      this.report(`${side}-union-variant-removed`, place, `the union no longer takes \`${typeLabel(a[i]!, this.before)}\``);
    }
    // The union's own nullability was compared above; a variant's would repeat it.
    const variantPlace = place.expandable ? { ...place, expanded: true } : place;
    const pair = this.effectivePair(place);
    const rawA = rawVariants(pair?.a);
    const rawB = rawVariants(pair?.b);
    for (const [i, j] of pairs) {
      // Variants map to raw branches one to one, unless the model made them from a type list.
      const raw = rawA?.length === a.length && rawB?.length === b.length ? { raw: { a: rawA[i], b: rawB[j] } } : {};
      const { raw: _union, ...at } = variantPlace;
      this.comparePair(side, resolve(a[i]!, this.before), resolve(b[j]!, this.after), { ...at, ...raw }, false);
    }
  }

  /** Different kinds: is the new type wider or narrower than the old, and is that safe on this side? */
  private compareKinds(side: Side, ra: Resolved, rb: Resolved, place: Place): void {
    const before = typeLabel(ra.schema, this.before);
    const after = typeLabel(rb.schema, this.after);
    const overlap = side === 'request' ? this.overlappingOneOf(rb, place) : undefined;
    if (overlap) {
      this.report('request-type-changed', place, `type changed from \`${before}\` to a \`oneOf\` whose branches overlap (${overlap}): a value that matches both is rejected`);
    } else if (side === 'request' && this.accepts(rb, this.after, ra, this.before)) {
      this.report('request-type-widened', place, `type widened from \`${before}\` to \`${after}\``);
    } else if (side === 'response' && this.accepts(ra, this.before, rb, this.after)) {
      this.report('response-type-narrowed', place, `type narrowed from \`${before}\` to \`${after}\``);
    } else this.report(`${side}-type-changed`, place, `type changed from \`${before}\` to \`${after}\``);
    // A type that became (or stopped being) a union: compare with the variant that matches it.
    const [union, single, unionFirst] =
      rb.schema.kind === 'union' ? [rb.schema, ra, false] : ra.schema.kind === 'union' ? [ra.schema, rb, true] : [undefined, ra, false];
    if (!union) return;
    const components = unionFirst ? this.before : this.after;
    const at = variantKeys(union.variants, components).indexOf(kindKey(single));
    if (at === -1) return;
    const variant = resolve(union.variants[at]!, components);
    // The raw schema there is the matching branch, where the model's variants map to branches.
    const pair = this.effectivePair(place);
    const branches = rawVariants(unionFirst ? pair?.a : pair?.b);
    const { raw: _union, ...rest } = place;
    const branch = branches?.length === union.variants.length ? branches[at] : undefined;
    const inner = pair && branch !== undefined ? { ...rest, raw: unionFirst ? { a: branch, b: place.raw?.b } : { a: place.raw?.a, b: branch } } : rest;
    if (unionFirst) this.comparePair(side, variant, rb, inner, false);
    else this.comparePair(side, ra, variant, inner, false);
  }

  /**
   * A request schema that is now a `oneOf` two of whose branches can match one value: such a value
   * fails `oneOf` (it must match exactly one), so wrapping a body in it is no widening. Says which.
   */
  private overlappingOneOf(rb: Resolved, place: Place): string | undefined {
    const raw = this.effectivePair(place)?.b;
    if (rb.schema.kind !== 'union' || !Array.isArray(raw?.oneOf) || isRaw(raw.discriminator) || !this.raw) return undefined;
    const document = this.raw.after.document;
    const branches = raw.oneOf.map((branch) => effective(branch, document) ?? {});
    for (let i = 0; i < branches.length; i++) {
      for (let j = i + 1; j < branches.length; j++) {
        if (overlaps(branches[i]!, branches[j]!, document)) return `\`${branchLabel(raw.oneOf[i])}\` and \`${branchLabel(raw.oneOf[j])}\``;
      }
    }
    return undefined;
  }

  /** Does `wide` accept every value `narrow` allows? Only the cases a type change can be judged by. */
  private accepts(wide: Resolved, wideIn: Components, narrow: Resolved, narrowIn: Components): boolean {
    const w = wide.schema;
    const n = narrow.schema;
    if (w.kind === 'unknown') return true;
    if (w.kind === 'number' && n.kind === 'integer') return true;
    if (n.kind === 'enum') {
      const types: Record<string, string> = { string: 'string', integer: 'number', number: 'number', boolean: 'boolean' };
      const type = types[w.kind];
      if (type) return n.values.every((v) => typeof v === type && (w.kind !== 'integer' || Number.isInteger(v)));
    }
    if (w.kind === 'union') {
      return w.variants.some((v) => {
        const variant = resolve(v, wideIn);
        return kindKey(variant) === kindKey(narrow) || (variant.schema.kind !== 'union' && this.accepts(variant, wideIn, narrow, narrowIn));
      });
    }
    if (n.kind === 'union') {
      return n.variants.every((v) => {
        const variant = resolve(v, narrowIn);
        return kindKey(variant) === kindKey(wide) || (variant.schema.kind !== 'union' && this.accepts(wide, wideIn, variant, narrowIn));
      });
    }
    return false;
  }

  private reportNullable(side: Side, nowNullable: boolean, place: Place): void {
    if (side === 'response') {
      if (nowNullable) this.report('response-became-nullable', place, `\`${lastSegment(place.path)}\` may now be null`);
      else this.report('response-no-longer-nullable', place, `\`${lastSegment(place.path)}\` is never null now`);
    } else if (nowNullable) this.report('request-became-nullable', place, `\`${lastSegment(place.path)}\` now accepts null`);
    else this.report('request-no-longer-nullable', place, `\`${lastSegment(place.path)}\` no longer accepts null`);
  }

  /** A body that appeared or disappeared (a response's, or a non-object request body). */
  private reportBodyPresence(side: Side, a: Schema | undefined, b: Schema | undefined, place: Place): void {
    if (b) {
      const type = typeLabel(b, this.after);
      if (side === 'response') this.report('response-type-narrowed', place, `the response now has a body (\`${type}\`)`);
      else this.report('request-type-changed', place, `the request now takes a body (\`${type}\`)`);
    } else if (a) {
      const type = typeLabel(a, this.before);
      if (side === 'response') this.report('response-type-changed', place, `the response no longer has a body (was \`${type}\`)`);
      else this.report('request-type-widened', place, `the request no longer takes a body (was \`${type}\`)`);
    }
  }
}

export function child(place: Place, segment: string, raw?: RawPair): Place {
  const path = segment === '[]' || segment === '{}' ? `${place.path}${segment}` : `${place.path}.${segment}`;
  // An expandable array's items are as expandable as the field.
  const { raw: _parent, ...rest } = place;
  return { ...rest, path, depth: place.depth + 1, root: false, expandable: segment === '[]' && place.expandable === true, expanded: false, ...(raw ? { raw } : {}) };
}

function resourceKey(ra: Resolved, rb: Resolved): string {
  return `resource ${ra.name} → ${rb.name}`;
}

/** An expandable field's type as a call that does not expand it sees it: the union minus its named objects. */
function withoutExpansions(schema: Schema, components: Components): Schema {
  const resolved = resolve(schema, components);
  if (resolved.schema.kind !== 'union') return schema;
  const kept = resolved.schema.variants.filter((v) => !isNamedObject(v, components));
  if (kept.length === 0 || kept.length === resolved.schema.variants.length) return schema;
  if (kept.length === 1) return { ...kept[0]!, nullable: resolved.nullable || kept[0]!.nullable };
  return { ...resolved.schema, variants: kept, nullable: resolved.nullable };
}

/** The last property name of a path: `code` in `account.requirements.errors[].code`. */
export function lastSegment(path: string): string {
  const trimmed = path.replace(/(\[\]|\{\})+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('.') + 1);
}

/**
 * Can one value match both raw schemas? Apart are two schemas of types that never meet, and two
 * objects where one requires a property the other closes out (`additionalProperties: false`) or
 * both require one whose values (`enum`, `const`) never meet; otherwise an object with both's
 * required properties matches both.
 */
function overlaps(x: Raw, y: Raw, document: Raw): boolean {
  const types = (s: Raw): string[] | undefined => {
    const listed = Array.isArray(s.type) ? s.type.map(String) : typeof s.type === 'string' ? [s.type] : undefined;
    return listed ?? (s.properties !== undefined ? ['object'] : undefined);
  };
  const tx = types(x);
  const ty = types(y);
  const meet = (t: string, u: string) => t === u || (t === 'integer' && u === 'number') || (t === 'number' && u === 'integer');
  if (tx && ty && !tx.some((t) => ty.some((u) => meet(t, u)))) return false;
  const required = (s: Raw) => (Array.isArray(s.required) ? s.required.map(String) : []);
  const names = (s: Raw) => Object.keys(isRaw(s.properties) ? s.properties : {});
  const closesOut = (s: Raw, other: Raw) => s.additionalProperties === false && required(other).some((n) => !names(s).includes(n));
  if (closesOut(x, y) || closesOut(y, x)) return false;
  const values = (s: Raw, name: string): unknown[] | undefined => {
    const property = effective(rawProperty(s, name), document);
    return property?.const !== undefined ? [property.const] : Array.isArray(property?.enum) ? property.enum : undefined;
  };
  return !required(x).some((name) => {
    const a = values(x, name);
    const b = values(y, name);
    return required(y).includes(name) && a !== undefined && b !== undefined && !a.some((v) => b.includes(v));
  });
}

function branchLabel(branch: unknown): string {
  return componentOf(branch) ?? (isRaw(branch) && typeof branch.type === 'string' ? branch.type : 'schema');
}

function isNamedObject(schema: Schema, components: Components): boolean {
  const resolved = resolve(schema, components);
  return resolved.name !== undefined && resolved.schema.kind === 'object';
}
