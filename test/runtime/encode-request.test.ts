// Routing a call's params to path, query, headers and body, per the operation spec.
import { describe, expect, it } from 'vitest';
import type { OperationSpec } from '../../templates/runtime/operation.js';
import { encodeRequest } from '../../templates/runtime/encode-request.js';
import { deepObjectQuery, formQuery, pipeDelimitedQuery } from '../../templates/runtime/query-encode.js';
import { bracketFormBody, bracketMultipartBody, formBody, jsonBody, multipartBody, rawBody } from '../../templates/runtime/body.js';

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
    const spec = { method: 'POST', path: '/v1/financial_connections/sessions', query: { dry_run: formQuery }, body: bracketFormBody } as const satisfies OperationSpec;
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
    const r = encodeRequest({ method: 'POST', path: '/v1/x/{id}/refresh', body: bracketFormBody }, { id: 'fca_1' }, undefined);
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
    const r = encodeRequest({ method: 'POST', path: '/v1/files', body: bracketMultipartBody }, {}, { purpose: 'identity_document', file, file_link_data: { create: true }, skip: undefined, none: null });
    expect(r.contentType).toBeUndefined();
    const fd = r.body as FormData;
    expect([...fd.keys()]).toEqual(['purpose', 'file', 'file_link_data[create]', 'none']);
    expect(fd.get('purpose')).toBe('identity_document');
    expect(fd.get('file_link_data[create]')).toBe('true');
    expect(fd.get('none')).toBe('');
    expect(await (fd.get('file') as Blob).text()).toBe('%PDF-1.4');
  });

  it('a file part is named after its File, and `blob` when it is a plain Blob', () => {
    const spec = { method: 'POST', path: '/v1/files', body: bracketMultipartBody } as const;
    const named = encodeRequest(spec, {}, { file: new File(['x'], 'passport.jpg', { type: 'image/jpeg' }) }).body as FormData;
    const plain = encodeRequest(spec, {}, { file: new Blob(['x']) }).body as FormData;
    expect([(named.get('file') as File).name, (plain.get('file') as File).name]).toEqual(['passport.jpg', 'blob']);
  });

  it('a param named like an Object.prototype member is still routed as data', () => {
    const r = encodeRequest({ method: 'GET', path: '/x', query: { expand: deepObjectQuery } }, {}, { constructor: 'c', toString: 't' });
    expect(r.query).toEqual(['constructor=c', 'toString=t']);
  });
});

describe('bodies of any API, as OpenAPI encodes them', () => {
  it('a form body repeats the key of an array and spreads an object (style form, explode), unless its encoding says otherwise', () => {
    const spec = { method: 'POST', path: '/pets', body: formBody, fields: { filter: deepObjectQuery, tags: pipeDelimitedQuery } } as const satisfies OperationSpec;
    const r = encodeRequest(spec, {}, { ids: [1, 2], color: { r: 1, g: 2 }, filter: { kind: 'cat' }, tags: ['a', 'b'], name: 'Tom & Jerry', none: undefined });
    expect(r.body).toBe('ids=1&ids=2&r=1&g=2&filter[kind]=cat&tags=a|b&name=Tom%20%26%20Jerry');
    expect(r.contentType).toBe('application/x-www-form-urlencoded');
  });

  it('a multipart body sends one part per array item, an object as JSON text, and bytes as a file', async () => {
    const r = encodeRequest({ method: 'POST', path: '/upload', body: multipartBody }, {}, { tags: ['a', 'b'], meta: { size: 2, deep: { x: [1] } }, file: new Uint8Array([1, 2, 3]), note: null });
    const fd = r.body as FormData;
    expect(r.contentType).toBeUndefined();
    expect([...fd.keys()]).toEqual(['tags', 'tags', 'meta', 'file', 'note']);
    expect(fd.getAll('tags')).toEqual(['a', 'b']);
    expect(fd.get('meta')).toBe('{"size":2,"deep":{"x":[1]}}');
    expect([...new Uint8Array(await (fd.get('file') as Blob).arrayBuffer())]).toEqual([1, 2, 3]);
    expect(fd.get('note')).toBe('');
  });

  it('a body that is one param is sent whole: an array as a JSON array, with a vendor +json media type', () => {
    const spec = { method: 'POST', path: '/invitations', body: jsonBody, bodyParam: 'body', mediaType: 'application/vnd.github+json' } as const satisfies OperationSpec;
    const r = encodeRequest(spec, {}, { body: [{ email: 'a@example.com' }, { email: 'b@example.com' }] });
    expect(r.body).toBe('[{"email":"a@example.com"},{"email":"b@example.com"}]');
    expect(r.contentType).toBe('application/vnd.github+json');
  });

  it('a raw body is sent as given (bytes, text, a Blob), with its media type; a wildcard type takes the Blob\'s own', () => {
    const bytes = new Uint8Array([0, 255]);
    const octets = { method: 'POST', path: '/assets', body: rawBody, bodyParam: 'body', mediaType: 'application/octet-stream', query: { name: formQuery } } as const satisfies OperationSpec;
    const upload = encodeRequest(octets, {}, { name: 'a.zip', body: bytes });
    expect([upload.query, upload.body, upload.contentType]).toEqual([['name=a.zip'], bytes, 'application/octet-stream']);
    const text = encodeRequest({ ...octets, mediaType: 'text/plain' }, {}, { body: '# Hello' });
    expect([text.body, text.contentType]).toEqual(['# Hello', 'text/plain']);
    const png = new Blob(['x'], { type: 'image/png' });
    expect(encodeRequest({ ...octets, mediaType: 'image/*' }, {}, { body: png }).contentType).toBe('image/png');
    expect(encodeRequest({ ...octets, mediaType: '*/*' }, {}, { body: 'x' }).contentType).toBe('application/octet-stream');
  });

  it('an optional body nobody filled is not sent (no `{}` on a PUT); a required one is', () => {
    const spec = { method: 'PUT', path: '/user/starred/{owner}', body: jsonBody } as const satisfies OperationSpec;
    expect(encodeRequest(spec, { owner: 'o' }, {})).toMatchObject({ body: undefined, contentType: undefined });
    expect(encodeRequest({ ...spec, bodyParam: 'body' }, { owner: 'o' }, {})).toMatchObject({ body: undefined, contentType: undefined });
    expect(encodeRequest({ ...spec, bodyRequired: true }, { owner: 'o' }, {})).toMatchObject({ body: '{}', contentType: 'application/json' });
  });

  it('a body property named like a query parameter reaches the body, the parameter the query', () => {
    const spec = { method: 'POST', path: '/session', query: { directory: formQuery }, body: jsonBody, bodyParam: 'body' } as const satisfies OperationSpec;
    const r = encodeRequest(spec, {}, { directory: '/q', body: { directory: '/b' } });
    expect([r.query, r.body]).toEqual([['directory=%2Fq'], '{"directory":"/b"}']);
  });

  it('the caller picks one of the media types an operation offers with `contentType`; another is refused before sending', () => {
    const spec = { method: 'POST', path: '/pets', body: jsonBody, bodyParam: 'body', bodies: { 'application/json': jsonBody, 'application/x-www-form-urlencoded': formBody } } as const satisfies OperationSpec;
    expect(encodeRequest(spec, {}, { body: { name: 'a' } })).toMatchObject({ body: '{"name":"a"}', contentType: 'application/json' });
    expect(encodeRequest(spec, {}, { contentType: 'application/x-www-form-urlencoded', body: { name: 'a' } })).toMatchObject({ body: 'name=a', contentType: 'application/x-www-form-urlencoded' });
    expect(() => encodeRequest(spec, {}, { contentType: 'text/xml', body: 'x' })).toThrow('contentType must be one of application/json, application/x-www-form-urlencoded');
  });
});
