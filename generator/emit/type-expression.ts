// IR Schema → TypeScript types: a TypeNode per schema (one case per IR kind, checked exhaustively:
// a new kind in the IR fails to compile here until it is handled), laid out as prettier would.
import type { ObjectSchema, Property, Schema, SchemaKind } from '../model/ir.js';
import { align, bracketList, group, hardline, ifBreak, indent, join, line, printDoc, softline, stringLiteral, withComment, type Doc } from './layout.js';
import { docComment } from './tsdoc.js';

export interface TypeContext {
  /** The exported type name for a component schema. */
  readonly typeName: (schemaName: string) => string;
  /** Called for every component referenced, so the caller can import it. */
  readonly onReference?: (schemaName: string) => void;
  /** Called for every runtime type printed (the generic envelopes), so the caller can import it. */
  readonly onRuntimeType?: (typeName: string) => void;
}

/**
 * Components named by their type names (`unknown` for a name not among them); `onReference` hears
 * of every one used, `onRuntimeType` of every runtime type (`ListObject`).
 */
export function typeContextOf(
  typeNames: ReadonlyMap<string, string>,
  onReference?: (schemaName: string) => void,
  onRuntimeType?: (typeName: string) => void,
): TypeContext {
  const typeName = (name: string) => typeNames.get(name) ?? 'unknown';
  return { typeName, ...(onReference ? { onReference } : {}), ...(onRuntimeType ? { onRuntimeType } : {}) };
}

/**
 * A type as the emitters build it, before layout: what prettier's parser would see in its text.
 * `name` is anything printed as one token: a keyword, a type name, a literal (already escaped and
 * quoted as prettier quotes it) or a template literal type.
 */
export type TypeNode =
  | { readonly kind: 'name'; readonly text: string }
  | { readonly kind: 'generic'; readonly name: string; readonly args: readonly TypeNode[] }
  | { readonly kind: 'array'; readonly element: TypeNode }
  | { readonly kind: 'readonly'; readonly type: TypeNode }
  | { readonly kind: 'union'; readonly types: readonly TypeNode[] }
  | { readonly kind: 'intersection'; readonly types: readonly TypeNode[] }
  | { readonly kind: 'object'; readonly members: readonly Member[] }
  | { readonly kind: 'emptyTuple' };

export const named = (text: string): TypeNode => ({ kind: 'name', text });
export const generic = (name: string, ...args: TypeNode[]): TypeNode => ({ kind: 'generic', name, args });
export const readonlyArray = (element: TypeNode): TypeNode => ({ kind: 'readonly', type: { kind: 'array', element } });
const NULL = named('null');

/** A union of types, nested unions spliced in as their text would read (`A | B | C`). */
export function unionOf(types: readonly TypeNode[]): TypeNode {
  const flat = types.flatMap((t) => (t.kind === 'union' ? t.types : [t]));
  return flat.length === 1 ? flat[0]! : { kind: 'union', types: flat };
}

type Builders = { [K in SchemaKind]: (schema: Extract<Schema, { kind: K }>, ctx: TypeContext) => TypeNode };

const builders: Builders = {
  ref: (s, ctx) => {
    ctx.onReference?.(s.target);
    return named(ctx.typeName(s.target));
  },
  // `format: binary` is a file: uploads take a Blob (or File) or bytes, sent as a file part.
  string: (s) => (s.format === 'binary' ? unionOf([named('Blob'), named('Uint8Array')]) : named('string')),
  integer: () => named('number'),
  number: () => named('number'),
  boolean: () => named('boolean'),
  unknown: () => named('unknown'),
  enum: (s) => (s.values.length === 0 ? named('never') : unionOf(s.values.map((v) => named(literalType(v))))),
  array: (s, ctx) => {
    const items = typeNode(s.items, ctx);
    return items.kind === 'name' && /^[A-Za-z_$][A-Za-z0-9_$.]*$/.test(items.text) ? { kind: 'array', element: items } : generic('Array', items);
  },
  object: (s, ctx) => {
    const data = s.properties.find((p) => p.name === 'data')?.schema;
    if (s.envelope && data?.kind === 'array') {
      // `ListObject<Customer>` says what the fields would: the runtime declares them once.
      ctx.onRuntimeType?.(s.envelope);
      return generic(s.envelope, typeNode(data.items, ctx));
    }
    const members = objectMembers(s, ctx);
    return members.length === 0 ? generic('Record', named('string'), named('never')) : { kind: 'object', members };
  },
  union: (s, ctx) => {
    const seen = new Set<string>();
    const variants = s.variants.map((v) => typeNode(v, ctx)).filter((v) => !seen.has(keyOf(v)) && seen.add(keyOf(v)));
    return unionOf(variants);
  },
  intersection: (s, ctx) => intersectionOf(s.parts.map((p, i) => partNode(p, s.omitted?.find((o) => o.part === i)?.properties, ctx))),
};

/**
 * A part of an intersection, less the properties another part types more narrowly: an inline
 * object without them, anything else as `Omit<Part, 'data'>`.
 */
function partNode(part: Schema, omitted: readonly string[] | undefined, ctx: TypeContext): TypeNode {
  if (omitted === undefined) return typeNode(part, ctx);
  if (part.kind === 'object') return typeNode({ ...part, properties: part.properties.filter((p) => !omitted.includes(p.name)) }, ctx);
  return generic('Omit', typeNode(part, ctx), unionOf(omitted.map((name) => named(stringLiteral(name)))));
}

export function typeNode(schema: Schema, ctx: TypeContext): TypeNode {
  const build = builders[schema.kind] as (s: Schema, c: TypeContext) => TypeNode;
  const node = build(schema, ctx);
  return schema.nullable && !(node.kind === 'name' && node.text === 'unknown') ? unionOf([node, NULL]) : node;
}

/** The type as prettier prints it where a type annotation goes (`x: <type>`). */
export function typeExpression(schema: Schema, ctx: TypeContext): string {
  return printDoc(typeDoc(typeNode(schema, ctx), 'annotation'));
}

/** Parts joined by `&`; a part that is a union is parenthesized where it is printed (`A & (B | C)`). */
function intersectionOf(parts: readonly TypeNode[]): TypeNode {
  return parts.length === 1 ? parts[0]! : { kind: 'intersection', types: parts };
}

/** A key telling types apart (`unique` on their text, as the printer once did). */
function keyOf(node: TypeNode): string {
  switch (node.kind) {
    case 'name':
      return node.text;
    case 'generic':
      return `${node.name}<${node.args.map(keyOf).join(', ')}>`;
    case 'array':
      return `${keyOf(node.element)}[]`;
    case 'readonly':
      return `readonly ${keyOf(node.type)}`;
    case 'union':
      return node.types.map(keyOf).join(' | ');
    case 'intersection':
      return node.types.map((t) => `(${keyOf(t)})`).join(' & ');
    case 'object':
      return `{${node.members.map((m) => `${m.doc}${m.key}${m.optional ? '?' : ''}:${keyOf(m.type)};`).join('')}}`;
    case 'emptyTuple':
      return '[]';
  }
}

// ---- Layout: the documents prettier builds for these types (see layout.ts).

/** Where a type stands, which decides how a union in it breaks. */
export type TypePosition = 'annotation' | 'typeArgument' | 'bare';

const KEYWORDS = new Set(['string', 'number', 'boolean', 'unknown', 'never', 'null', 'undefined', 'void', 'any', 'object', 'bigint', 'symbol']);

/** Object types and type references, which a union with only `null` besides keeps on one line. */
function isObjectLike(node: TypeNode): boolean {
  if (node.kind === 'object' || node.kind === 'generic') return true;
  return node.kind === 'name' && /^[A-Za-z_$]/.test(node.text) && !KEYWORDS.has(node.text) && node.text !== 'true' && node.text !== 'false';
}

export function isHuggedUnion(types: readonly TypeNode[]): boolean {
  const object = types.find(isObjectLike);
  return object !== undefined && types.every((t) => t === object || (t.kind === 'name' && (t.text === 'null' || t.text === 'void')));
}

/** A type argument printed inside `<…>` without a break of its own. */
function hugsAsTypeArgument(node: TypeNode): boolean {
  return node.kind === 'name' || node.kind === 'object' || (node.kind === 'union' && isHuggedUnion(node.types));
}

export function typeArgumentsDoc(args: readonly TypeNode[]): Doc {
  if (args.length === 1 && hugsAsTypeArgument(args[0]!)) return ['<', typeDoc(args[0]!, 'typeArgument'), '>'];
  return bracketList('<', args.map((a) => typeDoc(a, 'typeArgument')), '>', false);
}

/** A union that breaks with a leading `|` per member. */
export function unionMembersDoc(types: readonly TypeNode[]): Doc {
  return group([ifBreak('| '), join([line, '| '], types.map((t) => align(2, memberOfUnionDoc(t))))]);
}

/** An intersection of several types is parenthesized inside a union or another intersection. */
function memberOfUnionDoc(node: TypeNode): Doc {
  return node.kind === 'intersection' ? ['(', intersectionDoc(node.types), ')'] : typeDoc(node, 'bare');
}

export function typeDoc(node: TypeNode, position: TypePosition): Doc {
  switch (node.kind) {
    case 'name':
      return node.text;
    case 'generic':
      return [node.name, typeArgumentsDoc(node.args)];
    case 'array':
      return [typeDoc(node.element, 'bare'), '[]'];
    case 'readonly':
      return ['readonly ', typeDoc(node.type, 'bare')];
    case 'emptyTuple':
      return '[]';
    case 'object':
      return objectTypeDoc(node.members);
    case 'union':
      if (isHuggedUnion(node.types)) return join(' | ', node.types.map(memberOfUnionDoc));
      return position === 'annotation' ? group(indent([softline, unionMembersDoc(node.types)])) : unionMembersDoc(node.types);
    case 'intersection':
      return intersectionDoc(node.types);
  }
}

function intersectionDoc(types: readonly TypeNode[]): Doc {
  const parts: Doc[] = [];
  let wasIndented = false;
  types.forEach((type, i) => {
    const printed =
      type.kind !== 'union'
        ? memberOfUnionDoc(type)
        : isHuggedUnion(type.types)
          ? ['(', typeDoc(type, 'bare'), ')']
          : ['(', group([indent([softline, unionMembersDoc(type.types)]), softline]), ')'];
    const isObject = type.kind === 'object';
    const previousIsObject = i > 0 && types[i - 1]!.kind === 'object';
    if (i === 0) parts.push(printed);
    else if (!previousIsObject && !isObject) parts.push(indent([' &', line, printed]));
    else if (previousIsObject && isObject) parts.push(' & ', wasIndented ? indent(printed) : printed);
    else {
      if (i > 1) wasIndented = true;
      parts.push(' & ', i > 1 ? indent(printed) : printed);
    }
  });
  return group(parts);
}

/** `{ … }` with one member per line (the emitters always write object types expanded). */
export function objectTypeDoc(members: readonly Member[]): Doc {
  if (members.length === 0) return '{}';
  return ['{', indent([hardline, join(hardline, members.map(memberDoc))]), hardline, '}'];
}

/** One property of an object type or an interface, with its doc comment. */
export function memberDoc(m: Member): Doc {
  return withComment(m.doc, [group([m.key, m.optional ? '?' : '', ': ', typeDoc(m.type, 'annotation')]), ';']);
}

/**
 * A literal type as prettier writes it: its quotes for strings, its spelling of numbers (`1e21`,
 * not `1e+21`). Numbers only reach here as enum members: YAML's `.inf` and `.nan` have no literal
 * type, so they widen to `number`.
 */
function literalType(value: string | number | boolean): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('e+', 'e') : 'number';
  return String(value);
}

/**
 * A property key as prettier writes it: bare when it is an ES5 identifier name (letters of any
 * script in the Basic Multilingual Plane), quoted otherwise.
 */
export function propertyKey(name: string): string {
  return ES5_IDENTIFIER.test(name) && !/[\u{10000}-\u{10FFFF}]/u.test(name) ? name : stringLiteral(name);
}

const ES5_IDENTIFIER = /^[$_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}][$_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u200C\u200D]*$/u;

/** One member of an object type or an interface: a property, or the index signature. */
export interface Member {
  /** As written: `id`, `'data-id'`, `[key: string]`. */
  readonly key: string;
  readonly optional: boolean;
  readonly type: TypeNode;
  /** Its doc comment block, or ''. */
  readonly doc: string;
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
  return { key: propertyKey(p.name), optional: !p.required, type: typeNode(p.schema, ctx), doc: docComment(p.schema.description, unitNote(p.schema)) };
}

/** A line for the docs of fields whose type alone does not say what they hold. */
function unitNote(schema: Schema): string | undefined {
  if ((schema.kind === 'integer' || schema.kind === 'number') && schema.format === 'unix-time') {
    return 'Unix time: seconds since 1970-01-01T00:00:00Z.';
  }
  return undefined;
}

/** Extra properties: typed as declared when the object has no fixed ones, else `unknown` (TS requires the index type to cover every property). */
function indexSignature(s: ObjectSchema, ctx: TypeContext): Member | undefined {
  if (s.additionalProperties === false) return undefined;
  const type = s.additionalProperties === true || s.properties.length > 0 ? named('unknown') : typeNode(s.additionalProperties, ctx);
  return { key: '[key: string]', optional: false, type, doc: '' };
}
