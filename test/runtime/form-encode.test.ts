// Stripe's bracket notation for form bodies, byte for byte what stripe-node sends.
import { describe, expect, it } from 'vitest';
import qs from 'qs';
import { appendBracketPairs, encodeComponent, formEncode } from '../../templates/runtime/form-encode.js';

/** Exactly what stripe-node 14.25.0 sends (utils.stringifyRequestData). */
function stripeNode(data: object): string {
  return qs
    .stringify(data, { serializeDate: (d: Date) => String(Math.floor(d.getTime() / 1000)), arrayFormat: 'indices' })
    .replace(/%5B/g, '[')
    .replace(/%5D/g, ']');
}

describe('Stripe bracket notation for form bodies', () => {
  const table: Array<[string, object, string]> = [
    ['a nested object becomes key[sub]', { account_holder: { type: 'customer', customer: 'cus_1' } }, 'account_holder[type]=customer&account_holder[customer]=cus_1'],
    ['arrays are indexed', { permissions: ['balances', 'ownership'] }, 'permissions[0]=balances&permissions[1]=ownership'],
    ['arrays nest inside objects', { filters: { countries: ['US', 'CA'] } }, 'filters[countries][0]=US&filters[countries][1]=CA'],
    ['arrays of objects', { a: [{ b: 1 }, { b: 2, c: 'x' }] }, 'a[0][b]=1&a[1][b]=2&a[1][c]=x'],
    ['expand is an indexed array', { expand: ['accounts', 'accounts.data.owner'] }, 'expand[0]=accounts&expand[1]=accounts.data.owner'],
    ['range filters use the operator as key', { transacted_at: { gte: 1700000000, lt: 1800000000 } }, 'transacted_at[gte]=1700000000&transacted_at[lt]=1800000000'],
    ['null is sent as an empty value to unset a field', { description: null }, 'description='],
    ['null inside an object unsets that field', { metadata: { order: null } }, 'metadata[order]='],
    ['undefined is left out', { a: undefined, b: 'x' }, 'b=x'],
    ['empty arrays are left out', { permissions: [], b: 'x' }, 'b=x'],
    ['empty objects are left out', { metadata: {}, b: 'x' }, 'b=x'],
    ['holes in arrays keep the other indices', { a: [undefined, 'y', null] }, 'a[1]=y&a[2]='],
    ['booleans are true/false', { a: true, b: false }, 'a=true&b=false'],
    ['Dates are unix seconds, rounded down', { created: new Date(1700000000999) }, 'created=1700000000'],
    ['Dates inside objects too', { transacted_at: { gte: new Date(0) } }, 'transacted_at[gte]=0'],
    ['numbers as JavaScript prints them', { a: 10, b: -1.5, c: 0, d: 1e21 }, 'a=10&b=-1.5&c=0&d=1e%2B21'],
    ['bigints as digits', { a: 12345678901234567890n }, 'a=12345678901234567890'],
    ['spaces are %20, never +', { q: 'a b' }, 'q=a%20b'],
    ['reserved characters are escaped', { q: '/?#&=+%' }, 'q=%2F%3F%23%26%3D%2B%25'],
    ['brackets stay literal, as stripe-node sends them', { q: 'a[b]' }, 'q=a[b]'],
    ["RFC 3986 sub-delims that encodeURIComponent skips are escaped: ! ' ( ) *", { q: "!'()*" }, 'q=%21%27%28%29%2A'],
    ['unreserved characters are untouched', { q: 'AZaz09-._~' }, 'q=AZaz09-._~'],
    ['non-ASCII is UTF-8', { name: 'Zoë Ünal' }, 'name=Zo%C3%AB%20%C3%9Cnal'],
    ['emoji are 4-byte UTF-8', { note: '🎉' }, 'note=%F0%9F%8E%89'],
    ['a lone surrogate becomes U+FFFD rather than throwing', { note: '\uD800x' }, 'note=%EF%BF%BDx'],
    ['keys are encoded like values', { metadata: { 'order id': 'x', 'a&b': 'y', 'é': 'z' } }, 'metadata[order%20id]=x&metadata[a%26b]=y&metadata[%C3%A9]=z'],
    ['empty string is an empty value', { a: '' }, 'a='],
    ['functions are left out', { a: () => 1, b: 'x' }, 'b=x'],
  ];

  it.each(table)('%s', (_name, input, expected) => {
    expect(formEncode(input)).toBe(expected);
  });

  it.each(table)('matches stripe-node byte for byte: %s', (_name, input) => {
    expect(formEncode(input)).toBe(stripeNode(input));
  });

  it('encodes nothing for no params', () => {
    expect(formEncode(undefined)).toBe('');
    expect(formEncode({})).toBe('');
  });

  it('keeps the caller’s key order', () => {
    expect(formEncode({ z: 1, a: 2, m: { y: 1, b: 2 } })).toBe('z=1&a=2&m[y]=1&m[b]=2');
  });

  it('refuses a cyclic object with a clear error instead of overflowing the stack', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(() => formEncode({ a })).toThrow(/nested more than 32 levels deep \(a cycle\?\)/);
  });

  it('appends to an existing array with an already-encoded key', () => {
    const out = ['first=1'];
    appendBracketPairs(out, 'a%20b', { c: [1] });
    expect(out).toEqual(['first=1', 'a%20b[c][0]=1']);
  });

  it('encodeComponent returns safe strings unchanged', () => {
    expect(encodeComponent('fca_1MwVK82eZvKYlo2C')).toBe('fca_1MwVK82eZvKYlo2C');
    expect(encodeComponent('')).toBe('');
  });

  it('matches stripe-node on every single UTF-16 code unit class and a thousand random objects', () => {
    const chars: string[] = [];
    for (let c = 0; c < 0x250; c++) chars.push(String.fromCharCode(c));
    chars.push('\u2028', '\uFFFF', '😀', '\uDBFF\uDFFF', '\uDC00', '漢字');
    for (const ch of chars) expect(formEncode({ [ch]: ch })).toBe(stripeNode({ [ch]: ch }));

    // A small deterministic generator (LCG) so a failure always reproduces.
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const str = () => Array.from({ length: rand(6) }, () => chars[rand(chars.length)]).join('');
    const value = (depth: number): unknown => {
      switch (rand(depth > 2 ? 6 : 8)) {
        case 0: return str();
        case 1: return rand(2000) - 1000;
        case 2: return rand(2) === 0;
        case 3: return null;
        case 4: return undefined;
        case 5: return new Date(rand(2 ** 30) * 1000 + rand(1000));
        case 6: return Array.from({ length: rand(4) }, () => value(depth + 1));
        default: return Object.fromEntries(Array.from({ length: rand(4) }, () => [str(), value(depth + 1)]));
      }
    };
    for (let i = 0; i < 1000; i++) {
      const input = Object.fromEntries(Array.from({ length: 1 + rand(4) }, () => [str() || 'k', value(0)]));
      expect(formEncode(input)).toBe(stripeNode(input));
    }
  });
});
