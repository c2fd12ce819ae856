// Path parameters are escaped so that no value can change the request path.
import { describe, expect, it } from 'vitest';
import { buildPath } from '../../templates/runtime/path.js';

const T = '/v1/financial_connections/accounts/{account}';

describe('path parameters can never change the path', () => {
  it.each([
    ['fca_123', '/v1/financial_connections/accounts/fca_123'],
    ['a/b', '/v1/financial_connections/accounts/a%2Fb'],
    ['../../v1/charges', '/v1/financial_connections/accounts/..%2F..%2Fv1%2Fcharges'],
    ['x?expand[]=y', '/v1/financial_connections/accounts/x%3Fexpand%5B%5D%3Dy'],
    ['x#frag', '/v1/financial_connections/accounts/x%23frag'],
    ['%2e%2e', '/v1/financial_connections/accounts/%252e%252e'],
    ['a b', '/v1/financial_connections/accounts/a%20b'],
    ['...', '/v1/financial_connections/accounts/...'],
    ['ü', '/v1/financial_connections/accounts/%C3%BC'],
    ['\\..\\', '/v1/financial_connections/accounts/%5C..%5C'],
  ])('%j becomes %s', (id, expected) => {
    expect(buildPath(T, { account: id })).toBe(expected);
  });

  it('the escaped path survives URL parsing unchanged', () => {
    for (const id of ['..%2F', 'a/../b', '%2e%2e', '?', '#', '..\\', '../..']) {
      const path = buildPath(T, { account: id });
      expect(new URL('https://api.stripe.com' + path).pathname).toBe(path);
    }
  });

  it.each(['.', '..'])('rejects %j as a whole value, which would be a dot segment', (id) => {
    expect(() => buildPath(T, { account: id })).toThrow(new TypeError(`Path parameter "account" cannot be "${id}": it would change the request path`));
  });

  it('rejects an empty or missing value, which would reach the list endpoint', () => {
    expect(() => buildPath(T, { account: '' })).toThrow('Path parameter "account" must be a non-empty string');
    expect(() => buildPath(T, {})).toThrow('Path parameter "account" must be a non-empty string');
  });

  it('ignores inherited names such as "constructor"', () => {
    expect(() => buildPath('/x/{constructor}', {})).toThrow('Path parameter "constructor" must be a non-empty string');
  });

  it('rejects malformed Unicode clearly', () => {
    expect(() => buildPath(T, { account: '\uD800' })).toThrow('Path parameter "account" is not well-formed Unicode');
  });

  it('fills several parameters and accepts numbers', () => {
    expect(buildPath('/v1/{a}/items/{b}', { a: 'x y', b: 7 })).toBe('/v1/x%20y/items/7');
  });
});
