// IR Schema → TypeScript type expression text. One case per IR kind, checked exhaustively:
// a new kind in the IR fails to compile here until it is handled.
import type { ObjectSchema, Property, Schema, SchemaKind } from '../model/ir.js';
import { docComment } from './tsdoc.js';

export interface TypeContext {
  /** The exported type name for a component schema. */
  readonly typeName: (schemaName: string) => string;
  /** Called for every component referenced, so the caller can import it. */
  readonly onReference?: (schemaName: string) => void;
  /** Called for every runtime type printed (the generic envelopes), so the caller can import it. */
  readonly onRuntimeType?: (typeName: string) => void;
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
  // ts-morph's writer takes a quote after a backslash for an escaped one, even after `\\`: it
  // would then read the rest of the line as code (and a later '/*' as a comment it must close).
  // A value ending in a backslash therefore spells that last backslash `\x5C`.
  return `'${body.replace(/\\\\$/, '\\x5C')}'`;
}

/** A property key as written in a type: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : literal(name);
}

export function propertyLines(properties: readonly Property[], ctx: TypeContext): string[] {
  return properties.map((p) => {
    const doc = docComment(p.schema.description, unitNote(p.schema));
    const optional = p.required ? '' : '?';
    return `${doc ? doc + '\n' : ''}${propertyKey(p.name)}${optional}: ${typeExpression(p.schema, ctx)};`;
  });
}

/** A line for the docs of fields whose type alone does not say what they hold. */
export function unitNote(schema: Schema): string | undefined {
  if ((schema.kind === 'integer' || schema.kind === 'number') && schema.format === 'unix-time') {
    return 'Unix time: seconds since 1970-01-01T00:00:00Z.';
  }
  return undefined;
}

function objectLiteral(s: ObjectSchema, ctx: TypeContext): string {
  const data = s.properties.find((p) => p.name === 'data')?.schema;
  if (s.envelope && data?.kind === 'array') {
    // `ListObject<Customer>` says what the fields would: the runtime declares them once.
    ctx.onRuntimeType?.(s.envelope);
    return `${s.envelope}<${typeExpression(data.items, ctx)}>`;
  }
  const extra = indexSignature(s, ctx);
  const lines = [...propertyLines(s.properties, ctx), ...(extra ? [extra] : [])];
  return lines.length === 0 ? 'Record<string, never>' : `{\n${lines.join('\n')}\n}`;
}

/** Extra properties: typed as declared when the object has no fixed ones, else `unknown` (TS requires the index type to cover every property). */
export function indexSignature(s: ObjectSchema, ctx: TypeContext): string | undefined {
  if (s.additionalProperties === false) return undefined;
  const value = s.additionalProperties === true || s.properties.length > 0 ? 'unknown' : typeExpression(s.additionalProperties, ctx);
  return `[key: string]: ${value};`;
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
