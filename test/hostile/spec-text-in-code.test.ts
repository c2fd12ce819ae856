// The escape detector itself: it must tell text inside comments and strings from text in code,
// or the hostile-output test proves nothing.
import { describe, expect, it } from 'vitest';
import { markersOutsideCommentsAndStrings } from './spec-text-in-code.js';

const where = (code: string) =>
  markersOutsideCommentsAndStrings('sample.ts', code, 'MARK_').map((e) => `${e.line}:${e.column} ${e.inside}`);

describe('finding spec text outside comments and strings', () => {
  it('accepts doc comments, block and line comments, and string literals (also as keys and types)', () => {
    const code = [
      '/** MARK_doc *\\/ still a comment */',
      'export const a = \'MARK_single\' + "MARK_double"; // MARK_line',
      "export type B = { 'MARK_key'?: 'MARK_type' }; /* MARK_block */",
      '// MARK_last',
    ].join('\n');
    expect(where(code)).toEqual([]);
  });

  it('reports identifiers, template literals and code a broken comment let out', () => {
    const code = [
      'export const MARK_name = 1;',
      'export const t = `MARK_template`;',
      '/* closed early */ MARK_code; /* */',
      'export type K = { MARK_key: 1 };',
    ].join('\n');
    expect(where(code)).toEqual(['1:14 Identifier', '2:19 NoSubstitutionTemplateLiteral', '3:20 Identifier', '4:19 Identifier']);
  });
});
