// Values from the model (the IR) and values checked against it: parameters built from an
// operation's schemas, and answers checked against the response schema the generated types
// were printed from.
import type { ApiModel, Operation, Property, Schema } from '../../generator/model/ir.js';

const components = new WeakMap<ApiModel, Map<string, Schema>>();

/** Resolves a named reference; any other schema is returned as it is. */
export function resolve(model: ApiModel, schema: Schema): Schema {
  let byName = components.get(model);
  if (!byName) components.set(model, (byName = new Map(model.schemas.map((n) => [n.name, n.schema]))));
  for (let s = schema, hops = 0; hops < 50; hops++) {
    if (s.kind !== 'ref') return s;
    const target = byName.get(s.target);
    if (!target) throw new Error(`no component schema '${s.target}'`);
    s = target;
  }
  throw new Error('reference cycle');
}

export interface ValueOptions {
  /** Fill optional properties too (at every level), not only the required ones. */
  readonly optional: boolean;
  /** Property names never filled in (e.g. `expand`, tested on its own). */
  readonly skip?: readonly string[];
}

/**
 * A valid value for `schema`: the first enum value, the first variant of a union that is not
 * Stripe's empty-string "unset", one item per array, `1` for numbers (a Unix time for timestamps),
 * a Blob for binary strings.
 */
export function exampleValue(model: ApiModel, schema: Schema, options: ValueOptions, name = 'value', depth = 0): unknown {
  const s = resolve(model, schema);
  switch (s.kind) {
    case 'string':
      return s.format === 'binary' ? new Blob(['%PDF-1.4 test'], { type: 'application/pdf' }) : `${name}_test`;
    case 'integer':
    case 'number':
      return s.format === 'unix-time' ? 1_700_000_000 : 1;
    case 'boolean':
      return true;
    case 'enum':
      return s.values.find((v) => v !== '') ?? s.values[0];
    case 'array':
      return [exampleValue(model, s.items, options, name, depth + 1)];
    case 'object': {
      if (s.properties.length === 0 && s.additionalProperties !== false) {
        return { key: s.additionalProperties === true ? 'value' : exampleValue(model, s.additionalProperties, options, 'key', depth + 1) };
      }
      return objectValue(model, s.properties, options, depth);
    }
    case 'union': {
      const real = s.variants.filter((v) => !isEmptyStringEnum(model, v));
      return exampleValue(model, real[0] ?? s.variants[0]!, options, name, depth + 1);
    }
    case 'intersection':
      return Object.assign({}, ...s.parts.map((p) => exampleValue(model, p, options, name, depth + 1)));
    case 'unknown':
      return `${name}_test`;
    case 'ref':
      throw new Error('resolved above');
  }
}

function objectValue(model: ApiModel, properties: readonly Property[], options: ValueOptions, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of properties) {
    if (options.skip?.includes(p.name)) continue;
    // Past a few levels only what is required: recursive params would otherwise never end.
    if (p.required || (options.optional && depth < 4)) out[p.name] = exampleValue(model, p.schema, options, p.name, depth + 1);
  }
  // An empty object is not sent at all (form encoding has nothing to write), so a nested object
  // that must be there gets its first field.
  const first = properties.find((p) => !options.skip?.includes(p.name));
  if (depth > 0 && Object.keys(out).length === 0 && first) out[first.name] = exampleValue(model, first.schema, options, first.name, depth + 1);
  return out;
}

function isEmptyStringEnum(model: ApiModel, schema: Schema): boolean {
  const s = resolve(model, schema);
  return s.kind === 'enum' && s.values.length === 1 && s.values[0] === '';
}

/** An operation's params object (query, header and body parameters; path ids are positional). */
export function operationParams(model: ApiModel, op: Operation): readonly Property[] {
  const fromParameters = [...op.parameters.query, ...op.parameters.header].map((p) => ({ name: p.name, required: p.required, schema: p.schema }));
  const body = op.requestBody ? resolve(model, op.requestBody.schema) : undefined;
  const all = [...fromParameters, ...(body?.kind === 'object' ? body.properties : [])];
  return all.filter((p, i) => all.findIndex((q) => q.name === p.name) === i);
}

export function paramsValue(model: ApiModel, op: Operation, options: ValueOptions): Record<string, unknown> {
  return objectValue(model, operationParams(model, op), options, 0);
}

/**
 * Where `value` does not fit `schema`, as `path: problem` lines (empty when it fits): required
 * fields present, types, enum members, closed objects without unknown fields, every union member
 * tried.
 */
export function problemsIn(model: ApiModel, value: unknown, schema: Schema, path = '$'): string[] {
  if (value === null) return schema.nullable || resolve(model, schema).nullable ? [] : [`${path}: null, but not nullable`];
  const s = resolve(model, schema);
  const expected = (what: string) => [`${path}: expected ${what}, got ${JSON.stringify(value)?.slice(0, 80)}`];
  switch (s.kind) {
    case 'string':
      return typeof value === 'string' || (s.format === 'binary' && value instanceof Blob) ? [] : expected('a string');
    case 'integer':
      return Number.isInteger(value) ? [] : expected('an integer');
    case 'number':
      return typeof value === 'number' ? [] : expected('a number');
    case 'boolean':
      return typeof value === 'boolean' ? [] : expected('a boolean');
    case 'enum':
      return s.values.includes(value as string) ? [] : expected(`one of ${s.values.join(', ')}`);
    case 'array':
      return Array.isArray(value) ? value.flatMap((v, i) => problemsIn(model, v, s.items, `${path}[${i}]`)) : expected('an array');
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return expected('an object');
      const record = value as Record<string, unknown>;
      const declared = new Set(s.properties.map((p) => p.name));
      return [
        ...s.properties.flatMap((p) =>
          record[p.name] === undefined ? (p.required ? [`${path}.${p.name}: required, but missing`] : []) : problemsIn(model, record[p.name], p.schema, `${path}.${p.name}`),
        ),
        ...Object.keys(record)
          .filter((k) => !declared.has(k))
          .flatMap((k) => (s.additionalProperties === false ? [`${path}.${k}: not in the schema`] : s.additionalProperties === true ? [] : problemsIn(model, record[k], s.additionalProperties, `${path}.${k}`))),
      ];
    }
    case 'union': {
      const tries = s.variants.map((v) => problemsIn(model, value, v, path));
      return tries.some((t) => t.length === 0) ? [] : tries.reduce((a, b) => (b.length < a.length ? b : a));
    }
    case 'intersection':
      return s.parts.flatMap((p) => problemsIn(model, value, p, path).filter((line) => !line.endsWith('not in the schema')));
    case 'unknown':
      return [];
    case 'ref':
      throw new Error('resolved above');
  }
}
