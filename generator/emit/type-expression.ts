// IR Schema → TypeScript type expression text. One case per IR kind, checked exhaustively:
// a new kind in the IR fails to compile here until it is handled.
import type { ObjectSchema, Property, Schema, SchemaKind } from '../model/ir.js';
import { docComment } from './tsdoc.js';

export interface TypeContext {
  /** The exported type name for a component schema. */
  readonly typeName: (schemaName: string) => string;
  /** Called for every component referenced, so the caller can import it. */
  readonly onReference?: (schemaName: string) => void;
}

/** Components named by their type names (`unknown` for a name not among them); `onReference` hears of every one used. */
export function typeContextOf(typeNames: ReadonlyMap<string, string>, onReference?: (schemaName: string) => void): TypeContext {
  const typeName = (name: string) => typeNames.get(name) ?? 'unknown';
  return onReference ? { typeName, onReference } : { typeName };
}

type Printers = { [K in SchemaKind]: (schema: Extract<Schema, { kind: K }>, ctx: TypeContext) => string };

const printers: Printers = {
  ref: (s, ctx) => {
    ctx.onReference?.(s.target);
    return ctx.typeName(s.target);
  },
  // `format: binary` is a file: uploads take a Blob (or File), which FormData sends as a file part.
  string: (s) => (s.format === 'binary' ? 'Blob' : 'string'),
  integer: () => 'number',
  number: () => 'number',
  boolean: () => 'boolean',
  unknown: () => 'unknown',
  enum: (s) => (s.values.length === 0 ? 'never' : s.values.map(literal).join(' | ')),
  array: (s, ctx) => {
    const items = typeExpression(s.items, ctx);
    return isSimple(items) ? `${items}[]` : `Array<${items}>`;
  },
  object: (s, ctx) => objectLiteral(s, ctx),
  union: (s, ctx) => unique(s.variants.map((v) => typeExpression(v, ctx))).join(' | '),
  intersection: (s, ctx) => s.parts.map((p) => wrap(typeExpression(p, ctx))).join(' & '),
};

export function typeExpression(schema: Schema, ctx: TypeContext): string {
  const print = printers[schema.kind] as (s: Schema, c: TypeContext) => string;
  const text = print(schema, ctx);
  return schema.nullable && text !== 'unknown' ? `${wrapFunctionLike(text)} | null` : text;
}

/**
 * A JavaScript string/number/boolean literal, escaped (quotes, backslashes, newlines, U+2028/9).
 * Numbers only reach here as enum members, i.e. in types: YAML's `.inf` and `.nan` have no
 * literal type, so they widen to `number`.
 */
export function literal(value: string | number | boolean): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'number';
  if (typeof value === 'boolean') return String(value);
  const body = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'").replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  // A value ending in a backslash spells that last backslash `\x5C`: ts-morph's writer, which
  // once printed these, misread `\\'` as an escaped quote, and the output keeps its bytes.
  return `'${body.replace(/\\\\$/, '\\x5C')}'`;
}

/** A property key as written in a type: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : literal(name);
}

/** One member of an object type or an interface: a property, or the index signature. */
export interface Member {
  /** As written: `id`, `'data-id'`, `[key: string]`. */
  readonly key: string;
  readonly optional: boolean;
  readonly type: string;
  /** Its doc comment block, or ''. */
  readonly doc: string;
}

/** The one printer of object members, for inline object types and interfaces alike. */
export function memberLines(members: readonly Member[]): string[] {
  return members.map((m) => `${m.doc ? m.doc + '\n' : ''}${m.key}${m.optional ? '?' : ''}: ${m.type};`);
}

/**
 * An object schema's members: its properties and, unless it is closed, the index signature, which
 * interfaces list first and inline object types last.
 */
export function objectMembers(s: ObjectSchema, ctx: TypeContext, indexSignatureFirst = false): Member[] {
  const properties = s.properties.map((p) => propertyMember(p, ctx));
  const index = indexSignature(s, ctx);
  if (index === undefined) return properties;
  return indexSignatureFirst ? [index, ...properties] : [...properties, index];
}

export function propertyMember(p: Property, ctx: TypeContext): Member {
  return { key: propertyKey(p.name), optional: !p.required, type: typeExpression(p.schema, ctx), doc: docComment(p.schema.description, unitNote(p.schema)) };
}

/** A line for the docs of fields whose type alone does not say what they hold. */
function unitNote(schema: Schema): string | undefined {
  if ((schema.kind === 'integer' || schema.kind === 'number') && schema.format === 'unix-time') {
    return 'Unix time: seconds since 1970-01-01T00:00:00Z.';
  }
  return undefined;
}

function objectLiteral(s: ObjectSchema, ctx: TypeContext): string {
  const lines = memberLines(objectMembers(s, ctx));
  return lines.length === 0 ? 'Record<string, never>' : `{\n${lines.join('\n')}\n}`;
}

/** Extra properties: typed as declared when the object has no fixed ones, else `unknown` (TS requires the index type to cover every property). */
function indexSignature(s: ObjectSchema, ctx: TypeContext): Member | undefined {
  if (s.additionalProperties === false) return undefined;
  const type = s.additionalProperties === true || s.properties.length > 0 ? 'unknown' : typeExpression(s.additionalProperties, ctx);
  return { key: '[key: string]', optional: false, type, doc: '' };
}

function isSimple(text: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$.]*$/.test(text);
}

function wrap(text: string): string {
  return /[|&]/.test(text) && !text.startsWith('{') ? `(${text})` : text;
}

function wrapFunctionLike(text: string): string {
  return text.startsWith('(') || text.includes('=>') ? `(${text})` : text;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
