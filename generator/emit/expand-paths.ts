// Which `expand[]` values a response accepts, computed from the IR: a path names fields joined by
// dots, each one listed in its object's `x-expandableFields` (an id that expands, a nested object
// or a list), at most MAX_EXPAND_DEPTH of them. A field's path goes on into what it expands to
// (`x-expansionResources`) or into its own object.
//
// The accepted paths are written as one string-literal union per named schema and depth, joined by
// template literal types: `'customer' | `invoice.${InvoiceExpandPath3}``. Written out flat, the
// whole Stripe API has 76,000 paths (4 MB of unions); composed, each schema lists its own fields
// once per depth it is reached at.
import type { ApiModel, ObjectSchema, Property, Schema } from '../model/ir.js';
import { listEnvelopeItem, valueShapes } from '../model/lookup.js';
import { expandPathTypeName } from '../naming/generated-names.js';

/** Stripe refuses expansions more than four levels deep (`data.invoice.subscription.default_source`). */
export const MAX_EXPAND_DEPTH = 4;

/** One union: the paths of a named schema, at most `depth` levels deep. */
export interface PathAlias {
  readonly name: string;
  /** The schema's type name. */
  readonly typeName: string;
  readonly depth: number;
  /** Union members as type text: `'ownership'`, `` `ownership.${OwnershipExpandPath}` ``. */
  readonly members: readonly string[];
  /** The other aliases its members name. */
  readonly references: readonly string[];
}

export interface PathAliases {
  /**
   * The alias of the paths a response of this schema accepts, created (with the aliases it needs)
   * on first use; undefined when nothing in it can be expanded. `inlineName` names it when the
   * schema is not a named one.
   */
  readonly rootAlias: (schema: Schema, inlineName: string) => string | undefined;
  /** Every alias created so far, in creation order. */
  readonly all: () => readonly PathAlias[];
}

/** `taken`: type names the aliases must not take. */
export function pathAliases(model: ApiModel, taken: ReadonlySet<string>): PathAliases {
  const schemas = new Map(model.schemas.map((s) => [s.name, s]));
  const names = new Set(taken);
  const aliases = new Map<string, PathAlias>(); // by `${schema}\0${depth}`
  const heights = new Map<string, number>();

  /** How deep the paths of a named schema go, up to `cap` levels. */
  function heightOf(schemaName: string, cap: number): number {
    const key = `${schemaName}\u0000${cap}`;
    let height = heights.get(key);
    if (height === undefined) {
      heights.set(key, 0); // a reference cycle at one depth adds no level
      const schema = schemas.get(schemaName)?.schema;
      height = schema ? heightBelow(schema, cap) : 0;
      heights.set(key, height);
    }
    return height;
  }

  function heightBelow(schema: Schema, cap: number): number {
    if (cap === 0) return 0;
    let height = 0;
    for (const part of valueShapes(schema)) {
      if (part.kind === 'ref') height = Math.max(height, heightOf(part.target, cap));
      else for (const p of expandableProperties(part)) height = Math.max(height, 1 + Math.max(0, ...nextSchemas(p).map((n) => heightBelow(n, cap - 1))));
    }
    return height;
  }

  /** The alias for a named schema's paths up to `depth`; undefined when it has none. */
  function aliasFor(schemaName: string, depth: number): PathAlias | undefined {
    const full = heightOf(schemaName, MAX_EXPAND_DEPTH);
    if (full === 0) return undefined;
    // Past its own height a schema's paths stop changing: every deeper request shares one alias.
    const effective = Math.min(depth, full);
    const key = `${schemaName}\u0000${effective}`;
    const known = aliases.get(key);
    if (known) return known;
    const named = schemas.get(schemaName)!;
    const { members, references } = membersAndReferences(named.schema, effective);
    const alias: PathAlias = {
      name: expandPathTypeName(named.typeName, effective === full ? undefined : effective, names),
      typeName: named.typeName,
      depth: effective,
      members,
      references,
    };
    aliases.set(key, alias);
    return alias;
  }

  /** A union's members, with the aliases they name (made on the way). */
  function membersAndReferences(schema: Schema, depth: number): { members: string[]; references: string[] } {
    const references = new Set<string>();
    const members = membersOf(schema, depth, (target, d) => {
      const alias = aliasFor(target, d);
      if (alias) references.add(alias.name);
      return alias?.name;
    });
    return { members, references: [...references] };
  }

  function rootAlias(schema: Schema, inlineName: string): string | undefined {
    if (schema.kind === 'ref') return aliasFor(schema.target, MAX_EXPAND_DEPTH)?.name;
    const { members, references } = membersAndReferences(schema, MAX_EXPAND_DEPTH);
    if (members.length === 0) return undefined;
    const name = expandPathTypeName(inlineName, undefined, names);
    aliases.set(`\u0000inline\u0000${name}`, { name, typeName: inlineName, depth: MAX_EXPAND_DEPTH, members, references });
    return name;
  }

  return { rootAlias, all: () => [...aliases.values()] };
}

type AliasRef = (schemaName: string, depth: number) => string | undefined;

/**
 * The union members for the paths of a schema up to `depth`. Named schemas further down are
 * referred to through `ref` (an alias name, or undefined when they have no paths); inline objects
 * are written in place.
 */
function membersOf(schema: Schema, depth: number, ref: AliasRef): string[] {
  if (depth === 0) return [];
  const members: string[] = [];
  for (const part of valueShapes(schema)) {
    if (part.kind === 'ref') {
      const name = ref(part.target, depth);
      if (name !== undefined) members.push(name);
      continue;
    }
    for (const property of expandableProperties(part)) {
      const rest = unique(nextSchemas(property).flatMap((next) => membersOf(next, depth - 1, ref)));
      members.push(`'${property.name}'`);
      members.push(...prefixed(property.name, rest));
    }
  }
  return unique(members);
}

/**
 * `name.` before each member, kept flat: `'owners.data'`, `` `data.account_holder.${A}` `` and one
 * template for the alias names, `` `account.${A | B}` ``.
 */
function prefixed(name: string, members: readonly string[]): string[] {
  const literals = members.filter((m) => m.startsWith("'")).map((m) => `'${name}.${m.slice(1)}`);
  const templates = members.filter((m) => m.startsWith('`')).map((m) => `\`${name}.${m.slice(1)}`);
  const aliases = members.filter((m) => !m.startsWith("'") && !m.startsWith('`'));
  return [...literals, ...templates, ...(aliases.length > 0 ? [`\`${name}.\${${aliases.join(' | ')}}\``] : [])];
}

/**
 * The properties a path may name, by name: those in `x-expandableFields`, and a list envelope's
 * `data` (Stripe accepts `data.…` on every list, but a list schema kept as a component loses the
 * `x-expandableFields: [data]` written beside its `$ref`). Only plain names (letters, digits, `_`,
 * `-`) can be segments: a dot would split one, and these need no escaping in a literal type.
 */
function expandableProperties(object: ObjectSchema): Property[] {
  const named = new Set(object.expandableFields);
  if (listEnvelopeItem(object) !== undefined) named.add('data');
  return object.properties
    .filter((p) => named.has(p.name) && /^[\w-]+$/.test(p.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Where a path goes on after this field: into what the id expands to, or into the field's own value. */
function nextSchemas(property: Property): readonly Schema[] {
  if (property.expansionResources && property.expansionResources.length > 0) return property.expansionResources;
  return [property.schema];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
