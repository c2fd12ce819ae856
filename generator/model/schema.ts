// OpenAPI Schema Object (3.0 §4.7.24, 3.1 §4.8.24) → IR Schema. Component references stay named;
// 3.0 `nullable`, 3.1 `type: [..., 'null']` and `anyOf` with a null branch all become `nullable`.
import { escapePointerToken, type Problem } from '../errors.js';
import type { ParentOfVariant, Polymorphism } from '../parse/polymorphism.js';
import { componentSchemaName, resolveLocalRef } from '../parse/refs.js';
import type { PagingDeclaration } from '../parse/paging-files.js';
import type { Profile } from '../profiles/profile.js';
import type { ObjectSchema, Property, Schema } from './ir.js';

export interface ModelContext {
  readonly file: string;
  readonly document: Record<string, unknown>;
  readonly warnings: Problem[];
  /** Non-component references being inlined, to stop on a cycle. */
  readonly inlining: Set<string>;
  /** Component schemas already converted, by name (filled before operations are read). */
  readonly components: Map<string, Schema>;
  /** Variants of union parents they extend (the discriminator pattern). */
  readonly polymorphism: Polymorphism;
  /** The vendor conventions chosen for this document. */
  readonly profile: Profile;
  /** Paging declared by `--paging` files, by operationId or `METHOD /path`. */
  readonly paging?: ReadonlyMap<string, PagingDeclaration>;
}

type Raw = Record<string, unknown>;

const PRIMITIVE_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array', 'null']);

export function toSchema(raw: unknown, pointer: string, ctx: ModelContext): Schema {
  if (raw === true || raw === undefined) return { kind: 'unknown', nullable: false };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    ctx.warnings.push({ file: ctx.file, pointer, message: 'schema is not an object; typed as unknown' });
    return { kind: 'unknown', nullable: false };
  }
  const node = raw as Raw;
  if (typeof node.$ref === 'string') {
    const ref = fromRef(node.$ref, pointer, ctx);
    const beside = stringsOf(node['x-expandableFields']);
    return ref.kind === 'ref' && beside.length > 0 ? { ...ref, expandableFields: beside } : ref;
  }
  const common = commonOf(node);
  const schema = fromShape(node, pointer, ctx);
  return { ...schema, ...common, nullable: schema.nullable || common.nullable };
}

function fromRef(ref: string, pointer: string, ctx: ModelContext): Schema {
  const target = componentSchemaName(ref);
  if (target !== undefined) return { kind: 'ref', target, nullable: false };
  // A reference to some other place (a path's schema, a parameter's): inline what it points at.
  if (ctx.inlining.has(ref)) {
    ctx.warnings.push({ file: ctx.file, pointer, message: `cyclic $ref '${ref}' outside components/schemas; typed as unknown` });
    return { kind: 'unknown', nullable: false };
  }
  ctx.inlining.add(ref);
  try {
    return toSchema(resolveLocalRef(ctx.document, ref), ref, ctx);
  } finally {
    ctx.inlining.delete(ref);
  }
}

function commonOf(node: Raw): { nullable: boolean; description?: string; deprecated?: boolean } {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const nullable = node.nullable === true || types.includes('null') || (Array.isArray(node.enum) && node.enum.includes(null));
  return {
    nullable,
    ...(typeof node.description === 'string' && node.description !== '' ? { description: node.description } : {}),
    ...(node.deprecated === true ? { deprecated: true } : {}),
  };
}

function fromShape(node: Raw, pointer: string, ctx: ModelContext): Schema {
  for (const keyword of ['not', 'if', 'patternProperties', 'prefixItems'] as const) {
    if (node[keyword] !== undefined) {
      const effect = keyword === 'patternProperties' ? 'the keys it matches are typed `unknown`' : 'it is ignored';
      ctx.warnings.push({ file: ctx.file, pointer: `${pointer}/${keyword}`, message: `'${keyword}' is not supported; ${effect}` });
    }
  }
  if (Array.isArray(node.allOf)) return fromAllOf(node, pointer, ctx);
  const alternatives = Array.isArray(node.anyOf) ? 'anyOf' : Array.isArray(node.oneOf) ? 'oneOf' : undefined;
  if (alternatives) return withOwnPart(node, fromAlternatives(node, alternatives, pointer, ctx), pointer, ctx);
  if (node.const !== undefined) return fromEnum([node.const]);
  if (Array.isArray(node.enum)) return fromEnum(node.enum);

  const types = (Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type]).filter((t) => t !== 'null');
  for (const type of types) {
    if (typeof type !== 'string' || !PRIMITIVE_TYPES.has(type)) {
      ctx.warnings.push({ file: ctx.file, pointer: `${pointer}/type`, message: `unknown type ${JSON.stringify(type)}; typed as unknown` });
      return { kind: 'unknown', nullable: false };
    }
  }
  if (types.length > 1) {
    // 3.1 `type: [string, integer]`: one variant per type, each with the keywords that apply to it.
    const variants = types.map((type) => fromType(type as string, node, pointer, ctx));
    return { kind: 'union', variants, nullable: false };
  }
  const type = types[0] ?? inferType(node);
  return type === undefined ? { kind: 'unknown', nullable: false } : fromType(type, node, pointer, ctx);
}

function inferType(node: Raw): string | undefined {
  if (node.properties !== undefined || node.additionalProperties !== undefined || Array.isArray(node.required)) return 'object';
  if (node.items !== undefined) return 'array';
  return undefined;
}

function fromType(type: string, node: Raw, pointer: string, ctx: ModelContext): Schema {
  const format = typeof node.format === 'string' ? { format: node.format } : {};
  switch (type) {
    case 'string':
      return { kind: 'string', nullable: false, ...format };
    case 'integer':
    case 'number':
      return { kind: type, nullable: false, ...format };
    case 'boolean':
      return { kind: 'boolean', nullable: false };
    case 'array':
      return { kind: 'array', nullable: false, items: toSchema(node.items, `${pointer}/items`, ctx) };
    default:
      return fromObject(node, pointer, ctx);
  }
}

function fromEnum(values: readonly unknown[]): Schema {
  const literals = values.filter(
    (v): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean',
  );
  // An enum of objects or arrays has no literal type; `never` would reject every real value.
  const allowsOthers = values.some((v) => v !== null && typeof v === 'object');
  return allowsOthers ? { kind: 'unknown', nullable: false } : { kind: 'enum', nullable: false, values: literals };
}

function fromObject(node: Raw, pointer: string, ctx: ModelContext): ObjectSchema {
  const required = new Set(Array.isArray(node.required) ? node.required.filter((r) => typeof r === 'string') : []);
  const rawProperties = (node.properties ?? {}) as Raw;
  // Declared order is kept: it is the author's reading order, and stable for a given spec.
  const declared: Property[] = Object.keys(rawProperties).map((name) => toProperty(name, rawProperties[name], required.has(name), `${pointer}/properties/${escapePointerToken(name)}`, ctx));
  // A name `required` lists without declaring it must still be there: beside an `allOf` (or in one
  // of its parts) another part declares it, and the intersection then types it and requires it;
  // on its own, any value will do. Dropped, it left such fields optional (DigitalOcean's uptime
  // check: `name`, `type`, `target` required beside an `allOf`, all optional in the params).
  const undeclared: Property[] = [...required].filter((name) => !Object.hasOwn(rawProperties, name)).map((name) => ({ name, required: true, schema: { kind: 'unknown', nullable: false } }));
  const properties = [...declared, ...undeclared];
  const extra = node.additionalProperties;
  // Keys matched by `patternProperties` are allowed even though their pattern cannot be typed.
  // A bare `type: object` (no properties listed at all, such as an event's `data.object`) holds
  // any object; one that lists its properties, even none, is read as closed.
  // A schema that only lists `required` names (an `allOf` part that makes another's fields required)
  // adds those names and no others.
  const onlyRequired = node.properties === undefined && node.type === undefined && node.required !== undefined;
  const open = (node.patternProperties !== undefined || node.properties === undefined) && extra !== false && !onlyRequired;
  const additionalProperties =
    extra === undefined || extra === false ? open : extra === true ? true : toSchema(extra, `${pointer}/additionalProperties`, ctx);
  const expandable = node['x-expandableFields'];
  const object: ObjectSchema = {
    kind: 'object',
    nullable: false,
    properties,
    additionalProperties,
    expandableFields: stringsOf(expandable),
    ...(typeof node['x-resourceId'] === 'string' ? { resourceId: node['x-resourceId'] } : {}),
    ...(typeof node.title === 'string' ? { title: node.title } : {}),
  };
  const envelope = ctx.profile.envelopeOf(object);
  return envelope ? { ...object, envelope } : object;
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((f): f is string => typeof f === 'string') : [];
}

function toProperty(name: string, raw: unknown, required: boolean, pointer: string, ctx: ModelContext): Property {
  const schema = toSchema(raw, pointer, ctx);
  const expansion = (raw as Raw | null)?.['x-expansionResources'] as Raw | undefined;
  const resources = Array.isArray(expansion?.oneOf)
    ? expansion.oneOf.map((r, i) => toSchema(r, `${pointer}/x-expansionResources/oneOf/${i}`, ctx))
    : undefined;
  return { name, required, schema, ...(resources ? { expansionResources: resources } : {}) };
}

function fromAlternatives(node: Raw, keyword: 'anyOf' | 'oneOf', pointer: string, ctx: ModelContext): Schema {
  const raws = node[keyword] as unknown[];
  const nullBranch = raws.some((r) => (r as Raw | null)?.type === 'null');
  const variants = raws
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => (r as Raw | null)?.type !== 'null')
    .map(({ r, i }) => toSchema(r, `${pointer}/${keyword}/${i}`, ctx));
  // A lone variant is Stripe's way of attaching `nullable` or a description to a $ref.
  if (variants.length === 1) {
    const only = variants[0]!;
    return { ...only, nullable: only.nullable || nullBranch };
  }
  if (variants.length === 0) return { kind: 'unknown', nullable: nullBranch };
  const discriminator = node.discriminator as Raw | undefined;
  const mapping = (discriminator?.mapping ?? {}) as Record<string, unknown>;
  return {
    kind: 'union',
    nullable: nullBranch,
    variants,
    ...(typeof discriminator?.propertyName === 'string'
      ? {
          discriminator: {
            property: discriminator.propertyName,
            mapping: Object.fromEntries(
              Object.keys(mapping)
                .sort()
                .map((k) => [k, componentSchemaName(String(mapping[k])) ?? String(mapping[k])]),
            ),
          },
        }
      : {}),
  };
}

/**
 * Properties and `required` beside a `oneOf`/`anyOf` hold for every variant: the value is that
 * object and one of the variants (`Pet: { id, name, oneOf: [Dog, Cat] }` is `{ id; name } & (Dog
 * | Cat)`). Variants that extend the schema themselves (`Cat: allOf [Pet, …]`, the discriminator
 * pattern of parse/polymorphism.ts) have those properties already.
 */
function withOwnPart(node: Raw, union: Schema, pointer: string, ctx: ModelContext): Schema {
  const { oneOf: _oneOf, anyOf: _anyOf, discriminator: _discriminator, description: _description, nullable: _nullable, ...rest } = node;
  if (rest.properties === undefined && rest.required === undefined) return union;
  const name = pointer.startsWith('#/components/schemas/') ? componentSchemaName(pointer) : undefined;
  const variants = [...(Array.isArray(node.oneOf) ? node.oneOf : []), ...(Array.isArray(node.anyOf) ? node.anyOf : [])];
  const extendsThis = (variant: unknown) => {
    const ref = (variant as Raw | null)?.$ref;
    const target = typeof ref === 'string' ? componentSchemaName(ref) : undefined;
    return name !== undefined && target !== undefined && ctx.polymorphism.get(target)?.has(name) === true;
  };
  if (variants.length > 0 && variants.every(extendsThis)) return union;
  return { kind: 'intersection', nullable: union.nullable, parts: [fromObject(rest, pointer, ctx), { ...union, nullable: false }] };
}

/** When `pointer` is a component that is a variant of union parents: those parents. */
function variantParents(pointer: string, ctx: ModelContext): ReadonlyMap<string, ParentOfVariant> | undefined {
  const name = pointer.startsWith('#/components/schemas/') ? componentSchemaName(pointer) : undefined;
  return name === undefined ? undefined : ctx.polymorphism.get(name);
}

/**
 * What a variant takes from its union parent: the parent without its `oneOf`/`anyOf` (its own
 * properties), and the discriminator narrowed to this variant's value, so that checking the
 * value narrows the parent's union to this variant.
 */
function parentBase(parent: string, of: ParentOfVariant, ctx: ModelContext): Schema[] {
  const pointer = `#/components/schemas/${escapePointerToken(parent)}`;
  const raw = ((((ctx.document.components ?? {}) as Raw).schemas ?? {}) as Raw)[parent] as Raw;
  const { oneOf: _oneOf, anyOf: _anyOf, discriminator: _discriminator, description: _description, ...base } = raw;
  const own = base.properties !== undefined || base.allOf !== undefined || base.additionalProperties !== undefined ? [toSchema(base, pointer, ctx)] : [];
  if (!of.discriminator) return own;
  const narrowed: ObjectSchema = {
    kind: 'object',
    nullable: false,
    properties: [{ name: of.discriminator.property, required: true, schema: { kind: 'enum', nullable: false, values: [of.discriminator.value] } }],
    additionalProperties: false,
    expandableFields: [],
  };
  return [...own, narrowed];
}

/** Keywords a TypeScript type does not express: annotations, and checks of a value's size or form. */
const UNTYPED_KEYWORDS = new Set([
  ...['description', 'title', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', 'externalDocs', '$comment'],
  ...['minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  ...['minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties'],
]);

/** An `allOf` part that only annotates or checks (`- description: …`, `- maxLength: 16`): it adds nothing to the type. */
const annotatesOnly = (part: unknown): boolean =>
  part !== null && typeof part === 'object' && !Array.isArray(part) && Object.keys(part).every((k) => UNTYPED_KEYWORDS.has(k) || k.startsWith('x-'));

function fromAllOf(node: Raw, pointer: string, ctx: ModelContext): Schema {
  const parents = variantParents(pointer, ctx);
  const annotations = (node.allOf as unknown[]).filter(annotatesOnly) as Raw[];
  // The description a part gives, when the schema has none of its own (`- description: The image.`).
  const described = annotations.map((a) => a.description).find((d): d is string => typeof d === 'string' && d !== '');
  const kept = (node.allOf as unknown[]).map((r, i) => ({ r, i })).filter(({ r }) => !annotatesOnly(r));
  const parts = kept.flatMap(({ r, i }) => {
    const ref = (r as Raw | null)?.$ref;
    const parent = typeof ref === 'string' ? componentSchemaName(ref) : undefined;
    const of = parent === undefined ? undefined : parents?.get(parent);
    return of ? parentBase(parent!, of, ctx) : [toSchema(r, `${pointer}/allOf/${i}`, ctx)];
  });
  // Sibling keywords next to allOf (properties, required) form one more part.
  const { allOf: _allOf, description: _description, nullable: _nullable, ...rest } = node;
  if (rest.properties !== undefined || rest.required !== undefined) parts.push(fromObject(rest, pointer, ctx));
  const description = described === undefined ? {} : { description: described };
  if (parts.length === 0) return { kind: 'unknown', nullable: false, ...description };
  if (parts.length === 1) return { ...parts[0]!, ...description };
  const rawParts = [...kept.map(({ r }) => r), ...(parts.length > kept.length ? [rest] : [])];
  // A parent's base can add parts (polymorphism): then the raw parts no longer line up with them.
  const omitted = rawParts.length === parts.length ? openArraysNarrowed(rawParts, ctx) : [];
  return { kind: 'intersection', nullable: false, parts, ...(omitted.length > 0 ? { omitted } : {}), ...description };
}

/**
 * Which parts of an `allOf` declare a property as an array of open items (`items: { type: object }`
 * or none) that another part declares with specific items: a generic wrapper's `data: object[]`
 * beside `data: Station[]`. Read from the document (references followed), so it holds for
 * components not yet modelled.
 */
function openArraysNarrowed(rawParts: readonly unknown[], ctx: ModelContext): { part: number; properties: string[] }[] {
  const arrays = rawParts.map((raw) => {
    const properties = (followRefs(raw, ctx)?.properties ?? {}) as Raw;
    const out = new Map<string, boolean>();
    for (const [name, value] of Object.entries(properties)) {
      const property = followRefs(value, ctx);
      if (property?.type === 'array') out.set(name, isOpenItem(followRefs(property.items, ctx)));
    }
    return out;
  });
  const specific = new Set(arrays.flatMap((m) => [...m].filter(([, open]) => !open).map(([name]) => name)));
  return arrays.flatMap((m, part) => {
    const properties = [...m].filter(([name, open]) => open && specific.has(name)).map(([name]) => name).sort();
    return properties.length > 0 ? [{ part, properties }] : [];
  });
}

/** A raw schema with its `$ref`s followed (within the document), or undefined for none. */
function followRefs(raw: unknown, ctx: ModelContext): Raw | undefined {
  let node = raw;
  for (let depth = 0; depth < 20 && typeof (node as Raw | null)?.$ref === 'string'; depth++) node = resolveLocalRef(ctx.document, (node as Raw).$ref as string);
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Raw) : undefined;
}

/** Items that say nothing of the item: none, `{}`, or an object with no properties or composition of its own. */
function isOpenItem(items: Raw | undefined): boolean {
  if (items === undefined) return true;
  const says = ['properties', 'allOf', 'oneOf', 'anyOf', 'enum', 'items', 'const'].some((k) => items[k] !== undefined);
  const extra = items.additionalProperties;
  return !says && (items.type === undefined || items.type === 'object') && (extra === undefined || extra === true || (typeof extra === 'object' && Object.keys(extra as object).length === 0));
}

