// The keywords the model leaves out, read from both raw schemas at one place of the walk:
// validation (bounds, lengths, counts, pattern, format, multipleOf, uniqueItems), the JSON Schema
// 2020-12 applicators (`if`/`then`/`else`, `contains`, `prefixItems`, `dependentRequired`,
// `dependentSchemas`, `patternProperties`, `propertyNames`, `unevaluated*`, `not`), defaults,
// deprecation and the discriminator. A rule that accepts fewer values is narrower: breaking in a
// request, safe in a response; a wider one is the reverse (a reader may meet what it never saw).
import type { Place, SchemaComparer, Side } from './compare-schemas.js';
import { child, lastSegment } from './compare-schemas.js';
import { componentSchemaName } from '../parse/refs.js';
import { isRaw, type Raw } from './raw.js';

type Direction = 'narrowed' | 'widened' | 'changed';

const show = (value: unknown) => `\`${JSON.stringify(value)}\``;

export function compareKeywords(comparer: SchemaComparer, side: Side, a: Raw, b: Raw, place: Place): void {
  const say = (direction: Direction, message: string) => comparer.report(`${side}-validation-${direction}`, place, message);
  compareBound(a, b, 'minimum', 'exclusiveMinimum', 1, say);
  compareBound(a, b, 'maximum', 'exclusiveMaximum', -1, say);
  for (const keyword of ['minLength', 'minItems', 'minProperties', 'minContains']) compareCount(a[keyword], b[keyword], keyword, 1, say);
  for (const keyword of ['maxLength', 'maxItems', 'maxProperties', 'maxContains']) compareCount(a[keyword], b[keyword], keyword, -1, say);
  for (const keyword of ['pattern', 'format']) compareExact(a[keyword], b[keyword], keyword, say);
  compareMultipleOf(a.multipleOf, b.multipleOf, say);
  if ((a.uniqueItems === true) !== (b.uniqueItems === true)) {
    say(b.uniqueItems === true ? 'narrowed' : 'widened', `\`uniqueItems\` ${b.uniqueItems === true ? 'set' : 'no longer set'}`);
  }
  compareDependentRequired(a.dependentRequired, b.dependentRequired, say);
  compareApplicators(comparer, side, a, b, place, say);
  compareDefault(comparer, side, a, b, place);
  if (b.deprecated === true && a.deprecated !== true) comparer.report('property-deprecated', place, `\`${lastSegment(place.path)}\` is deprecated`);
  compareDiscriminator(comparer, side, a.discriminator, b.discriminator, place);
}

type Say = (direction: Direction, message: string) => void;

/** `sign` 1: a lower bound (higher is narrower); -1: an upper bound. 3.0's boolean exclusive flag and 3.1's number both read. */
function compareBound(a: Raw, b: Raw, inclusive: string, exclusive: string, sign: 1 | -1, say: Say): void {
  const bound = (s: Raw): { value: number; exclusive: boolean } | undefined => {
    if (typeof s[exclusive] === 'number') return { value: s[exclusive] as number, exclusive: true };
    if (typeof s[inclusive] === 'number') return { value: s[inclusive] as number, exclusive: s[exclusive] === true };
    return undefined;
  };
  const before = bound(a);
  const after = bound(b);
  const label = (x: { value: number; exclusive: boolean }) => `${x.exclusive ? exclusive : inclusive} ${x.value}`;
  if (!before && !after) return;
  if (!before) return say('narrowed', `\`${label(after!)}\` added`);
  if (!after) return say('widened', `\`${label(before)}\` removed`);
  if (before.value === after.value && before.exclusive === after.exclusive) return;
  const tighter = sign * (after.value - before.value) > 0 || (after.value === before.value && after.exclusive);
  say(tighter ? 'narrowed' : 'widened', `\`${label(before)}\` → \`${label(after)}\``);
}

function compareCount(a: unknown, b: unknown, keyword: string, sign: 1 | -1, say: Say): void {
  const before = typeof a === 'number' ? a : undefined;
  const after = typeof b === 'number' ? b : undefined;
  if (before === after) return;
  if (before === undefined) return say('narrowed', `\`${keyword}: ${after}\` added`);
  if (after === undefined) return say('widened', `\`${keyword}: ${before}\` removed`);
  say(sign * (after - before) > 0 ? 'narrowed' : 'widened', `\`${keyword}\` ${before} → ${after}`);
}

/** A pattern or format added narrows, removed widens; replaced, it may do either. */
function compareExact(a: unknown, b: unknown, keyword: string, say: Say): void {
  if (a === b) return;
  if (a === undefined) return say('narrowed', `\`${keyword}\` ${show(b)} added`);
  if (b === undefined) return say('widened', `\`${keyword}\` ${show(a)} removed`);
  say('changed', `\`${keyword}\` ${show(a)} → ${show(b)}`);
}

function compareMultipleOf(a: unknown, b: unknown, say: Say): void {
  if (a === b) return;
  if (typeof a !== 'number') return say('narrowed', `\`multipleOf: ${String(b)}\` added`);
  if (typeof b !== 'number') return say('widened', `\`multipleOf: ${a}\` removed`);
  const divides = (x: number, y: number) => Number.isInteger(Math.round((y / x) * 1e9) / 1e9);
  say(divides(a, b) ? 'narrowed' : divides(b, a) ? 'widened' : 'changed', `\`multipleOf\` ${a} → ${b}`);
}

/** `dependentRequired`: a property that, when present, requires others. More requirements narrow. */
function compareDependentRequired(a: unknown, b: unknown, say: Say): void {
  const pairs = (x: unknown) => new Set(Object.entries(isRaw(x) ? x : {}).flatMap(([key, list]) => (Array.isArray(list) ? list.map((n) => `${key} → ${String(n)}`) : [])));
  const before = pairs(a);
  const after = pairs(b);
  const added = [...after].filter((p) => !before.has(p));
  const removed = [...before].filter((p) => !after.has(p));
  if (added.length > 0) say('narrowed', `\`dependentRequired\` now requires ${added.map((p) => `\`${p}\``).join(', ')}`);
  if (removed.length > 0) say('widened', `\`dependentRequired\` no longer requires ${removed.map((p) => `\`${p}\``).join(', ')}`);
}

/** Keywords whose value is one schema, a map of schemas, or a list of them. */
const ONE = ['if', 'then', 'else', 'not', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'] as const;
const MAP = ['dependentSchemas', 'patternProperties'] as const;

/**
 * A subschema added constrains the value (narrower), one removed frees it (wider). One on both
 * sides is compared as the model would compare any schema, so a property added inside `then` is
 * found, with its own rule, at `….then.<property>`. A changed `if` or `not` is neither narrower
 * nor wider as far as the diff can tell.
 */
function compareApplicators(comparer: SchemaComparer, side: Side, a: Raw, b: Raw, place: Place, say: Say): void {
  const subschema = (segment: string, x: unknown, y: unknown, pointer: string) => {
    if (isFree(x) && isFree(y)) return;
    if (isFree(x)) return say('narrowed', `\`${segment}\` added`);
    if (isFree(y)) return say('widened', `\`${segment}\` removed`);
    // A changed `if` moves where the rest applies; a narrower `not` is a wider schema: neither is
    // judged by comparing the subschemas as values.
    if (segment === 'if' || segment === 'not') {
      if (JSON.stringify(x) !== JSON.stringify(y)) say('changed', segment === 'if' ? '`if` changed: the conditions apply to other values' : '`not` changed: other values are excluded');
      return;
    }
    if (!comparer.raw) return;
    const at = child(place, segment, { a: x, b: y });
    // `false` (nothing allowed) models as `unknown`; compared as a schema it would say nothing.
    if (x === false || y === false) return say(x === false ? 'widened' : 'narrowed', `\`${segment}\` ${show(x)} → ${show(y)}`);
    comparer.compare(side, comparer.raw.before.model(x, `${pointer}`), comparer.raw.after.model(y, `${pointer}`), at);
  };
  for (const keyword of ONE) subschema(keyword, a[keyword], b[keyword], keyword);
  for (const keyword of MAP) {
    const x = isRaw(a[keyword]) ? a[keyword] : {};
    const y = isRaw(b[keyword]) ? b[keyword] : {};
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) subschema(`${keyword}[${key}]`, x[key], y[key], keyword);
  }
  const x = Array.isArray(a.prefixItems) ? a.prefixItems : [];
  const y = Array.isArray(b.prefixItems) ? b.prefixItems : [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) subschema(`prefixItems[${i}]`, x[i], y[i], 'prefixItems');
}

/** No subschema, or one that allows everything (`true`, `{}`). */
function isFree(schema: unknown): boolean {
  return schema === undefined || schema === true || (isRaw(schema) && Object.keys(schema).length === 0);
}

/**
 * A request default is what the server assumes when the call leaves the value out: a call that
 * relied on it now gets other behaviour. A response default says what an absent value means.
 */
function compareDefault(comparer: SchemaComparer, side: Side, a: Raw, b: Raw, place: Place): void {
  const before = a.default;
  const after = b.default;
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const name = `\`${lastSegment(place.path)}\``;
  if (side === 'response') {
    comparer.report('response-default-changed', place, `default of ${name} ${describeDefault(before, after)}`);
  } else if (before === undefined) comparer.report('request-default-added', place, `${name} now defaults to ${show(after)}`);
  else comparer.report('request-default-changed', place, `default of ${name} ${describeDefault(before, after)}: calls that leave it out get other behaviour`);
}

function describeDefault(before: unknown, after: unknown): string {
  if (before === undefined) return `set to ${show(after)}`;
  if (after === undefined) return `${show(before)} removed`;
  return `changed from ${show(before)} to ${show(after)}`;
}

/**
 * The discriminator tells a union's branches apart by one property: renaming it, or pointing a
 * value at another schema, changes what every payload means; a value added or removed is a
 * branch the reader meets (response) or the caller may send (request).
 */
/** A mapping that follows a renamed component (the old name gone, the new one new) is `component-renamed`'s news. */
function renamed(comparer: SchemaComparer, before: unknown, after: unknown): boolean {
  const x = typeof before === 'string' ? componentSchemaName(before) : undefined;
  const y = typeof after === 'string' ? componentSchemaName(after) : undefined;
  return x !== undefined && y !== undefined && !comparer.after.has(x) && !comparer.before.has(y);
}

function compareDiscriminator(comparer: SchemaComparer, side: Side, a: unknown, b: unknown, place: Place): void {
  if (!isRaw(a) || !isRaw(b)) return;
  if (a.propertyName !== b.propertyName) {
    comparer.report('discriminator-changed', place, `the discriminator property changed from ${show(a.propertyName)} to ${show(b.propertyName)}`);
    return;
  }
  const before = isRaw(a.mapping) ? a.mapping : {};
  const after = isRaw(b.mapping) ? b.mapping : {};
  for (const value of Object.keys(after)) {
    if (!(value in before)) comparer.report(`${side}-discriminator-value-added`, place, `discriminator value \`${value}\` added (${show(after[value])})`);
    else if (before[value] !== after[value] && !renamed(comparer, before[value], after[value])) {
      comparer.report('discriminator-changed', place, `discriminator value \`${value}\` now maps to ${show(after[value])} (was ${show(before[value])})`);
    }
  }
  for (const value of Object.keys(before)) {
    if (!(value in after)) comparer.report(`${side}-discriminator-value-removed`, place, `discriminator value \`${value}\` removed`);
  }
}
