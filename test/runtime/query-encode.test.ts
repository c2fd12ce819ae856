// Query styles: form (exploded or comma-joined), deepObject brackets, space and pipe delimited.
import { describe, expect, it } from 'vitest';
import { encodeRequest } from '../../templates/runtime/encode-request.js';
import type { QueryEncoder } from '../../templates/runtime/operation.js';
import { deepObjectQuery, formFlatQuery, formQuery, pipeDelimitedQuery, spaceDelimitedQuery } from '../../templates/runtime/query-encode.js';

/** The encoders by the OpenAPI style they implement (`form-flat`: form without explode). */
const ENCODERS = {
  form: formQuery,
  'form-flat': formFlatQuery,
  spaceDelimited: spaceDelimitedQuery,
  pipeDelimited: pipeDelimitedQuery,
  deepObject: deepObjectQuery,
} satisfies Record<string, QueryEncoder>;
type QueryStyle = keyof typeof ENCODERS;

/** One parameter as an operation declaring it with `style` sends it. */
const encode = (name: string, value: unknown, style: QueryStyle) =>
  encodeRequest({ method: 'GET', path: '/x', query: { [name]: ENCODERS[style] } }, {}, { [name]: value }).query.join('&');

describe('query parameter styles', () => {
  const table: Array<[QueryStyle, unknown, string]> = [
    ['deepObject', ['accounts', 'data.owner'], 'p[0]=accounts&p[1]=data.owner'],
    ['deepObject', { gte: 1700000000, lt: new Date(1800000000000) }, 'p[gte]=1700000000&p[lt]=1800000000'],
    ['deepObject', 'plain', 'p=plain'],
    ['form', 'a b', 'p=a%20b'],
    ['form', ['x', 'y z'], 'p=x&p=y%20z'],
    ['form', { r: 100, g: 200 }, 'r=100&g=200'],
    ['form', [1, null, undefined, 2], 'p=1&p=&p=2'],
    ['form-flat', ['x', 'y,z'], 'p=x,y%2Cz'],
    ['form-flat', { r: 100, g: 200 }, 'p=r,100,g,200'],
    ['spaceDelimited', ['x', 'y'], 'p=x%20y'],
    ['pipeDelimited', ['x', 'y|z'], 'p=x|y%7Cz'],
    ['form', true, 'p=true'],
    ['form', new Date(1700000000000), 'p=1700000000'],
    ['form', [{ a: 1 }], 'p=%7B%22a%22%3A1%7D'],
  ];
  it.each(table)('%s encodes %j as %s', (style, value, expected) => {
    expect(encode('p', value, style)).toBe(expected);
  });

  it.each<QueryStyle>(['form', 'form-flat', 'spaceDelimited', 'pipeDelimited', 'deepObject'])(
    '%s: undefined and empty arrays send nothing, null sends an empty value',
    (style) => {
      expect(encode('p', undefined, style)).toBe('');
      expect(encode('p', [], style)).toBe('');
      expect(encode('p', null, style)).toBe('p=');
    },
  );

  it('encodes the parameter name too', () => {
    expect(encode('a b[]', 'x', 'form')).toBe('a%20b[]=x');
  });
});
