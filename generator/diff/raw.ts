// The parsed document beside the model. The IR carries what the emitters need (types, names,
// nullability); a client also meets what it leaves out: validation keywords, defaults, readOnly
// and writeOnly, the JSON Schema 2020-12 keywords, every media type, response headers, security
// per operation, lifecycle extensions. The diff reads those from the raw document, at the same
// places the model comparison walks, so they are reported with the same paths and impact, and the
// IR stays what the emitters need (see ARCHITECTURE.md, "the diff").
import { escapePointerToken } from '../errors.js';
import type { ApiModel, Schema } from '../model/ir.js';
import { componentIndex, type ComponentIndex } from '../model/lookup.js';
import { toSchema, type ModelContext } from '../model/schema.js';
import { findPolymorphism } from '../parse/polymorphism.js';
import { componentSchemaName, resolveLocalRef } from '../parse/refs.js';
import { profileFor } from '../profiles/choose.js';

export type Raw = Readonly<Record<string, unknown>>;

/** One version's parsed document, and a way to model any schema in it as the generator would. */
export interface RawSide {
  readonly document: Raw;
  /** A raw schema → IR, as `npm run generate` models it (for schemas the model does not hold: `then`, another media type). */
  readonly model: (schema: unknown, pointer: string) => Schema;
  /** Every component of the whole document: what `model` refers to may lie outside an `--include` slice. */
  readonly components: ComponentIndex;
}

export function rawSide(document: Raw, model: ApiModel): RawSide {
  const components = componentIndex(model.schemas);
  const ctx: ModelContext = {
    file: '',
    document: document as Record<string, unknown>,
    // The generation reports these; the diff has nothing to add.
    warnings: [],
    inlining: new Set(),
    components: new Map(components),
    polymorphism: findPolymorphism(document as Record<string, unknown>),
    profile: profileFor(document),
  };
  return {
    document,
    components,
    model: (schema, pointer) => {
      ctx.warnings.length = 0;
      return toSchema(schema, pointer, ctx);
    },
  };
}

export function isRaw(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The object a local `$ref` points at (siblings of the `$ref` win, as 3.1 reads them), else the node. */
export function deref(node: unknown, document: Raw): Raw | undefined {
  let current = node;
  for (let hops = 0; isRaw(current) && typeof current.$ref === 'string' && hops < 32; hops++) {
    const { $ref: ref, ...siblings } = current;
    const target = resolveLocalRef(document, ref as string);
    if (!isRaw(target)) return undefined;
    current = Object.keys(siblings).length > 0 ? { ...target, ...siblings } : target;
  }
  return isRaw(current) ? current : undefined;
}

/** The component a node names with its `$ref`, if it does. */
export function componentOf(node: unknown): string | undefined {
  return isRaw(node) && typeof node.$ref === 'string' ? componentSchemaName(node.$ref) : undefined;
}

const effectiveCache = new WeakMap<object, Raw>();

/**
 * A schema as the model reads it: references followed, Stripe's lone `anyOf` variant (its way of
 * adding `nullable` to a `$ref`) unwrapped, and an `allOf` read as one schema whose properties and
 * `required` are every part's. The keywords of the node itself win over its parts'.
 */
export function effective(node: unknown, document: Raw, depth = 0): Raw | undefined {
  const own = deref(node, document);
  if (!own || depth > 16) return own;
  const cached = effectiveCache.get(own);
  if (cached) return cached;
  let result: Raw = own;
  const alternatives = (Array.isArray(own.anyOf) ? own.anyOf : Array.isArray(own.oneOf) ? own.oneOf : undefined)?.filter((v) => !isNullType(v));
  if (alternatives?.length === 1) {
    const { anyOf: _a, oneOf: _o, ...rest } = own;
    result = { ...effective(alternatives[0], document, depth + 1), ...rest };
  } else if (Array.isArray(own.allOf)) {
    const parts = own.allOf.map((part) => effective(part, document, depth + 1)).filter((p): p is Raw => p !== undefined);
    const { allOf: _allOf, ...rest } = own;
    const properties = Object.assign({}, ...parts.map((p) => (isRaw(p.properties) ? p.properties : {})), isRaw(rest.properties) ? rest.properties : {});
    const required = [...new Set([...parts, rest].flatMap((p) => (Array.isArray(p.required) ? p.required : [])))];
    result = Object.assign({}, ...parts, rest, Object.keys(properties).length > 0 ? { properties } : {}, required.length > 0 ? { required } : {});
  }
  effectiveCache.set(own, result);
  return result;
}

function isNullType(node: unknown): boolean {
  return isRaw(node) && node.type === 'null';
}

/** The raw schema of one property, as `effective` reads the object. */
export function rawProperty(object: Raw | undefined, name: string): unknown {
  return isRaw(object?.properties) ? object.properties[name] : undefined;
}

/** The branches of a union, null branches left out (the model reads those as `nullable`). */
export function rawVariants(node: Raw | undefined): readonly unknown[] | undefined {
  const list = Array.isArray(node?.oneOf) ? node.oneOf : Array.isArray(node?.anyOf) ? node.anyOf : undefined;
  return list?.filter((v) => !isNullType(v));
}

/** Both versions' raw schema at one place of the walk. */
export interface RawPair {
  readonly a?: unknown;
  readonly b?: unknown;
}

/** An operation object of the document, by method and path (a path item's `$ref` followed). */
export function rawOperation(document: Raw, method: string, path: string): Raw | undefined {
  const paths = isRaw(document.paths) ? document.paths : {};
  const item = deref(paths[path], document);
  return deref(item?.[method.toLowerCase()], document);
}

/** The parameters of an operation, path-level ones included (the operation's win), by `in` and name. */
export function rawParameters(document: Raw, method: string, path: string): Map<string, Raw> {
  const paths = isRaw(document.paths) ? document.paths : {};
  const item = deref(paths[path], document);
  const operation = rawOperation(document, method, path);
  const result = new Map<string, Raw>();
  for (const list of [item?.parameters, operation?.parameters]) {
    for (const entry of Array.isArray(list) ? list : []) {
      const parameter = deref(entry, document);
      if (parameter && typeof parameter.name === 'string') result.set(`${String(parameter.in)} ${parameter.name}`, parameter);
    }
  }
  return result;
}

export function pointerTo(...tokens: string[]): string {
  return `#/${tokens.map(escapePointerToken).join('/')}`;
}
