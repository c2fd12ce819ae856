// The families of change a client feels beyond types, each a before/after pair small enough to
// read in one line: validation keywords on every side (request body, parameter, answer, header),
// the JSON Schema 2020-12 keywords, security, defaults, headers, GET bodies and webhooks. Each
// asserts the rule, the place and the severity. (test/diff/rules.test.ts holds one fixture per
// rule; this table holds the same rules where they meet each keyword and each side.)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeLocation } from '../../generator/diff/change.js';
import { runDiff } from '../../generator/diff/run-diff.js';
import type { RuleId, Severity } from '../../generator/diff/rules.js';
import { scratchDir } from '../support/paths.js';

const OP = { method: 'POST', path: '/v1/widgets/{widget}', name: 'widgets.update' };
type Slot = 'body' | 'param' | 'answer' | 'header';
const PLACE: Record<Slot, ChangeLocation> = {
  body: { operation: OP, parameter: { in: 'body', name: 'value' } },
  param: { operation: OP, parameter: { in: 'query', name: 'q' } },
  answer: { operation: OP, schemaPath: 'response.value' },
  header: { operation: OP, schemaPath: 'headers.X-Rate' },
};

type Json = Record<string, unknown>;
const STRING = { type: 'string' };

/** One operation whose four slots hold plain strings, but the one a case changes. */
function spec(version: string, slot: Slot, schema: Json, extra: Json = {}): Json {
  const at = (s: Slot) => (s === slot ? schema : STRING);
  return {
    openapi: '3.1.0',
    info: { title: 'Widgets', version },
    paths: {
      '/v1/widgets/{widget}': {
        post: {
          parameters: [
            { name: 'widget', in: 'path', required: true, schema: STRING },
            { name: 'q', in: 'query', schema: at('param') },
          ],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { value: at('body') } } } } },
          responses: {
            '200': {
              description: 'The widget.',
              headers: { 'X-Rate': { schema: at('header') } },
              content: { 'application/json': { schema: { type: 'object', properties: { value: at('answer') } } } },
            },
          },
        },
      },
    },
    ...extra,
  };
}

const dir = scratchDir('diff-families');
let n = 0;
async function diff(before: Json, after: Json) {
  const files = [join(dir, `${++n}-old.json`), join(dir, `${n}-new.json`)] as const;
  writeFileSync(files[0], JSON.stringify(before));
  writeFileSync(files[1], JSON.stringify(after));
  return (await runDiff(...files, { today: '2026-12-07' })).changes;
}

type Case = readonly [what: string, slot: Slot, before: Json, after: Json, rule: RuleId, severity: Severity, message: string, schemaPath?: string];

const VALIDATION: readonly Case[] = [
  ['minimum added', 'body', { type: 'integer' }, { type: 'integer', minimum: 1 }, 'request-validation-narrowed', 'breaking', '`minimum 1` added'],
  ['maximum lowered', 'body', { type: 'integer', maximum: 10 }, { type: 'integer', maximum: 5 }, 'request-validation-narrowed', 'breaking', '`maximum 10` → `maximum 5`'],
  ['minimum made exclusive (3.1)', 'body', { type: 'integer', minimum: 0 }, { type: 'integer', exclusiveMinimum: 0 }, 'request-validation-narrowed', 'breaking', '`minimum 0` → `exclusiveMinimum 0`'],
  ['exclusiveMaximum raised', 'body', { type: 'number', exclusiveMaximum: 5 }, { type: 'number', exclusiveMaximum: 9 }, 'request-validation-widened', 'info', '`exclusiveMaximum 5` → `exclusiveMaximum 9`'],
  ['minLength raised', 'body', { type: 'string', minLength: 1 }, { type: 'string', minLength: 2 }, 'request-validation-narrowed', 'breaking', '`minLength` 1 → 2'],
  ['maxLength removed', 'body', { type: 'string', maxLength: 5 }, { type: 'string' }, 'request-validation-widened', 'info', '`maxLength: 5` removed'],
  ['minItems added', 'body', { type: 'array', items: STRING }, { type: 'array', items: STRING, minItems: 1 }, 'request-validation-narrowed', 'breaking', '`minItems: 1` added'],
  ['maxItems lowered', 'body', { type: 'array', items: STRING, maxItems: 9 }, { type: 'array', items: STRING, maxItems: 3 }, 'request-validation-narrowed', 'breaking', '`maxItems` 9 → 3'],
  ['uniqueItems set', 'body', { type: 'array', items: STRING }, { type: 'array', items: STRING, uniqueItems: true }, 'request-validation-narrowed', 'breaking', '`uniqueItems` set'],
  ['pattern added', 'body', STRING, { type: 'string', pattern: '^[a-z]+$' }, 'request-validation-narrowed', 'breaking', '`pattern` `"^[a-z]+$"` added'],
  ['pattern replaced', 'body', { type: 'string', pattern: '^a' }, { type: 'string', pattern: '^b' }, 'request-validation-changed', 'breaking', '`pattern` `"^a"` → `"^b"`'],
  ['format added', 'body', STRING, { type: 'string', format: 'email' }, 'request-validation-narrowed', 'breaking', '`format` `"email"` added'],
  ['multipleOf 2 → 4', 'body', { type: 'integer', multipleOf: 2 }, { type: 'integer', multipleOf: 4 }, 'request-validation-narrowed', 'breaking', '`multipleOf` 2 → 4'],
  ['multipleOf 4 → 2', 'body', { type: 'integer', multipleOf: 4 }, { type: 'integer', multipleOf: 2 }, 'request-validation-widened', 'info', '`multipleOf` 4 → 2'],
  ['multipleOf 2 → 3', 'body', { type: 'integer', multipleOf: 2 }, { type: 'integer', multipleOf: 3 }, 'request-validation-changed', 'breaking', '`multipleOf` 2 → 3'],
  ['minProperties added', 'body', { type: 'object' }, { type: 'object', minProperties: 1 }, 'request-validation-narrowed', 'breaking', '`minProperties: 1` added'],
  ['maxProperties raised', 'body', { type: 'object', maxProperties: 2 }, { type: 'object', maxProperties: 4 }, 'request-validation-widened', 'info', '`maxProperties` 2 → 4'],
  ['a parameter: maxLength lowered', 'param', { type: 'string', maxLength: 9 }, { type: 'string', maxLength: 3 }, 'request-validation-narrowed', 'breaking', '`maxLength` 9 → 3'],
  ['a parameter: minimum removed', 'param', { type: 'integer', minimum: 1 }, { type: 'integer' }, 'request-validation-widened', 'info', '`minimum 1` removed'],
  ['an answer: maxLength raised', 'answer', { type: 'string', maxLength: 5 }, { type: 'string', maxLength: 9 }, 'response-validation-widened', 'warning', '`maxLength` 5 → 9'],
  ['an answer: maximum added', 'answer', { type: 'integer' }, { type: 'integer', maximum: 9 }, 'response-validation-narrowed', 'info', '`maximum 9` added'],
  ['an answer: format replaced', 'answer', { type: 'string', format: 'date' }, { type: 'string', format: 'date-time' }, 'response-validation-changed', 'warning', '`format` `"date"` → `"date-time"`'],
  ['a header: pattern removed', 'header', { type: 'string', pattern: '^\\d+$' }, STRING, 'response-validation-widened', 'warning', '`pattern` `"^\\\\d+$"` removed'],
];

const JSON_SCHEMA_2020: readonly Case[] = [
  [
    'a required property added inside `then`',
    'body',
    { if: { properties: { kind: { const: 'card' } } }, then: { properties: { number: STRING } } },
    { if: { properties: { kind: { const: 'card' } } }, then: { required: ['cvc'], properties: { number: STRING, cvc: STRING } } },
    'request-property-added-required',
    'breaking',
    'new required property `cvc` (`string`)',
    'value.then.cvc',
  ],
  [
    'a property removed from `else`, in an answer',
    'answer',
    { if: { required: ['card'] }, else: { properties: { iban: STRING } } },
    { if: { required: ['card'] }, else: { properties: {} } },
    'response-property-removed',
    'breaking',
    'property `iban` was removed',
    'response.value.else.iban',
  ],
  ['`not` narrowed (the schema widened): judged neither way', 'body', { not: { type: 'integer' } }, { not: { const: 0 } }, 'request-validation-changed', 'breaking', '`not` changed: other values are excluded'],
  ['`if` changed', 'body', { if: { required: ['a'] }, then: { required: ['b'] } }, { if: { required: ['c'] }, then: { required: ['b'] } }, 'request-validation-changed', 'breaking', '`if` changed: the conditions apply to other values'],
  ['`const` set', 'body', STRING, { const: 'eur' }, 'request-type-changed', 'breaking', "type changed from `string` to `'eur'`"],
  ['`contains` added', 'body', { type: 'array', items: STRING }, { type: 'array', items: STRING, contains: { const: 'x' } }, 'request-validation-narrowed', 'breaking', '`contains` added'],
  ['`minContains` raised', 'body', { type: 'array', contains: STRING, minContains: 1 }, { type: 'array', contains: STRING, minContains: 2 }, 'request-validation-narrowed', 'breaking', '`minContains` 1 → 2'],
  ['`prefixItems` entry added', 'body', { type: 'array', prefixItems: [STRING] }, { type: 'array', prefixItems: [STRING, { type: 'integer' }] }, 'request-validation-narrowed', 'breaking', '`prefixItems[1]` added'],
  ['`prefixItems` entry retyped', 'body', { type: 'array', prefixItems: [STRING] }, { type: 'array', prefixItems: [{ type: 'integer' }] }, 'request-type-changed', 'breaking', 'type changed from `string` to `integer`', 'value.prefixItems[0]'],
  ['`dependentRequired` added', 'body', { type: 'object' }, { type: 'object', dependentRequired: { card: ['cvc'] } }, 'request-validation-narrowed', 'breaking', '`dependentRequired` now requires `card → cvc`'],
  ['`dependentSchemas` entry removed', 'body', { type: 'object', dependentSchemas: { card: { required: ['cvc'] } } }, { type: 'object' }, 'request-validation-widened', 'info', '`dependentSchemas[card]` removed'],
  ['`patternProperties` values retyped', 'body', { type: 'object', patternProperties: { '^x-': STRING } }, { type: 'object', patternProperties: { '^x-': { type: 'integer' } } }, 'request-type-changed', 'breaking', 'type changed from `string` to `integer`', 'value.patternProperties[^x-]'],
  ['`propertyNames` added', 'body', { type: 'object' }, { type: 'object', propertyNames: { maxLength: 8 } }, 'request-validation-narrowed', 'breaking', '`propertyNames` added'],
  ['`unevaluatedProperties: false` added', 'body', { type: 'object' }, { type: 'object', unevaluatedProperties: false }, 'request-validation-narrowed', 'breaking', '`unevaluatedProperties` added'],
  ['`unevaluatedItems` removed, in an answer', 'answer', { type: 'array', unevaluatedItems: STRING }, { type: 'array' }, 'response-validation-widened', 'warning', '`unevaluatedItems` removed'],
];

const DEFAULTS: readonly Case[] = [
  ['a parameter default changed', 'param', { type: 'integer', default: 10 }, { type: 'integer', default: 20 }, 'request-default-changed', 'warning', 'default of `q` changed from `10` to `20`: calls that leave it out get other behaviour'],
  ['a property default removed', 'body', { type: 'integer', default: 1 }, { type: 'integer' }, 'request-default-changed', 'warning', 'default of `value` `1` removed: calls that leave it out get other behaviour'],
  ['a response default changed', 'answer', { type: 'string', default: 'a' }, { type: 'string', default: 'b' }, 'response-default-changed', 'info', 'default of `value` changed from `"a"` to `"b"`'],
];

const HEADERS: readonly Case[] = [
  ['a header retyped', 'header', { type: 'integer' }, STRING, 'response-type-changed', 'breaking', 'type changed from `integer` to `string`'],
  ['a header made nullable', 'header', { type: 'integer' }, { type: ['integer', 'null'] }, 'response-became-nullable', 'breaking', '`X-Rate` may now be null'],
];

const FAMILIES: readonly (readonly [string, readonly Case[]])[] = [
  ['validation keywords', VALIDATION],
  ['JSON Schema 2020-12 keywords', JSON_SCHEMA_2020],
  ['defaults', DEFAULTS],
  ['response headers, retyped', HEADERS],
];

describe.each(FAMILIES)('%s', (_family, cases) => {
  const rows = cases.map(([what, slot, before, after, rule, severity, message, schemaPath]) => ({ what, slot, before, after, rule, severity, message, schemaPath }));
  it.each(rows)('$what ($slot)', async ({ slot, before, after, rule, severity, message, schemaPath }) => {
    const changes = await diff(spec('1', slot, before), spec('2', slot, after));
    expect(changes.map((c) => [c.rule, c.severity, c.message, c.places])).toEqual([
      [rule, severity, message, [{ ...PLACE[slot], ...(schemaPath ? { schemaPath } : {}) }]],
    ]);
  });
});

describe('security, media types, servers, GET bodies, webhooks and $defs', () => {
  it('a document-wide requirement where there was none: calls without credentials are rejected, at every operation', async () => {
    const schemes = { components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } } };
    const changes = await diff(spec('1', 'body', STRING, schemes), spec('2', 'body', STRING, { ...schemes, security: [{ key: [] }] }));
    expect(changes.map((c) => [c.rule, c.severity, c.message])).toEqual([
      ['security-alternative-removed', 'breaking', 'calls can no longer authenticate with no credentials'],
      ['security-alternative-added', 'info', 'calls may now authenticate with `key`'],
    ]);
    expect(changes[0]!.places).toEqual([{ operation: OP }]);
  });

  it('a GET body (which the generated client cannot send) is compared like any other', async () => {
    const withGet = (maxLength: number) => ({
      ...spec('1', 'body', STRING),
      paths: {
        '/v1/search': {
          get: {
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { text: { type: 'string', maxLength } } } } } },
            responses: { '200': { description: 'Found.' } },
          },
        },
      },
    });
    const changes = await diff(withGet(100), withGet(10));
    expect(changes.map((c) => [c.rule, c.severity, c.message, c.places])).toEqual([
      ['request-validation-narrowed', 'breaking', '`maxLength` 100 → 10', [{ operation: { method: 'GET', path: '/v1/search', name: 'search.retrieve' }, schemaPath: 'body.text' }]],
    ]);
  });

  it("a 3.1 webhook's payload is read as an answer: a property gone breaks the handler", async () => {
    const hook = (properties: Json) => ({
      webhooks: {
        widgetCreated: {
          post: {
            requestBody: { content: { 'application/json': { schema: { type: 'object', required: Object.keys(properties), properties } } } },
            responses: { '200': { description: 'Received.' } },
          },
        },
      },
    });
    const changes = await diff(spec('1', 'body', STRING, hook({ id: STRING, name: STRING })), spec('2', 'body', STRING, hook({ id: STRING })));
    expect(changes.map((c) => [c.rule, c.severity, c.places])).toEqual([['response-property-removed', 'breaking', [{ webhook: 'widgetCreated POST', schemaPath: 'payload.name' }]]]);
  });

  it("every media type a body takes is compared: the form encoding beside the JSON one, under the media type's name", async () => {
    const twoTypes = (form: Json) => {
      const document = spec('1', 'body', STRING);
      const post = (document.paths as Json)['/v1/widgets/{widget}'] as { post: { requestBody: { content: Json } } };
      post.post.requestBody.content['application/x-www-form-urlencoded'] = { schema: { type: 'object', properties: { value: form } } };
      return document;
    };
    const changes = await diff(twoTypes(STRING), twoTypes({ type: 'integer' }));
    expect(changes.map((c) => [c.rule, c.severity, c.places])).toEqual([
      ['request-type-changed', 'breaking', [{ operation: OP, schemaPath: 'body (application/x-www-form-urlencoded).value' }]],
    ]);
  });

  it("an operation's own server moved: the old base URL is gone, a new one is there", async () => {
    const withServer = (url: string) => {
      const document = spec('1', 'body', STRING);
      ((document.paths as Json)['/v1/widgets/{widget}'] as Json).servers = [{ url }];
      return document;
    };
    const changes = await diff(withServer('https://uploads.example.com'), withServer('https://files.example.com'));
    expect(changes.map((c) => [c.rule, c.severity, c.message, c.places])).toEqual([
      ['server-removed', 'breaking', 'server `https://uploads.example.com` was removed', [{ operation: OP, schemaPath: 'servers' }]],
      ['server-added', 'info', 'new server `https://files.example.com`', [{ operation: OP, schemaPath: 'servers' }]],
    ]);
  });

  it("a request body's own keywords are compared too, not only its properties'", async () => {
    const body = (extra: Json) => {
      const document = spec('1', 'body', STRING);
      const post = (document.paths as Json)['/v1/widgets/{widget}'] as { post: { requestBody: { content: Record<string, { schema: Json }> } } };
      Object.assign(post.post.requestBody.content['application/json']!.schema, extra);
      return document;
    };
    const changes = await diff(body({}), body({ minProperties: 1 }));
    expect(changes.map((c) => [c.rule, c.severity, c.message, c.places])).toEqual([
      ['request-validation-narrowed', 'breaking', '`minProperties: 1` added', [{ operation: OP, schemaPath: 'body' }]],
    ]);
  });

  it('a discriminator mapping that follows a renamed component is the rename, not a remapping', async () => {
    const pets = (cat: string) => ({
      components: {
        schemas: {
          [cat]: { type: 'object', required: ['kind'], properties: { kind: STRING, meows: { type: 'boolean' } } },
          dog: { type: 'object', required: ['kind'], properties: { kind: STRING, barks: { type: 'boolean' } } },
        },
      },
    });
    const pet = (cat: string) => ({
      oneOf: [{ $ref: `#/components/schemas/${cat}` }, { $ref: '#/components/schemas/dog' }],
      discriminator: { propertyName: 'kind', mapping: { cat: `#/components/schemas/${cat}`, dog: '#/components/schemas/dog' } },
    });
    const changes = await diff(spec('1', 'answer', pet('cat'), pets('cat')), spec('2', 'answer', pet('feline'), pets('feline')));
    expect(changes.map((c) => c.rule)).toEqual(['component-renamed']);
  });

  it('a `$defs` entry is compared where it is referenced', async () => {
    const defs = (maxLength: number) => ({ components: { schemas: { holder: { $defs: { code: { type: 'string', maxLength } } } } } });
    const ref = { $ref: '#/components/schemas/holder/$defs/code' };
    const changes = await diff(spec('1', 'body', ref, defs(5)), spec('2', 'body', ref, defs(3)));
    expect(changes.map((c) => [c.rule, c.severity, c.message, c.places])).toEqual([['request-validation-narrowed', 'breaking', '`maxLength` 5 → 3', [PLACE.body]]]);
  });
});
