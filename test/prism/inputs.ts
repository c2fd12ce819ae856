// A call's inputs built from the spec's own schemas (the raw document, so that patterns, formats,
// bounds and examples hold: json-schema-faker fills them, seeded, so every run sends the same, and
// Ajv checks each value against its schema),
// either only what is required or everything, and laid out as the generated method takes them:
// path ids first, then one params object (the body's properties, or the body as its `body` field).
import { createRequire } from 'node:module';
import type { Ajv as AjvInstance, Options as AjvOptions } from 'ajv';
import { JSONSchemaFaker } from 'json-schema-faker';
import type { BodyContent, Operation, Parameter } from '../../generator/model/ir.js';
import { refTokens } from '../../generator/parse/locate.js';
import { resolveLocalRef } from '../../generator/parse/refs.js';

type Raw = Record<string, unknown>;

export interface CallInputs {
  /** The path ids, in the order the method takes them. */
  readonly pathArgs: readonly string[];
  readonly pathValues: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, unknown>>;
  /** The body as sent (undefined for none), in the media type `content` says. */
  readonly body: unknown;
  readonly content: BodyContent | undefined;
  /** The params object the method takes, or undefined when it takes none. */
  readonly params: Record<string, unknown> | undefined;
}

/** Headers the transport owns (OpenAPI says a parameter of these names is ignored). */
const OWN_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/** A small deterministic generator (mulberry32), so values are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const deref = (doc: Raw, node: unknown): Raw => {
  let current = node as Raw | undefined;
  for (let hops = 0; hops < 20 && typeof current?.$ref === 'string'; hops++) current = resolveLocalRef(doc, current.$ref) as Raw | undefined;
  return current ?? {};
};

// Formats json-schema-faker does not know: OpenAPI's base64 strings, and `url` (DigitalOcean's).
JSONSchemaFaker.format('byte', () => btoa('hello prism'));
JSONSchemaFaker.format('url', () => 'https://example.com/prism');

/**
 * Only the components `schema` reaches through its `$ref`s, each where the document has it:
 * json-schema-faker walks every component it is given on every call, which on GitHub's 969
 * schemas made one value take a quarter of a second.
 */
function reachableComponents(doc: Raw, schema: unknown): Raw {
  const components: Record<string, Raw> = {};
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const ref = (node as Raw).$ref;
    if (typeof ref === 'string' && !seen.has(ref)) {
      seen.add(ref);
      // The whole named component, also for a pointer into it (`#/components/schemas/A/properties/b`).
      const [root, kind, name] = refTokens(ref);
      const target = root === 'components' && kind !== undefined && name !== undefined ? ((doc.components as Record<string, Raw> | undefined)?.[kind]?.[name] as unknown) : undefined;
      if (target !== undefined && components[kind!]?.[name!] === undefined) {
        (components[kind!] ??= {})[name!] = target;
        visit(target);
      }
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(schema);
  return components;
}

/**
 * The schema with its `$ref`s replaced by what they point to, but a recursive one (a `$ref` inside
 * its own target) or one too deep: json-schema-faker follows each `$ref` only one to three times
 * per value (its guard against recursion), then fills the spot with the keywords beside the `$ref`
 * (`{}`, or a description object), which a schema reused across a body hits.
 */
function inlined(doc: Raw, node: unknown, stack: readonly string[], allOfPart = false): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((item) => inlined(doc, item, stack, allOfPart));
  const { $ref, ...rest } = node as Raw;
  const out: Raw = {};
  for (const [key, value] of Object.entries(rest)) out[key] = inlined(doc, value, stack, key === 'allOf');
  chooseRequirement(out);
  const target = typeof $ref === 'string' ? resolveLocalRef(doc, $ref) : undefined;
  if (typeof $ref === 'string' && (target === undefined || stack.includes($ref) || stack.length >= 8)) return { $ref, ...out };
  const whole = target === undefined ? out : { ...out, ...(inlined(doc, target, [...stack, $ref as string], allOfPart) as Raw) };
  // A part of an `allOf` may require what another part declares: the whole is judged at its top.
  if (!allOfPart) declareRequired(whole);
  return whole;
}

/**
 * A requirement stated as a choice (`anyOf: [{ required: [a] }, { required: [b] }]`), which
 * json-schema-faker does not read: the first choice made a requirement, and for a `oneOf` the
 * properties only the others require (and nothing else does) left out, so that exactly one holds.
 */
function chooseRequirement(schema: Raw): void {
  for (const key of ['anyOf', 'oneOf'] as const) {
    const choices = schema[key];
    if (!Array.isArray(choices) || choices.length === 0) continue;
    if (!choices.every((c) => c !== null && typeof c === 'object' && Object.keys(c).every((k) => k === 'required'))) continue;
    const [first, ...others] = choices.map((c) => ((c as Raw).required as string[] | undefined) ?? []);
    const required = [...new Set([...((schema.required as string[] | undefined) ?? []), ...first!])];
    schema.required = required;
    if (key === 'oneOf' && schema.properties) {
      const properties = { ...(schema.properties as Raw) };
      for (const name of others.flat()) if (!required.includes(name)) delete properties[name];
      schema.properties = properties;
    }
    delete schema[key];
  }
}

/**
 * A name an object's `required` lists that neither its properties nor its parts (`allOf`, `anyOf`,
 * `oneOf`) declare (DigitalOcean's uptime check `method`, logtail `endpoint`) declared as a string:
 * json-schema-faker fills only declared properties, and the client types such a field `unknown`.
 */
function declareRequired(schema: Raw): void {
  if (schema.type !== 'object' && schema.properties === undefined && schema.allOf === undefined) return;
  const declared = declaredNames(schema, 0);
  const missing = [...requiredNames(schema, 0)].filter((name) => !declared.has(name));
  if (missing.length > 0) schema.properties = { ...((schema.properties as Raw | undefined) ?? {}), ...Object.fromEntries(missing.map((name) => [name, { type: 'string' }])) };
}

/** The names a schema and its `allOf` parts require (parts already inlined). */
function requiredNames(schema: Raw, depth: number): Set<string> {
  const names = new Set(Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : []);
  if (depth > 8) return names;
  for (const part of (schema.allOf as Raw[] | undefined) ?? []) for (const name of requiredNames(part, depth + 1)) names.add(name);
  return names;
}

/** The property names a schema or any of its parts declares (parts already inlined). */
function declaredNames(schema: Raw, depth: number): Set<string> {
  const names = new Set(Object.keys((schema.properties as Raw | undefined) ?? {}));
  if (depth > 8) return names;
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    for (const part of (schema[key] as Raw[] | undefined) ?? []) for (const name of declaredNames(part, depth + 1)) names.add(name);
  }
  return names;
}

// Ajv is a CommonJS module: its class is `default` on what require gives.
const Ajv = (createRequire(import.meta.url)('ajv') as { default: new (options: AjvOptions) => AjvInstance }).default;
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: false });

/** Seeds tried for one value: json-schema-faker's picks (a `oneOf` member, an enum value, an array's length) ignore the keywords beside them. */
const TRIES = 8;

/**
 * A value for `schema` that the schema accepts (by Ajv, OpenAPI's own keywords ignored): the first
 * of a few seeds that gives one, else the first seed's value (the reviewed list names those).
 */
function fake(doc: Raw, schema: unknown, all: boolean, seed: number): unknown {
  const expanded = inlined(doc, schema, []);
  const root = { ...(expanded as object), components: reachableComponents(doc, expanded) };
  let check: ((value: unknown) => boolean) | undefined;
  try {
    check = ajv.compile(root);
  } catch {
    check = undefined; // a keyword OpenAPI 3.0 reads otherwise (`exclusiveMinimum: true`): no check
  }
  let value: unknown;
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const next = generated(root, all, seed + attempt * 7919);
    if (attempt === 0) value = next;
    if (!check || check(next)) {
      value = next;
      break;
    }
  }
  if (check) ajv.removeSchema(root);
  // A null where the schema offers a real value too tells the server nothing (Prism reads a JSON
  // `null` body as no body): take the other variant.
  const variants = value === null ? nonNullVariants(deref(doc, schema)) : undefined;
  return variants ? fake(doc, variants, all, seed) : shaped(doc, schema, value, 0);
}

/** json-schema-faker's value for the (inlined) schema with its components, from `seed`. */
function generated(root: object, all: boolean, seed: number): unknown {
  JSONSchemaFaker.option({
    alwaysFakeOptionals: all,
    requiredOnly: !all,
    useExamplesValue: false,
    useDefaultValue: false,
    fixedProbabilities: true,
    omitNulls: true,
    minItems: 1,
    maxItems: 2,
    refDepthMax: 3,
    failOnInvalidTypes: false,
    failOnInvalidFormat: false,
    random: seeded(seed),
  });
  return JSONSchemaFaker.generate(root as Parameters<typeof JSONSchemaFaker.generate>[0]);
}

function nonNullVariants(schema: Raw): Raw | undefined {
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (!Array.isArray(list)) continue;
    const kept = list.filter((v) => (v as Raw).type !== 'null');
    if (kept.length > 0 && kept.length < list.length) return { ...schema, [key]: kept };
  }
  return undefined;
}

/**
 * The value as a request may carry it: `readOnly` properties left out (they belong to answers),
 * `format: binary` strings turned into files (bytes of text, so the wire can be compared).
 */
function shaped(doc: Raw, schema: unknown, value: unknown, depth: number): unknown {
  const s = deref(doc, schema);
  if (depth > 12 || value === null || value === undefined) return value;
  if (s.type === 'string' && s.format === 'binary') return new Blob([`file bytes ${String(value).slice(0, 8)}`], { type: 'text/plain' });
  if (Array.isArray(value)) return value.map((v) => shaped(doc, s.items, v, depth + 1));
  if (typeof value !== 'object') return value;
  const properties: Record<string, unknown> = {};
  for (const part of [s, ...((s.allOf as unknown[]) ?? []).map((p) => deref(doc, p))]) Object.assign(properties, (part as Raw).properties ?? {});
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const property = deref(doc, properties[k]);
    if (property.readOnly === true) continue;
    out[k] = shaped(doc, properties[k], v, depth + 1);
  }
  // json-schema-faker fills `additionalProperties` past `maxProperties`: keep the required members
  // and the first others up to the bound.
  const max = s.maxProperties;
  if (typeof max !== 'number' || Object.keys(out).length <= max) return out;
  const required = new Set((s.required as string[] | undefined) ?? []);
  const kept = Object.keys(out).sort((a, b) => Number(required.has(b)) - Number(required.has(a))).slice(0, max);
  return Object.fromEntries(Object.entries(out).filter(([k]) => kept.includes(k)));
}

/** The raw operation and its parameters (path item's and its own, references followed). */
function rawOperation(doc: Raw, op: Operation): { operation: Raw; parameters: Raw[] } {
  const pathItem = deref(doc, (doc.paths as Raw)[op.path]);
  const operation = (pathItem[op.method] ?? {}) as Raw;
  const parameters = [...((pathItem.parameters as unknown[]) ?? []), ...((operation.parameters as unknown[]) ?? [])].map((p) => deref(doc, p));
  return { operation, parameters };
}

function schemaOf(parameters: readonly Raw[], p: Parameter): unknown {
  const raw = [...parameters].reverse().find((r) => r.name === p.name && r.in === p.in);
  if (!raw) return { type: 'string' }; // a placeholder the spec forgot to declare
  return raw.schema ?? (Object.values((raw.content as Raw | undefined) ?? {})[0] as Raw | undefined)?.schema ?? { type: 'string' };
}

/** A path id that survives the path checks: not empty, not `.` or `..`. */
function pathValue(value: unknown): string {
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text === '' || text === '.' || text === '..' ? 'id1' : text;
}

/**
 * A body of a raw media type: the string the schema asks for (base64 for `format: byte`, text),
 * else bytes (of ASCII text, so the capture compares them).
 */
function rawBodyValue(schema: Raw, faked: unknown): unknown {
  if (typeof faked === 'string' && schema.format !== 'binary' && faked !== '') return faked;
  return new TextEncoder().encode(`bytes: ${typeof faked === 'string' ? faked : 'hello prism'}`);
}

export function callInputs(doc: Raw, op: Operation, all: boolean): CallInputs {
  const { operation, parameters } = rawOperation(doc, op);
  let seed = 1;
  const valueOf = (p: Parameter) => fake(doc, schemaOf(parameters, p), all, seed++);
  const pathValues: Record<string, string> = {};
  for (const p of op.parameters.path) pathValues[p.name] = pathValue(valueOf(p));
  const pick = (list: readonly Parameter[], keep: (p: Parameter, v: unknown) => boolean) => {
    const out: Record<string, unknown> = {};
    for (const p of list) {
      if (!p.required && !all) continue;
      const v = valueOf(p);
      if (v !== undefined && keep(p, v)) out[p.name] = v;
    }
    return out;
  };
  const query = pick(op.parameters.query, () => true);
  const headers = pick(op.parameters.header, (p, v) => !OWN_HEADERS.has(p.name.toLowerCase()) && v !== null && typeof v !== 'object');
  const requestBody = op.requestBody;
  const sendBody = requestBody !== undefined && (requestBody.required || all);
  let body: unknown;
  if (sendBody) {
    const rawBody = deref(doc, operation.requestBody);
    const media = ((rawBody.content as Raw | undefined) ?? {})[requestBody.mediaType] as Raw | undefined;
    const faked = fake(doc, media?.schema ?? {}, all, seed++);
    body = requestBody.kind === 'raw' ? rawBodyValue(deref(doc, media?.schema), faked) : faked;
  }
  const spread = requestBody?.param === undefined && body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const asField = requestBody?.param !== undefined && body !== undefined ? { [requestBody.param]: body } : {};
  const params = { ...query, ...headers, ...spread, ...asField };
  const takesParams = op.parameters.query.length + op.parameters.header.length > 0 || requestBody !== undefined;
  return {
    pathArgs: op.parameters.path.map((p) => pathValues[p.name]!),
    pathValues,
    query,
    headers,
    body,
    content: sendBody ? requestBody : undefined,
    params: takesParams ? params : undefined,
  };
}
