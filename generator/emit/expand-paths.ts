// Which `expand[]` values a response accepts, computed from the IR: Stripe's `x-expandableFields`
// (fields a path may name) and `x-expansionResources` (fields that hold an id until expanded).
// Each path is a list of field names joined by dots, at most MAX_EXPAND_DEPTH long, ending at a
// field that can hold an id; the fields before it are nested objects, list `data` arrays or
// other expandable ids (Stripe expands those on the way).
import type { ApiModel, ObjectSchema, Property, Schema } from '../model/ir.js';

/** Stripe refuses expansions more than four levels deep (`data.invoice.subscription.default_source`). */
export const MAX_EXPAND_DEPTH = 4;

export interface PathFinder {
  /** Every expand path a response of this schema accepts, sorted by code unit. */
  readonly pathsOf: (schema: Schema) => readonly string[];
}

export function pathFinder(model: ApiModel): PathFinder {
  const schemas = new Map(model.schemas.map((s) => [s.name, s.schema]));
  // Paths of a named schema at a given depth are the same wherever it appears: computed once
  // (depth falls by one per step, so cycles end and a schema never waits on itself).
  const memo = new Map<string, readonly string[]>();

  /** The object schemas a value of this schema can be (through refs, unions, allOf, arrays). */
  function objectsOf(schema: Schema | undefined, seen: ReadonlySet<string> = new Set()): ObjectSchema[] {
    switch (schema?.kind) {
      case 'ref':
        return seen.has(schema.target) ? [] : objectsOf(schemas.get(schema.target), new Set([...seen, schema.target]));
      case 'object':
        return [schema];
      case 'array':
        return objectsOf(schema.items, seen);
      case 'union':
        return schema.variants.flatMap((v) => objectsOf(v, seen));
      case 'intersection':
        return schema.parts.flatMap((p) => objectsOf(p, seen));
      default:
        return [];
    }
  }

  function pathsOf(schema: Schema, depth: number): readonly string[] {
    if (depth === 0) return [];
    const key = schema.kind === 'ref' ? `${schema.target}\u0000${depth}` : undefined;
    const known = key === undefined ? undefined : memo.get(key);
    if (known) return known;
    const found = new Set<string>();
    for (const object of objectsOf(schema)) {
      for (const property of expandableProperties(object)) {
        const holdsId = holdsExpandableId(property);
        if (holdsId) found.add(property.name);
        for (const next of nextSchemas(property)) {
          for (const rest of pathsOf(next, depth - 1)) found.add(`${property.name}.${rest}`);
        }
      }
    }
    const paths = [...found].sort(byCodeUnit);
    if (key !== undefined) memo.set(key, paths);
    return paths;
  }

  return { pathsOf: (schema) => pathsOf(schema, MAX_EXPAND_DEPTH) };
}

/**
 * The properties a path may name: those in `x-expandableFields`, and a list envelope's `data`
 * (Stripe always accepts `data.…` on lists, but a list schema kept as a component loses the
 * `x-expandableFields: [data]` written beside its `$ref`). A name with a dot cannot be a segment.
 */
function expandableProperties(object: ObjectSchema): Property[] {
  const named = new Set(object.expandableFields);
  if (isListEnvelope(object)) named.add('data');
  return object.properties.filter((p) => named.has(p.name) && p.name !== '' && !p.name.includes('.'));
}

function isListEnvelope(object: ObjectSchema): boolean {
  const data = object.properties.find((p) => p.name === 'data');
  const kind = object.properties.find((p) => p.name === 'object')?.schema;
  return data?.schema.kind === 'array' && kind?.kind === 'enum' && kind.values.length === 1 && kind.values[0] === 'list';
}

/**
 * Whether the field holds an id that expansion replaces: it names `x-expansionResources`, or it is
 * an array of `string | object` (Stripe puts `x-expansionResources` on the items there, e.g. an
 * invoice's `discounts`, and the IR keeps it only on properties).
 */
function holdsExpandableId(property: Property): boolean {
  if (property.expansionResources && property.expansionResources.length > 0) return true;
  const items = property.schema.kind === 'array' ? property.schema.items : undefined;
  return items?.kind === 'union' && items.variants.some((v) => v.kind === 'string') && items.variants.some((v) => v.kind !== 'string');
}

/** Where a path continues after this field: the expanded resources, or the field's own objects. */
function nextSchemas(property: Property): readonly Schema[] {
  if (property.expansionResources && property.expansionResources.length > 0) return property.expansionResources;
  return [property.schema];
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
