// OpenAPI query styles (form, form without explode, space/pipe delimited, deepObject), one encoder
// each, named by reference in an OperationSpec so a bundle holds only the styles its operations use.
// Stripe itself needs deepObject, which is its bracket notation, and form; the others serve other specs.

import type { QueryEncoder } from './operation.js';
import { appendBracketPairs, encodeComponent, isNested, scalarText } from './form-encode.js';

/** A leaf inside a form-style array or object; nesting has no OpenAPI meaning there, so it is sent as JSON. */
const leaf = (value: unknown): string =>
  encodeComponent((isNested(value) ? JSON.stringify(value) : scalarText(value)) ?? '');

/** An array's items (no key of their own: undefined) or an object's properties, undefined ones left out. */
const entries = (value: object): [string | undefined, unknown][] =>
  (Array.isArray(value)
    ? value.map((v): [undefined, unknown] => [undefined, v])
    : Object.entries(value)
  ).filter((e) => e[1] !== undefined);

/** deepObject: Stripe brackets, `a[0]=1`, `a[x]=1`. */
export const deepObjectQuery: QueryEncoder = appendBracketPairs;

/** form (explode): `a=1&a=2`, object properties spread (`x=1&y=2`). */
export const formQuery: QueryEncoder = (out, key, value) => {
  if (!isNested(value)) return appendBracketPairs(out, key, value);
  for (const [k, v] of entries(value))
    out.push((k === undefined ? key : encodeComponent(k)) + '=' + leaf(v));
};

/** The styles that join a parameter's items into one value: `a=1,2`, objects as `a=x,1,y,2`. */
function appendDelimited(out: string[], key: string, value: unknown, delimiter: string): void {
  if (!isNested(value)) return appendBracketPairs(out, key, value);
  const items = entries(value);
  if (items.length) {
    out.push(
      key +
        '=' +
        items
          .flatMap(([k, v]) => (k === undefined ? [leaf(v)] : [encodeComponent(k), leaf(v)]))
          .join(delimiter),
    );
  }
}

/** form without explode: `a=1,2`. */
export const formFlatQuery: QueryEncoder = (out, key, value) =>
  appendDelimited(out, key, value, ',');

export const spaceDelimitedQuery: QueryEncoder = (out, key, value) =>
  appendDelimited(out, key, value, '%20');

export const pipeDelimitedQuery: QueryEncoder = (out, key, value) =>
  appendDelimited(out, key, value, '|');
