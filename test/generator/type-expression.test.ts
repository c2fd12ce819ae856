// Table tests for the type printer (laid out as prettier would) and the doc-comment writer: one row per IR kind or text case.
import { describe, expect, it } from 'vitest';
import type { Schema } from '../../generator/model/ir.js';
import { format } from 'prettier';
import { stringLiteral } from '../../generator/emit/layout.js';
import { PRETTIER_OPTIONS } from '../../generator/format/text.js';
import { propertyKey, typeExpression } from '../../generator/emit/type-expression.js';
import { docComment, htmlToText } from '../../generator/emit/tsdoc.js';

const ctx = { typeName: (name: string) => `T_${name}` };
const prim = (kind: 'string' | 'integer' | 'boolean', nullable = false): Schema => ({ kind, nullable });

describe('IR schemas print as TypeScript types', () => {
  it.each<[string, Schema, string]>([
    ['string', prim('string'), 'string'],
    ['integer', prim('integer'), 'number'],
    ['nullable string', prim('string', true), 'string | null'],
    ['ref keeps the component name', { kind: 'ref', target: 'account', nullable: false }, 'T_account'],
    ['enum as string literals', { kind: 'enum', values: ['cash', 'credit'], nullable: false }, "'cash' | 'credit'"],
    ['empty enum', { kind: 'enum', values: [], nullable: false }, 'never'],
    ['array of primitives', { kind: 'array', items: prim('string'), nullable: false }, 'string[]'],
    [
      'array of a union',
      { kind: 'array', items: { kind: 'enum', values: ['a', 'b'], nullable: false }, nullable: false },
      "Array<'a' | 'b'>",
    ],
    [
      'expandable: id or object',
      { kind: 'union', variants: [prim('string'), { kind: 'ref', target: 'x', nullable: false }], nullable: true },
      'string | T_x | null',
    ],
    [
      'allOf as intersection',
      {
        kind: 'intersection',
        parts: [
          { kind: 'ref', target: 'a', nullable: false },
          { kind: 'union', variants: [prim('string'), prim('integer')], nullable: false },
        ],
        nullable: false,
      },
      'T_a & (string | number)',
    ],
    ['unknown stays unknown when nullable', { kind: 'unknown', nullable: true }, 'unknown'],
    [
      'map of strings',
      { kind: 'object', properties: [], additionalProperties: prim('string'), expandableFields: [], nullable: false },
      '{\n  [key: string]: string;\n}',
    ],
    [
      'closed empty object',
      { kind: 'object', properties: [], additionalProperties: false, expandableFields: [], nullable: false },
      'Record<string, never>',
    ],
  ])('%s', (_, schema, expected) => {
    expect(typeExpression(schema, ctx)).toBe(expected);
  });

  it('object properties keep their docs, optionality and quoted keys', () => {
    const schema: Schema = {
      kind: 'object',
      nullable: false,
      additionalProperties: false,
      expandableFields: [],
      properties: [
        { name: 'created', required: true, schema: { kind: 'integer', format: 'unix-time', nullable: false, description: 'When.' } },
        { name: 'data-id', required: false, schema: prim('string') },
      ],
    };
    expect(typeExpression(schema, ctx)).toBe(
      "{\n  /**\n   * When.\n   *\n   * Unix time: seconds since 1970-01-01T00:00:00Z.\n   */\n  created: number;\n  'data-id'?: string;\n}",
    );
  });
});

describe('literals and keys are escaped', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", '"it\'s"'],
    ["it's \"one\" 'or' \"two\"", "'it\\'s \"one\" \\'or\\' \"two\"'"],
    ['back\\slash', "'back\\\\slash'"],
    ['C:\\logs\\', "'C:\\\\logs\\\\'"],
    ['new\nline\ttab\u0001', "'new\\nline\\ttab\\u0001'"],
    ['say "hi"', '\'say "hi"\''],
    ['\u2028\u2029', "'\\u2028\\u2029'"],
  ])('stringLiteral(%j) = %s, as prettier writes it', async (value, expected) => {
    expect(stringLiteral(value)).toBe(expected);
    const statement = `export const x = ${expected};\n`;
    expect(await format(statement, PRETTIER_OPTIONS)).toBe(statement);
    expect(new Function(`return ${expected}`)()).toBe(value);
  });

  it.each([
    ['id', 'id'],
    ['data-id', "'data-id'"],
    ['1st', "'1st'"],
    ['', "''"],
    ['$ok_1', '$ok_1'],
  ])('propertyKey(%j) = %s', (name, expected) => {
    expect(propertyKey(name)).toBe(expected);
  });
});

describe('spec prose becomes safe, readable TSDoc', () => {
  it('turns Stripe HTML into Markdown-ish text', () => {
    expect(htmlToText('<p>Returns <code>Account</code> objects, see <a href="https://x.test/a">docs</a>.</p>')).toBe(
      'Returns `Account` objects, see [docs](https://x.test/a).',
    );
  });

  it('cannot be closed early by */ in the text', () => {
    const doc = docComment('evil */ console.log(1) /*');
    expect(doc).toBe('/** evil *\\/ console.log(1) /* */');
    expect(doc.indexOf('*/')).toBe(doc.length - 2);
  });

  it('turns U+2028 and U+2029 into plain newlines', () => {
    expect(docComment('a\u2028b\u2029c')).toBe('/**\n * a\n * b\n * c\n */');
  });

  it('says nothing when there is nothing to say', () => {
    expect(docComment(undefined, '  ')).toBe('');
  });
});
