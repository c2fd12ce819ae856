// Stripe bracket notation (`a[b][0]=x`) for form bodies and deepObject queries, plus the percent-encoder.
// Byte-compatible with stripe-node 14 (qs.stringify, indices arrays, Date as unix seconds, then %5B/%5D
// turned back into brackets), but written as one pass that appends to an array: it runs on every call.

/** Characters that never need escaping: RFC 3986 unreserved, plus `[` `]` which Stripe sends literally. */
const SAFE = /^[\w.~[\]-]*$/;
/** What encodeURIComponent leaves alone but RFC 3986 (and so qs) escapes, and the brackets it escapes but Stripe does not. */
const FIXUP = /[!'()*]|%5[BD]/g;
/** Lone UTF-16 surrogates have no UTF-8 form; qs and TextEncoder send U+FFFD instead of throwing. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Deeper than this is almost certainly a cycle; failing clearly beats a stack overflow. */
const MAX_DEPTH = 32;

function fixup(m: string): string {
  return m === '%5B' ? '[' : m === '%5D' ? ']' : '%' + m.charCodeAt(0).toString(16).toUpperCase();
}

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
    out = encodeURIComponent(s.replace(LONE_SURROGATE, '\uFFFD'));
  }
  return out.replace(FIXUP, fixup);
}

/** The text of a leaf value; `undefined` means "send nothing" (functions, like qs). */
export function scalarText(value: unknown): string | undefined {
  if (value instanceof Date) return String(Math.floor(value.getTime() / 1000));
  return typeof value === 'function' ? undefined : String(value);
}

/**
 * Appends `key=value` pairs for one parameter to `out`. `key` must already be encoded.
 * null → `key=` (Stripe's way to unset a field); undefined, functions and empty arrays/objects → nothing;
 * arrays → `key[0]`, `key[1]`… (holes keep their index, as qs does); objects → `key[prop]`.
 */
export function appendBracketPairs(out: string[], key: string, value: unknown, depth = 0): void {
  if (value === undefined) return;
  if (value === null) {
    out.push(key + '=');
    return;
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    if (depth > MAX_DEPTH) throw new TypeError(`Parameter "${key}" is nested more than ${MAX_DEPTH} levels deep (a cycle?)`);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) appendBracketPairs(out, key + '[' + i + ']', value[i], depth + 1);
    } else {
      const obj = value as Record<string, unknown>;
      for (const k of Object.keys(obj)) appendBracketPairs(out, key + '[' + encodeComponent(k) + ']', obj[k], depth + 1);
    }
    return;
  }
  const text = scalarText(value);
  if (text !== undefined) out.push(key + '=' + encodeComponent(text));
}

/** Encodes a whole params object in Stripe bracket notation: the body stripe-node would send for it. */
export function formEncode(params: object | undefined): string {
  if (params === undefined || params === null) return '';
  const out: string[] = [];
  const obj = params as Record<string, unknown>;
  for (const k of Object.keys(obj)) appendBracketPairs(out, encodeComponent(k), obj[k]);
  return out.join('&');
}
