// Which operations answer with a page of a list, and how the next page is asked for: declared by
// the operation's `x-pagination` (or the config file), else detected where the parameters and the
// answer's shape leave no doubt. Anything else stays a plain call.
import type { Problem } from '../errors.js';
import type { Pagination, PagingStyle, Parameter, Schema } from './ir.js';
import { listEnvelopeItem, shapeOf, type ComponentIndex } from './lookup.js';

/** What detection looks at: the operation's method, its query parameters, its success answer. */
export interface PagingFacts {
  readonly method: string;
  readonly query: readonly Parameter[];
  readonly answer: Schema | undefined;
  /** Does the success response declare a `Link` header? */
  readonly linkHeader: boolean;
}

// Detected styles, each by the answer's field and the parameter it goes back in.
const NEXT_URL_FIELDS = ['next', 'links.next', 'next_page_url', 'meta.next_page_url', 'links.pages.next'];
const CURSOR_FIELDS: readonly (readonly [field: string, param: string])[] = [
  ['next_cursor', 'cursor'],
  ['nextCursor', 'cursor'],
  ['meta.next_cursor', 'cursor'],
  ['response_metadata.next_cursor', 'cursor'],
  ['next_page_token', 'page_token'],
  ['nextPageToken', 'pageToken'],
  ['cursor', 'cursor'],
  ['last_id', 'after'],
];
const ITEMS_FIELDS = ['data', 'items', 'results', 'records', 'entries', 'values', 'content'];
const SIZE_PARAMS = ['per_page', 'page_size', 'pageSize', 'perPage', 'limit', 'size'];
const MORE_FIELDS = ['has_more', 'hasMore'];
const TOTAL_FIELDS = ['total', 'total_count', 'totalCount', 'count', 'meta.total', 'meta.total_count'];

/** Stripe's lists and searches, by their envelopes: the shapes the runtime pages since the start. */
function stripePaging(answer: Schema | undefined, components: ComponentIndex): Pagination | undefined {
  const object = shapeOf(answer, components);
  if (object?.kind !== 'object') return undefined;
  if (object.envelope === 'SearchResult') {
    const data = object.properties.find((p) => p.name === 'data')?.schema;
    if (data?.kind !== 'array') return undefined;
    return { style: 'cursor', item: data.items, items: 'data', field: 'next_page', param: 'page', more: 'has_more', source: 'detected' };
  }
  const item = listEnvelopeItem(object);
  return item && { style: 'item-id', item, items: 'data', more: 'has_more', source: 'detected' };
}

/** Is this answer one of Stripe's searches (a verb on its collection, not a collection)? */
export function isSearchResult(answer: Schema | undefined, components: ComponentIndex): boolean {
  const object = shapeOf(answer, components);
  return object?.kind === 'object' && object.envelope === 'SearchResult';
}

/** The operation's paging found from its parameters and answer, when they leave no doubt. */
export function detectPaging(facts: PagingFacts, components: ComponentIndex): Pagination | undefined {
  const stripe = stripePaging(facts.answer, components);
  if (stripe || facts.method !== 'get') return stripe;
  const found = detectStyle(facts, components);
  return found && { ...found, source: 'detected' };
}

function detectStyle(facts: PagingFacts, components: ComponentIndex): Omit<Pagination, 'source'> | undefined {
  const list = itemsOf(facts.answer, components);
  if (!list) return undefined;
  const base = { item: list.item, ...(list.items !== undefined ? { items: list.items } : {}) };
  const has = (name: string) => facts.query.some((p) => p.name === name);
  const field = (path: string) => fieldOf(facts.answer, path, components);
  const more = MORE_FIELDS.find((f) => field(f)?.kind === 'boolean');
  const withMore = more !== undefined ? { more } : {};
  if (facts.linkHeader) return { style: 'link', ...base };
  const url = NEXT_URL_FIELDS.find((f) => field(f)?.kind === 'string');
  if (url !== undefined) return { style: 'next-url', ...base, field: url };
  const cursor = CURSOR_FIELDS.find(([f, param]) => has(param) && isCursorValue(field(f)) && (f !== 'last_id' || more !== undefined));
  if (cursor) return { style: 'cursor', ...base, field: cursor[0], param: cursor[1], ...withMore };
  const total = TOTAL_FIELDS.find((f) => isNumber(field(f)));
  const counted = { ...(total !== undefined ? { total } : {}), ...withMore };
  if (has('offset') && has('limit')) return { style: 'offset', ...base, param: 'offset', size: 'limit', ...counted };
  const size = SIZE_PARAMS.find(has);
  if (has('page') && size !== undefined) return { style: 'page', ...base, param: 'page', size, ...counted };
  return undefined;
}

const STYLES: readonly PagingStyle[] = ['item-id', 'cursor', 'next-url', 'link', 'offset', 'page'];
/** What each declared style must name besides the items. */
const NEEDS: Record<PagingStyle, readonly ('field' | 'param')[]> = {
  'item-id': [],
  cursor: ['field', 'param'],
  'next-url': ['field'],
  link: [],
  offset: ['param'],
  page: ['param'],
};
const KEYS = ['style', 'items', 'field', 'param', 'size', 'more', 'total'];

/**
 * An operation's declared paging (`x-pagination`, or the config file's entry for it): `false` for
 * none, else an object naming the style and what it needs. A declaration that cannot be used is
 * a warning, and the operation is then detected as if it had none; `null` means "not declared".
 */
export function declaredPaging(
  declared: unknown,
  source: 'x-pagination' | 'config',
  answer: Schema | undefined,
  where: { readonly file: string; readonly pointer: string; readonly warnings: Problem[] },
  components: ComponentIndex,
): Pagination | false | null {
  if (declared === undefined) return null;
  if (declared === false) return false;
  const warn = (message: string) => {
    where.warnings.push({ file: where.file, pointer: where.pointer, message: `${source}: ${message}; ignored` });
    return null;
  };
  if (declared === null || typeof declared !== 'object' || Array.isArray(declared)) return warn('expected false or an object with a `style`');
  const raw = declared as Record<string, unknown>;
  const unknownKey = Object.keys(raw).find((k) => !KEYS.includes(k));
  if (unknownKey !== undefined) return warn(`unknown key '${unknownKey}' (known: ${KEYS.join(', ')})`);
  const style = raw.style as PagingStyle;
  if (!STYLES.includes(style)) return warn(`style must be one of ${STYLES.join(', ')}, got ${JSON.stringify(raw.style)}`);
  const notString = KEYS.find((k) => raw[k] !== undefined && (typeof raw[k] !== 'string' || raw[k] === ''));
  if (notString !== undefined) return warn(`'${notString}' must be a non-empty string`);
  const missing = NEEDS[style].find((k) => raw[k] === undefined);
  if (missing !== undefined) return warn(`style '${style}' needs '${missing}'`);
  const list = itemsOf(answer, components, raw.items as string | undefined);
  if (!list) return warn(raw.items === undefined ? 'the answer has no items array to page through; name it with `items`' : `the answer has no array at '${raw.items}'`);
  const named = Object.fromEntries(['field', 'param', 'size', 'more', 'total'].filter((k) => raw[k] !== undefined).map((k) => [k, raw[k] as string]));
  return { style, item: list.item, ...(list.items !== undefined ? { items: list.items } : {}), ...named, source };
}

/**
 * The answer's items: the answer itself when it is an array; else the array at `path`, or when
 * none is given, at the first of the usual names (`data`, `items`, `results`, …), or the answer's
 * only array property.
 */
function itemsOf(answer: Schema | undefined, components: ComponentIndex, path?: string): { item: Schema; items?: string } | undefined {
  if (answer === undefined) return undefined;
  if (path === undefined && declarationsOf(answer, components).some((s) => s.kind === 'array')) return arrayItem(declarationsOf(answer, components));
  const arrayAt = (p: string) => {
    const item = arrayItem(fieldDeclarations(answer, p, components));
    return item && { ...item, items: p };
  };
  if (path !== undefined) return arrayAt(path);
  const named = ITEMS_FIELDS.map(arrayAt).find((found) => found !== undefined);
  if (named) return named;
  const arrays = [...propertiesOf(answer, components).keys()].map(arrayAt).filter((found) => found !== undefined);
  return arrays.length === 1 ? arrays[0] : undefined;
}

/**
 * The item schema of an array declared (possibly several times, through `allOf`) by `declarations`:
 * the specific item where a generic wrapper's open one (`object`, `{}`) is declared beside it.
 */
function arrayItem(declarations: readonly Schema[]): { item: Schema } | undefined {
  const arrays = declarations.flatMap((s) => (s.kind === 'array' ? [s] : []));
  if (arrays.length === 0 || arrays.length < declarations.length) return undefined;
  const specific = arrays.filter((a) => !isOpen(a.items));
  const items = (specific.length > 0 ? specific : arrays).map((a) => a.items);
  return { item: items.length === 1 ? items[0]! : { kind: 'intersection', nullable: false, parts: items } };
}

/** An item schema that says nothing about the item: `{}`, `unknown`, or an object with no properties of its own. */
export function isOpen(schema: Schema): boolean {
  return schema.kind === 'unknown' || (schema.kind === 'object' && schema.properties.length === 0 && schema.additionalProperties !== false && schema.envelope === undefined);
}

/** Every declaration of the field at a dotted path, through references and `allOf`. */
function fieldDeclarations(schema: Schema | undefined, path: string, components: ComponentIndex): Schema[] {
  let current = schema === undefined ? [] : [schema];
  for (const key of path.split('.')) current = current.flatMap((s) => propertiesOf(s, components).get(key) ?? []);
  return current;
}

/** The field's shape at a dotted path (its first declaration), or undefined. */
function fieldOf(schema: Schema | undefined, path: string, components: ComponentIndex): Schema | undefined {
  const first = fieldDeclarations(schema, path, components)[0];
  return first && shapeOf(first, components);
}

/** A schema's shapes with references followed and `allOf` parts spread. */
function declarationsOf(schema: Schema, components: ComponentIndex, seen = new Set<Schema>()): Schema[] {
  const shape = shapeOf(schema, components)!;
  if (seen.has(shape)) return [];
  seen.add(shape);
  return shape.kind === 'intersection' ? shape.parts.flatMap((p) => declarationsOf(p, components, seen)) : [shape];
}

/** An object's properties by name, each with every declaration `allOf` gives it. */
function propertiesOf(schema: Schema, components: ComponentIndex): Map<string, Schema[]> {
  const out = new Map<string, Schema[]>();
  for (const shape of declarationsOf(schema, components)) {
    if (shape.kind !== 'object') continue;
    for (const p of shape.properties) out.set(p.name, [...(out.get(p.name) ?? []), shapeOf(p.schema, components)!]);
  }
  return out;
}

const isNumber = (schema: Schema | undefined) => schema?.kind === 'integer' || schema?.kind === 'number';
const isCursorValue = (schema: Schema | undefined) => schema?.kind === 'string' || isNumber(schema);
