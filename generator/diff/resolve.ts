// Looking through names: the diff compares what a schema *is*, so a `$ref` is followed to its
// target, an `allOf` of objects is read as one object, and a renamed component compares equal to
// its old self when the shapes match.
import type { ApiModel, ObjectSchema, Property, Schema } from '../model/ir.js';
import { componentIndex, resolveRef, type ComponentIndex, type Resolved as ResolvedRef } from '../model/lookup.js';

export type Components = ComponentIndex;

export function componentsOf(model: ApiModel): Components {
  return componentIndex(model.schemas);
}

/** Component name → the TypeScript type the generator exports for it. */
export function typeNamesOf(model: ApiModel): ReadonlyMap<string, string> {
  return new Map(model.schemas.map((s) => [s.name, s.typeName]));
}

/** A schema with its references followed (a dangling or circular alias compares as unknown), and never an `allOf` of objects. */
export interface Resolved extends ResolvedRef {
  /** Stripe's `x-resourceId`: an API resource, which the report names its changes after. */
  readonly resource?: string;
}

export function resolve(schema: Schema, components: Components): Resolved {
  const { schema: current, ...found } = resolveRef(schema, components);
  if (current.kind === 'intersection') {
    // A part that says nothing of the value (only a title or a description) constrains nothing:
    // `allOf: [{$ref: X}, {description: …}]` is X.
    const parts = current.parts.filter((part) => !unconstrained(resolveRef(part, components).schema));
    if (parts.length === 1 && parts.length < current.parts.length) {
      const only = resolve(parts[0]!, components);
      return { ...only, nullable: only.nullable || found.nullable, ...(found.name ? { name: found.name } : {}) };
    }
  }
  const shape = current.kind === 'intersection' ? mergeParts(current, components) ?? current : current;
  const resource = shape.kind === 'object' ? shape.resourceId : undefined;
  return { schema: shape, ...found, ...(resource ? { resource } : {}) };
}

function unconstrained(schema: Schema): boolean {
  return schema.kind === 'unknown' && !schema.nullable;
}

/** `allOf` of objects → one object with every part's properties; anything else stays as it is. */
function mergeParts(schema: Extract<Schema, { kind: 'intersection' }>, components: Components): ObjectSchema | undefined {
  const parts = schema.parts.map((part) => resolve(part, components).schema).filter((part) => !unconstrained(part));
  if (!parts.every((p): p is ObjectSchema => p.kind === 'object')) return undefined;
  const properties = new Map<string, Property>();
  for (const part of parts) {
    for (const property of part.properties) {
      const earlier = properties.get(property.name);
      properties.set(property.name, { ...property, required: property.required || (earlier?.required ?? false) });
    }
  }
  const open = parts.find((p) => p.additionalProperties !== false)?.additionalProperties ?? false;
  const resourceId = parts.find((p) => p.resourceId)?.resourceId;
  return {
    kind: 'object',
    nullable: schema.nullable,
    properties: [...properties.values()],
    additionalProperties: open,
    expandableFields: [...new Set(parts.flatMap((p) => p.expandableFields))],
    ...(resourceId ? { resourceId } : {}),
  };
}

/** A short name for a schema's type, for messages: `string`, `array of integer`, `'a' | 'b'`. */
export function typeLabel(schema: Schema | undefined, components: Components, depth = 0): string {
  if (!schema) return 'no body';
  if (schema.kind === 'ref') {
    const target = resolve(schema, components);
    return target.schema.kind === 'object' || depth > 0 ? schema.target : typeLabel(target.schema, components, depth + 1);
  }
  switch (schema.kind) {
    case 'enum': {
      const shown = schema.values.slice(0, 4).map((v) => JSON.stringify(v).replace(/"/g, "'"));
      return schema.values.length > 4 ? `${shown.join(' | ')} | … (${schema.values.length} values)` : shown.join(' | ') || 'never';
    }
    case 'array':
      return depth > 2 ? 'array' : `array of ${typeLabel(schema.items, components, depth + 1)}`;
    case 'union':
      return depth > 2 ? 'union' : schema.variants.map((v) => typeLabel(v, components, depth + 1)).join(' | ');
    case 'intersection':
      return depth > 2 ? 'intersection' : schema.parts.map((p) => typeLabel(p, components, depth + 1)).join(' & ');
    case 'object':
      return schema.properties.length === 0 && schema.additionalProperties !== false ? 'map' : 'object';
    default:
      return schema.kind;
  }
}

/**
 * What a union variant is, independent of the component's name, to pair the variants of two
 * versions: a resource by its resource id, a named object by its name, anything else by its kind.
 * A second variant of the same key gets `#2`, and so on.
 */
export function variantKeys(variants: readonly Schema[], components: Components): string[] {
  const counts = new Map<string, number>();
  return variants.map((variant) => {
    const base = kindKey(resolve(variant, components));
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

export function kindKey(resolved: Resolved): string {
  if (resolved.resource) return `resource ${resolved.resource}`;
  if (resolved.name && resolved.schema.kind === 'object') return `object ${resolved.name}`;
  return resolved.schema.kind;
}
