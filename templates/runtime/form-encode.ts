// Stripe bracket notation (`a[b][0]=x`) for form bodies and deepObject queries, plus the percent-encoder.
// Byte-compatible with stripe-node 14 (qs.stringify, indices arrays, Date as unix seconds, then %5B/%5D
// turned back into brackets), but written as one pass that appends to an array: it runs on every call.

/** Characters that never need escaping: RFC 3986 unreserved, plus `[` `]` which Stripe sends literally. */
const SAFE = /^[\w.~[\]-]*$/;
/** Deeper than this is almost certainly a cycle; failing clearly beats a stack overflow. */
const MAX_DEPTH = 32;

/** Whether a value is encoded by its members (objects, arrays) rather than as text (Dates are text). */
export const isNested = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !(value instanceof Date);

/**
 * Percent-encodes one key or value the way stripe-node does: UTF-8, RFC 3986 unreserved characters and
 * `[` `]` left as they are, everything else `%XX` (so a space is `%20`, never `+`).
 * Most Stripe keys and values (ids, enums, numbers) are already safe, so that case is a single regex test.
 */
export function encodeComponent(s: string): string {
  if (SAFE.test(s)) return s;
  let out: string;
  try {
    out = encodeURIComponent(s);
  } catch {
    // Lone UTF-16 surrogates have no UTF-8 form; qs and TextEncoder send U+FFFD instead of throwing.
    out = encodeURIComponent(new TextDecoder().decode(new TextEncoder().encode(s)));
  }
  // encodeURIComponent leaves !'()* alone, which RFC 3986 (and so qs) escapes, and escapes the brackets Stripe does not.
  return out.replace(/[!'()*]|%5[BD]/g, (m) =>
    m[1] ? decodeURIComponent(m) : '%' + m.charCodeAt(0).toString(16).toUpperCase(),
  );
}

/**
 * The text of a leaf value: null is empty (Stripe's way to unset a field), a Date is unix seconds;
 * `undefined` means "send nothing" (undefined and functions, like qs).
 */
export function scalarText(value: unknown): string | undefined {
  return value instanceof Date
    ? String(Math.floor(value.getTime() / 1000))
    : value === null
      ? ''
      : value === undefined || typeof value === 'function'
        ? undefined
        : String(value);
}

/**
 * Appends `key=value` pairs for one parameter to `out`. `key` must already be encoded.
 * null → `key=` (Stripe's way to unset a field); undefined, functions and empty arrays/objects → nothing;
 * arrays → `key[0]`, `key[1]`… (holes keep their index: like qs, it walks Object.keys); objects → `key[prop]`.
 */
export function appendBracketPairs(out: string[], key: string, value: unknown, depth = 0): void {
  if (isNested(value)) {
    if (depth > MAX_DEPTH)
      throw new TypeError(
        `Parameter "${key}" is nested more than ${MAX_DEPTH} levels deep (a cycle?)`,
      );
    for (const [k, v] of Object.entries(value))
      appendBracketPairs(out, key + '[' + encodeComponent(k) + ']', v, depth + 1);
  } else {
    const text = scalarText(value);
    if (text !== undefined) out.push(key + '=' + encodeComponent(text));
  }
}

/** Encodes a whole params object in Stripe bracket notation: the body stripe-node would send for it. */
export function formEncode(params: unknown): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(params ?? {})) appendBracketPairs(out, encodeComponent(k), v);
  return out.join('&');
}
