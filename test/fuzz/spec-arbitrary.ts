// Random OpenAPI documents for the fuzzer: small, but built from everything that has broken code
// generators before: recursion through every keyword (and with nothing in between), unions,
// intersections, nullability in both 3.0 and 3.1 spellings, enums of awkward values, names
// that are keywords or not identifiers at all (or that collide once cased), prose written to
// break out of comments, documents without components, and the discriminator pattern.
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Text written to escape: comment ends, template syntax, line separators, HTML, quotes. */
const HOSTILE_TEXT = [
  '*/',
  '/*',
  '*/ export const pwned = 1; /*',
  '`',
  '${x}',
  '\u2028',
  '\u2029',
  '</script>',
  "'",
  '"',
  '\\',
  '\n',
  '\r\n',
  '@deprecated',
  '{@link x}',
  '&amp;',
  '&constructor;',
  '<code>*/</code>',
  '<p>a</p><p>b</p>',
  '__proto__',
  '',
];

const oddText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.array(fc.constantFrom(...HOSTILE_TEXT, 'word', ' ', 'x'), { maxLength: 6 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

/** Names that are keywords, globals, runtime names, not identifiers, or empty once cleaned. */
const ODD_NAMES = [
  'thing',
  'Thing',
  'thing_2',
  'delete',
  'class',
  'new',
  'return',
  'function',
  'default',
  'Promise',
  'Error',
  'Array',
  'Record',
  'Transport',
  'ApiError',
  'ListObject',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'a.b',
  'x-y',
  'data-id',
  '1st',
  '123',
  '_',
  '-',
  '$',
  'list',
  'object',
  'data',
  'has_more',
  'params',
  'options',
  'bind',
  'sleep',
  'createClient',
  'eval',
  'arguments',
  'undefined',
  'null',
  'ünïcode',
  'API',
  'ID',
  'Params',
  'fooBar',
  'foo_bar',
  'FooBar',
  'let',
  'yield',
];
const oddName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_NAMES) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9._-]{1,8}$/) },
);

/** Property names: anything at all, as JSON allows. */
const propertyName = fc.oneof({ weight: 3, arbitrary: oddName }, { weight: 1, arbitrary: oddText });

const enumValue: fc.Arbitrary<Json> = fc.oneof(
  oddText,
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

export interface SpecOptions {
  readonly version: '3.0.3' | '3.1.0';
  readonly schemaNames: readonly string[];
}

/** One schema; `depth` bounds nesting, `$ref`s to `schemaNames` make every kind of cycle. */
function schema(options: SpecOptions, depth: number): fc.Arbitrary<JsonObject> {
  const leaves: fc.Arbitrary<JsonObject>[] = [
    fc.record(
      {
        type: fc.constant('string'),
        format: fc.constantFrom('date-time', 'binary', 'unix-time', 'weird'),
      },
      { requiredKeys: ['type'] },
    ),
    fc.record(
      {
        type: fc.constantFrom('integer', 'number'),
        format: fc.constantFrom('unix-time', 'int64'),
      },
      { requiredKeys: ['type'] },
    ),
    fc.constant({ type: 'boolean' }),
    fc.constant({}),
    fc.record({
      type: fc.constant('string'),
      enum: fc.array(oddText, { minLength: 1, maxLength: 4 }),
    }),
    fc.record({ enum: fc.array(enumValue, { minLength: 1, maxLength: 4 }) }),
    fc.record({ not: fc.constant({ type: 'string' }) }),
  ];
  if (options.schemaNames.length > 0) {
    leaves.push(fc.constantFrom(...options.schemaNames).map((name) => ({ $ref: `#/components/schemas/${encodeRef(name)}` })));
  }
  const leaf = fc.oneof(...leaves);
  if (depth <= 0) return decorate(leaf, options);
  const inner = schema(options, depth - 1);
  const composite: fc.Arbitrary<JsonObject>[] = [
    object(inner),
    fc.record({ type: fc.constant('array'), items: inner }),
    fc.record({ oneOf: fc.array(inner, { minLength: 1, maxLength: 3 }) }),
    fc.record({ anyOf: fc.array(inner, { minLength: 1, maxLength: 3 }) }),
    fc.record({ allOf: fc.array(inner, { minLength: 1, maxLength: 3 }) }),
  ];
  return decorate(fc.oneof({ weight: 2, arbitrary: leaf }, ...composite.map((arbitrary) => ({ weight: 1, arbitrary }))), options);
}

function object(inner: fc.Arbitrary<JsonObject>): fc.Arbitrary<JsonObject> {
  return fc
    .record(
      {
        properties: fc.dictionary(propertyName, inner, { maxKeys: 4 }),
        additionalProperties: fc.oneof(fc.boolean(), inner),
        required: fc.constant(true),
        'x-expandableFields': fc.constant(true),
      },
      { requiredKeys: ['properties'] },
    )
    .chain(({ properties, additionalProperties, required, 'x-expandableFields': expandable }) => {
      const keys = Object.keys(properties);
      const picked = required && keys.length > 0 ? fc.subarray(keys) : fc.constant([] as string[]);
      return picked.map((requiredKeys) => ({
        type: 'object',
        properties,
        ...(additionalProperties !== undefined ? { additionalProperties } : {}),
        ...(requiredKeys.length > 0 ? { required: requiredKeys } : {}),
        ...(expandable && keys.length > 0 ? { 'x-expandableFields': keys.slice(0, 1) } : {}),
      }));
    });
}

/** Adds a description, deprecation and nullability, spelled as the document's version spells it. */
function decorate(base: fc.Arbitrary<JsonObject>, options: SpecOptions): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(base, fc.option(oddText, { nil: undefined }), fc.boolean(), fc.boolean())
    .map(([node, description, nullable, deprecated]) => {
      const out: JsonObject = { ...node };
      if (description !== undefined && !('$ref' in node)) out.description = description;
      if (deprecated && !('$ref' in node)) out.deprecated = true;
      if (nullable) {
        if ('$ref' in node)
          return {
            anyOf: [node, options.version === '3.0.3' ? { nullable: true } : { type: 'null' }],
          } as JsonObject;
        if (options.version === '3.0.3') out.nullable = true;
        else if (typeof node.type === 'string') out.type = [node.type, 'null'];
      }
      return out;
    });
}

/** Request media types: the three the runtime encodes, one it does not, and odd keys. */
function mediaTypes(options: SpecOptions): string[] {
  const usual = ['application/x-www-form-urlencoded', 'application/json', 'multipart/form-data', 'text/plain'];
  return [...usual, 'constructor', 'toString'];
}

const SEGMENTS = [
  'v1',
  'things',
  'delete',
  'class',
  'new',
  '1st',
  'data-id',
  'search',
  '__proto__',
  'constructor',
  'list',
  'ünï',
  '---',
];
const PARAMS = ['{id}', '{class}', '{data-id}', '{1st}', '{transport}', '{Id}', '{arguments}', '{eval}', '{let}'];

function path(options: SpecOptions): fc.Arbitrary<string> {
  const params = PARAMS;
  return fc
    .array(
      fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SEGMENTS) }, { weight: 1, arbitrary: fc.constantFrom(...params) }),
      { minLength: 1, maxLength: 4 },
    )
    .map((segments) => '/' + segments.join('/'));
}

/** The path with a plain segment before any parameter (a leading `v1` does not count). */
function operation(options: SpecOptions, pathText: string, method: string): fc.Arbitrary<JsonObject> {
  const body = schema(options, 2);
  const pathParams = [...new Set([...pathText.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!))];
  const listResponse = body.map((item) => ({
    type: 'object',
    required: ['object', 'data', 'has_more'],
    properties: {
      object: { type: 'string', enum: ['list'] },
      data: { type: 'array', items: item },
      has_more: { type: 'boolean' },
      url: { type: 'string' },
    },
  }));
  return fc
    .record({
      summary: fc.option(oddText, { nil: undefined }),
      description: fc.option(oddText, { nil: undefined }),
      query: fc.dictionary(
        propertyName,
        schema(options, 1),
        { maxKeys: 3 },
      ),
      header: fc.option(fc.constantFrom('Idempotency-Key', "X-Odd'Header", 'Stripe-Account'), { nil: undefined }),
      requestBody:
        method === 'get' || method === 'delete'
          ? fc.constant(undefined)
          : fc.option(fc.tuple(fc.constantFrom(...mediaTypes(options)), object(schema(options, 1)), fc.boolean()), {
              nil: undefined,
            }),
      response: fc.oneof(body, listResponse, fc.constant(undefined)),
      // Shared operationIds too: a name kept apart by its operationId may meet another.
      operationId: fc.option(fc.constantFrom('getThing', 'listThings', 'delete', 'thingsList', '1st'), { nil: undefined }),
      deprecated: fc.boolean(),
    })
    .map(({ summary, description, query, header, requestBody, response, operationId, deprecated }) => {
      return {
        ...(operationId !== undefined ? { operationId } : {}),
        ...(summary !== undefined ? { summary } : {}),
        ...(description !== undefined ? { description } : {}),
        ...(deprecated ? { deprecated: true } : {}),
        parameters: [
          ...pathParams.map((name) => ({
            name,
            in: 'path',
            required: true,
            schema: { type: 'string' },
          })),
          ...Object.entries(query).map(([name, s]) => ({
            name,
            in: 'query',
            schema: s,
          })),
          ...(header ? [{ name: header, in: 'header', schema: { type: 'string' } }] : []),
        ],
        ...(requestBody
          ? {
              requestBody: {
                required: requestBody[2],
                content: { [requestBody[0]]: { schema: requestBody[1] } },
              },
            }
          : {}),
        responses: {
          '200': {
            description: 'ok',
            ...(response ? { content: { 'application/json': { schema: response } } } : {}),
          },
          default: {
            description: 'error',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { error: { type: 'object' } },
                },
              },
            },
          },
        },
      };
    });
}

/**
 * The discriminator pattern: `Parent: oneOf [A, B]` with a discriminator (mapped or not), each
 * variant `allOf [Parent, {…}]`, under odd names.
 */
function polymorphism(options: SpecOptions): fc.Arbitrary<JsonObject> {
  return fc
    .record({
      names: fc.uniqueArray(fc.constantFrom('Pet', 'Cat', 'Dog', 'class', 'Item_1', 'item1', 'delete'), { minLength: 3, maxLength: 3 }),
      property: fc.constantFrom('type', 'kind', 'class', 'object'),
      mapped: fc.boolean(),
      parentProperties: fc.dictionary(propertyName, schema(options, 1), { maxKeys: 2 }),
      own: fc.tuple(object(schema(options, 1)), object(schema(options, 1))),
    })
    .map(({ names: [parent, a, b], property, mapped, parentProperties, own }) => {
      const ref = (name: string) => ({ $ref: `#/components/schemas/${encodeRef(name!)}` });
      return {
        [parent!]: {
          type: 'object',
          required: [property],
          properties: { ...parentProperties, [property]: { type: 'string' } },
          discriminator: { propertyName: property, ...(mapped ? { mapping: { first: ref(a!).$ref, second: ref(b!).$ref } } : {}) },
          oneOf: [ref(a!), ref(b!)],
        },
        [a!]: { allOf: [ref(parent!), own[0]] },
        [b!]: { allOf: [ref(parent!), own[1]] },
      } as JsonObject;
    });
}

/** A whole document: 0–5 component schemas (or no `components` at all), maybe a polymorphic family, 0–4 operations. */
export function openApiDocument(): fc.Arbitrary<JsonObject> {
  return fc
    .record({
      version: fc.constantFrom('3.0.3' as const, '3.1.0' as const),
      schemaNames: fc.uniqueArray(oddName, { maxLength: 5 }),
    })
    .chain((options) =>
      fc.record({
        options: fc.constant(options),
        title: oddText,
        apiVersion: oddText,
        schemas: fc.tuple(...options.schemaNames.map(() => schema(options, 3))),
        family: fc.option(polymorphism(options), { nil: undefined, freq: 2 }),
        withoutComponents: fc.boolean(),
        paths: fc.uniqueArray(fc.tuple(path(options), fc.constantFrom('get', 'post', 'delete', 'put', 'patch')), {
          minLength: 0,
          maxLength: 4,
          selector: ([p, m]) => `${m} ${p}`,
        }),
      }),
    )
    .chain(({ options, title, apiVersion, schemas, family, withoutComponents, paths }) =>
      fc.tuple(...paths.map(([p, m]) => operation(options, p, m))).map((operations) => {
        const pathItems: { [path: string]: JsonObject } = {};
        paths.forEach(([p, m], i) => (pathItems[p] = { ...(pathItems[p] ?? {}), [m]: operations[i]! }));
        return {
          openapi: options.version,
          info: { title, version: apiVersion },
          servers: [{ url: 'https://api.example.test' }],
          paths: pathItems,
          ...(withoutComponents && options.schemaNames.length === 0 && !family
            ? {}
            : {
                components: {
                  schemas: { ...Object.fromEntries(options.schemaNames.map((name, i) => [name, schemas[i]!])), ...family },
                  securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
                },
              }),
        } satisfies JsonObject;
      }),
    );
}

/** An object schema without the named properties (and without them in `required`). */

/** A component name inside a `$ref`: JSON-pointer escaped, then URI-encoded as a fragment. */
function encodeRef(name: string): string {
  return encodeURIComponent(name.replace(/~/g, '~0').replace(/\//g, '~1'));
}
