// OpenAPI query styles (form, form without explode, space/pipe delimited, deepObject) for one parameter.
// Stripe itself only needs deepObject, which is its bracket notation; the others serve non-Stripe specs.

import type { QueryStyle } from './operation.js';
import { appendBracketPairs, encodeComponent, isNested, scalarText } from './form-encode.js';

const DELIMITER = { 'form-flat': ',', spaceDelimited: '%20', pipeDelimited: '|' } as const;

/** A leaf inside a form-style array or object; nesting has no OpenAPI meaning there, so it is sent as JSON. */
const leaf = (value: unknown): string =>
  encodeComponent((isNested(value) ? JSON.stringify(value) : scalarText(value)) ?? '');

/**
 * Appends the `name=value` pairs of one query parameter to `out`.
 * form: `a=1&a=2`, object properties spread (`x=1&y=2`); form-flat: `a=1,2`, `a=x,1,y,2`;
 * spaceDelimited / pipeDelimited: like form-flat with `%20` / `|`; deepObject: Stripe brackets `a[0]=1`, `a[x]=1`.
 * undefined and empty arrays send nothing; null sends `a=`.
 */
export function appendQueryParam(
  out: string[],
  name: string,
  value: unknown,
  style: QueryStyle,
): void {
  const key = encodeComponent(name);
  if (style === 'deepObject' || !isNested(value)) return appendBracketPairs(out, key, value);
  // Array items have no key of their own (undefined); object properties do.
  const entries = (
    Array.isArray(value)
      ? value.map((v): [undefined, unknown] => [undefined, v])
      : Object.entries(value)
  ).filter((e) => e[1] !== undefined);
  if (style === 'form') {
    for (const [k, v] of entries)
      out.push((k === undefined ? key : encodeComponent(k)) + '=' + leaf(v));
  } else if (entries.length) {
    out.push(
      key +
        '=' +
        entries
          .flatMap(([k, v]) => (k === undefined ? [leaf(v)] : [encodeComponent(k), leaf(v)]))
          .join(DELIMITER[style]),
    );
  }
}
