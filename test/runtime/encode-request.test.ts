// Routing a call's params to path, query, headers and body, per the operation spec.
import { describe, expect, it } from 'vitest';
import type { OperationSpec } from '../../templates/runtime/operation.js';
import { encodeRequest } from '../../templates/runtime/encode-request.js';
import { deepObjectQuery, formQuery } from '../../templates/runtime/query-encode.js';
import { formBody, jsonBody, multipartBody } from '../../templates/runtime/body.js';

describe('routing params to query, headers and body', () => {
  it('a GET sends declared query params with their style and everything else in bracket notation', () => {
    const spec = { method: 'GET', path: '/v1/financial_connections/accounts', query: { expand: deepObjectQuery, limit: formQuery } } as const satisfies OperationSpec;
    const r = encodeRequest(spec, {}, { account_holder: { customer: 'cus_1' }, limit: 3, expand: ['data.owner'] });
    expect(r.path).toBe('/v1/financial_connections/accounts');
    expect(r.query).toEqual(['account_holder[customer]=cus_1', 'limit=3', 'expand[0]=data.owner']);
    expect(r.body).toBeUndefined();
    expect(r.contentType).toBeUndefined();
  });

  it('a form POST puts undeclared params in the body and declared query params in the URL', () => {
    const spec = { method: 'POST', path: '/v1/financial_connections/sessions', query: { dry_run: formQuery }, body: formBody } as const satisfies OperationSpec;
    const r = encodeRequest(spec, {}, {
      account_holder: { type: 'customer', customer: 'cus_1' },
      permissions: ['balances'],
      filters: { countries: ['US'] },
      dry_run: true,
      return_url: 'https://example.com/back?x=1',
    });
    expect(r.query).toEqual(['dry_run=true']);
    expect(r.body).toBe('account_holder[type]=customer&account_holder[customer]=cus_1&permissions[0]=balances&filters[countries][0]=US&return_url=https%3A%2F%2Fexample.com%2Fback%3Fx%3D1');
    expect(r.contentType).toBe('application/x-www-form-urlencoded');
  });

  it('a POST without params still sends an empty form body', () => {
    const r = encodeRequest({ method: 'POST', path: '/v1/x/{id}/refresh', body: formBody }, { id: 'fca_1' }, undefined);
    expect(r).toEqual({ path: '/v1/x/fca_1/refresh', query: [], body: '', contentType: 'application/x-www-form-urlencoded', headerParams: [] });
  });

  it('declared header params become headers; null and undefined ones are left out', () => {
    const spec = { method: 'GET', path: '/x', headers: ['X-Request-Tag', 'X-None', 'X-Null'] } as const satisfies OperationSpec;
    const r = encodeRequest(spec, {}, { 'X-Request-Tag': 42, 'X-None': undefined, 'X-Null': null, q: 'v' });
    expect(r.headerParams).toEqual([['X-Request-Tag', '42']]);
    expect(r.query).toEqual(['q=v']);
  });

  it('JSON bodies are JSON, with null kept and undefined dropped', () => {
    const r = encodeRequest({ method: 'PUT', path: '/x', body: jsonBody }, {}, { a: { b: [1, null] }, c: undefined, d: 'é' });
    expect(r.body).toBe('{"a":{"b":[1,null]},"d":"é"}');
    expect(r.contentType).toBe('application/json');
  });

  it('multipart bodies are FormData with bracket names and file parts, and no Content-Type of our own', async () => {
    const file = new Blob(['%PDF-1.4'], { type: 'application/pdf' });
    const r = encodeRequest({ method: 'POST', path: '/v1/files', body: multipartBody }, {}, { purpose: 'identity_document', file, file_link_data: { create: true }, skip: undefined, none: null });
    expect(r.contentType).toBeUndefined();
    const fd = r.body as FormData;
    expect([...fd.keys()]).toEqual(['purpose', 'file', 'file_link_data[create]', 'none']);
    expect(fd.get('purpose')).toBe('identity_document');
    expect(fd.get('file_link_data[create]')).toBe('true');
    expect(fd.get('none')).toBe('');
    expect(await (fd.get('file') as Blob).text()).toBe('%PDF-1.4');
  });

  it('a file part is named after its File, and `blob` when it is a plain Blob', () => {
    const spec = { method: 'POST', path: '/v1/files', body: multipartBody } as const;
    const named = encodeRequest(spec, {}, { file: new File(['x'], 'passport.jpg', { type: 'image/jpeg' }) }).body as FormData;
    const plain = encodeRequest(spec, {}, { file: new Blob(['x']) }).body as FormData;
    expect([(named.get('file') as File).name, (plain.get('file') as File).name]).toEqual(['passport.jpg', 'blob']);
  });

  it('a param named like an Object.prototype member is still routed as data', () => {
    const r = encodeRequest({ method: 'GET', path: '/x', query: { expand: deepObjectQuery } }, {}, { constructor: 'c', toString: 't' });
    expect(r.query).toEqual(['constructor=c', 'toString=t']);
  });
});
