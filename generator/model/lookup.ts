// One way to look things up in the IR, for the model, the slicer, the emitters and the diff: the
// component index, references followed safely through cycles, the references a schema holds,
// what a value can be, and Stripe's list envelope (the paging it and other lists have: paging.ts).
import type { NamedSchema, ObjectSchema, Operation, Property, RefSchema, Schema } from './ir.js';

/** Component schemas by name. */
export type ComponentIndex = ReadonlyMap<string, Schema>;

export function componentIndex(schemas: readonly NamedSchema[]): ComponentIndex {
  return new Map(schemas.map((s) => [s.name, s.schema]));
}

/** A schema with its references followed: never `ref`. */
export interface Resolved {
  readonly schema: Exclude<Schema, { kind: 'ref' }>;
  /** Nullable at a reference or at the target: either makes the value nullable. */
  readonly nullable: boolean;
  /** The component the first reference named, if there was one. */
  readonly name?: string;
}

const UNKNOWN: Resolved['schema'] = { kind: 'unknown', nullable: false };

/**
 * Follows references to a shape; a dangling or circular alias cannot be read and is `unknown`.
 * Fields a reference lists as expandable beside its `$ref` join the object's own.
 */
export function resolveRef(schema: Schema, components: ComponentIndex): Resolved {
  let current = schema;
  let nullable = schema.nullable;
  let name: string | undefined;
  const seen = new Set<string>();
  const alsoExpandable: string[] = [];
  while (current.kind === 'ref') {
    alsoExpandable.push(...(current.expandableFields ?? []));
    if (seen.has(current.target)) return { schema: UNKNOWN, nullable, ...(name ? { name } : {}) };
    seen.add(current.target);
    name ??= current.target;
    const target = components.get(current.target);
    if (!target) return { schema: UNKNOWN, nullable, name };
    current = target;
    nullable ||= current.nullable;
  }
  const fields = current.kind === 'object' ? [...new Set([...current.expandableFields, ...alsoExpandable])] : [];
  const shape = current.kind === 'object' && fields.length > current.expandableFields.length ? { ...current, expandableFields: fields } : current;
  return { schema: shape, nullable, ...(name ? { name } : {}) };
}

/** The shape behind a schema (references followed), or undefined for none. */
export function shapeOf(schema: Schema | undefined, components: ComponentIndex): Resolved['schema'] | undefined {
  return schema === undefined ? undefined : resolveRef(schema, components).schema;
}

/**
 * The properties of a plain object: an object schema with properties, or an `allOf` of such (a
 * property is required when any part requires it; a later part's schema wins). Undefined for
 * anything else (arrays, unions, maps, scalars), whose value cannot be spread into named fields.
 */
export function objectPropertiesOf(schema: Schema | undefined, components: ComponentIndex, depth = 0): readonly Property[] | undefined {
  const shape = shapeOf(schema, components);
  if (shape?.kind === 'object') return shape.properties.length > 0 ? shape.properties : undefined;
  if (shape?.kind !== 'intersection' || depth > 20) return undefined;
  const byName = new Map<string, Property>();
  for (const part of shape.parts) {
    const own = shapeOf(part, components);
    const properties = own?.kind === 'object' ? own.properties : objectPropertiesOf(part, components, depth + 1);
    if (!properties) return undefined;
    for (const p of properties) {
      // One part may only require a name another types (an `unknown` placeholder): the type stays.
      const earlier = byName.get(p.name);
      byName.set(p.name, { ...(earlier && p.schema.kind === 'unknown' ? earlier : p), required: p.required || earlier?.required === true });
    }
  }
  return [...byName.values()];
}

/** Every schema an operation uses directly: parameters, request body, responses. */
export function operationSchemas(op: Operation): Schema[] {
  const { path, query, header, cookie } = op.parameters;
  return [
    ...[...path, ...query, ...header, ...cookie].map((p) => p.schema),
    ...(op.requestBody ? [op.requestBody, ...(op.requestBody.alternatives ?? [])].map((b) => b.schema) : []),
    ...[op.success, ...op.errors].flatMap((r) => (r.schema ? [r.schema] : [])),
    ...(op.success.eventSchema ? [op.success.eventSchema] : []),
  ];
}

/**
 * Component names a schema references, not following them. `withExpansions: false` leaves out
 * what an expandable property's id expands to (Stripe's `x-expansionResources`).
 */
export function refsOf(schema: Schema, withExpansions = true): string[] {
  const recurse = (s: Schema) => refsOf(s, withExpansions);
  switch (schema.kind) {
    case 'ref':
      return [schema.target];
    case 'object':
      return [
        ...schema.properties.flatMap((p) => {
          const own = recurse(p.schema);
          const expanded = (p.expansionResources ?? []).flatMap(recurse);
          if (withExpansions) return [...own, ...expanded];
          const skipped = new Set(expanded);
          return own.filter((name) => !skipped.has(name));
        }),
        ...(typeof schema.additionalProperties === 'object' ? recurse(schema.additionalProperties) : []),
      ];
    default:
      return valueParts(schema).flatMap(recurse);
  }
}

/** Names of every component reachable from `roots` by the given edges. */
export function reachableComponents(components: ComponentIndex, roots: readonly Schema[], edges: (schema: Schema) => string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const schema = pending.pop()!;
    for (const target of edges(schema)) {
      if (seen.has(target)) continue;
      seen.add(target);
      const next = components.get(target);
      if (next) pending.push(next);
    }
  }
  return seen;
}

/** What a value of this schema can be, down to object schemas and named references (not followed). */
export function valueShapes(schema: Schema): (ObjectSchema | RefSchema)[] {
  return schema.kind === 'ref' || schema.kind === 'object' ? [schema] : valueParts(schema).flatMap(valueShapes);
}

/** The schemas a value of an array, union or intersection is made of (none for other kinds). */
function valueParts(schema: Schema): readonly Schema[] {
  switch (schema.kind) {
    case 'array':
      return [schema.items];
    case 'union':
      return schema.variants;
    case 'intersection':
      return schema.parts;
    default:
      return [];
  }
}

/**
 * A Stripe-shaped list, `{ object: 'list', data: T[], has_more: boolean }`: returns T. The runtime pages
 * by `data` and `has_more`, so both must always be there. Recognised by its shape alone, in any spec
 * (that shape pages by cursor whoever answers with it); only the `ListObject` name is the profile's.
 */
export function listEnvelopeItem(object: ObjectSchema): Schema | undefined {
  const prop = (name: string) => object.properties.find((p) => p.name === name && p.required)?.schema;
  const kind = prop('object');
  const data = prop('data');
  const isList = kind?.kind === 'enum' && kind.values.length === 1 && kind.values[0] === 'list';
  if (!isList || data?.kind !== 'array' || prop('has_more')?.kind !== 'boolean') return undefined;
  return data.items;
}
