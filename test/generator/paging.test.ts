// How the generator decides that a list pages, and how: detected only where the parameters and the
// answer leave no doubt, declared by the spec's `x-pagination` or by a `--paging` file (the config
// file's `paging`), which wins; a declaration it cannot use is a warning naming its place.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../../generator/generate.js';
import { scratchDir } from '../support/paths.js';

const dir = scratchDir('paging');
const items = { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } };
const query = (...names: string[]) => names.map((name) => ({ in: 'query', name, schema: { type: name === 'cursor' ? 'string' : 'integer' } }));
const answer = (schema: object) => ({ '200': { description: 'ok', content: { 'application/json': { schema } } } });

async function pagingOf(label: string, operation: object, options: { paging?: object } = {}) {
  const spec = join(dir, `${label}.json`);
  writeFileSync(spec, JSON.stringify({ openapi: '3.0.3', info: { title: label, version: '1' }, paths: { '/things': { get: { operationId: 'listThings', ...operation } } } }));
  const paging = options.paging && join(dir, `${label}.paging.yaml`);
  if (paging) writeFileSync(paging, JSON.stringify(options.paging));
  const { model, warnings } = await generateFiles(spec, paging ? { paging: [paging] } : {});
  const op = model.operations[0]!;
  const { item: _item, ...how } = op.pagination ?? {};
  return { name: `${op.resource.join('.')}.${op.methodName}`, how: op.pagination ? how : undefined, warnings: warnings.map((w) => `${(w.file ?? "").slice(dir.length + 1)} ${w.pointer}: ${w.message}`) };
}

describe('detected where the shape leaves no doubt', () => {
  it('a cursor field the answer gives and the parameter it goes back in', async () => {
    expect((await pagingOf('cursor', { parameters: query('cursor'), responses: answer({ type: 'object', properties: { data: items, next_cursor: { type: 'string' } } }) })).how).toEqual({
      style: 'cursor', items: 'data', field: 'next_cursor', param: 'cursor', source: 'detected',
    });
  });

  it('no cursor parameter to send it back in: a plain call', async () => {
    const result = await pagingOf('no-param', { responses: answer({ type: 'object', properties: { data: items, next_cursor: { type: 'string' } } }) });
    expect(result.how).toBeUndefined();
  });

  it('two arrays, neither named as items usually are: no telling which to page, a plain call', async () => {
    const result = await pagingOf('two-arrays', { parameters: query('offset', 'limit'), responses: answer({ type: 'object', properties: { users: items, groups: items } }) });
    expect(result.how).toBeUndefined();
    expect(result.name).toBe('things.retrieve');
  });

  it('a GET answering a page of items is list, even with no item path beside it', async () => {
    expect((await pagingOf('named', { parameters: query('page', 'per_page'), responses: answer(items) })).name).toBe('things.list');
  });
});

describe('declared', () => {
  const twoArrays = { parameters: query('offset', 'limit'), responses: answer({ type: 'object', properties: { users: items, groups: items } }) };

  it('x-pagination names the style, the items and the parameter where detection cannot tell', async () => {
    const result = await pagingOf('declared', { ...twoArrays, 'x-pagination': { style: 'offset', items: 'users', param: 'offset', size: 'limit' } });
    expect(result.how).toEqual({ style: 'offset', items: 'users', param: 'offset', size: 'limit', source: 'x-pagination' });
    expect(result.warnings).toEqual([]);
  });

  it('x-pagination: false keeps a detected list a plain call', async () => {
    expect((await pagingOf('off', { parameters: query('page', 'per_page'), responses: answer(items), 'x-pagination': false })).how).toBeUndefined();
  });

  it('a declaration it cannot use is a warning naming its place, and detection goes on', async () => {
    const result = await pagingOf('bad', { parameters: query('page', 'per_page'), responses: answer(items), 'x-pagination': { style: 'pages' } });
    expect(result.how).toMatchObject({ style: 'page', source: 'detected' });
    expect(result.warnings).toEqual(['bad.json #/paths/~1things/get/x-pagination: x-pagination: style must be one of item-id, cursor, next-url, link, offset, page, got "pages"; ignored']);
    const noArray = await pagingOf('no-array', { ...twoArrays, 'x-pagination': { style: 'offset', items: 'members', param: 'offset' } });
    expect(noArray.warnings).toEqual(["no-array.json #/paths/~1things/get/x-pagination: x-pagination: the answer has no array at 'members'; ignored"]);
  });

  it('an overlay can add x-pagination to a spec its authors did not', async () => {
    const spec = join(dir, 'overlaid.json');
    writeFileSync(spec, JSON.stringify({ openapi: '3.0.3', info: { title: 'o', version: '1' }, paths: { '/things': { get: { operationId: 'listThings', ...twoArrays } } } }));
    const overlay = join(dir, 'paging-overlay.yaml');
    writeFileSync(overlay, JSON.stringify({ overlay: '1.0.0', info: { title: 'paging', version: '1' }, actions: [{ target: "$.paths['/things'].get", update: { 'x-pagination': { style: 'offset', items: 'groups', param: 'offset', size: 'limit' } } }] }));
    const { model } = await generateFiles(spec, { overlays: [overlay] });
    expect(model.operations[0]!.pagination).toMatchObject({ style: 'offset', items: 'groups', source: 'x-pagination' });
  });

  it('a --paging file (config key `paging`) declares it by operationId, winning over x-pagination', async () => {
    const result = await pagingOf('by-file', { ...twoArrays, 'x-pagination': { style: 'offset', items: 'users', param: 'offset' } }, { paging: { listThings: { style: 'page', items: 'groups', param: 'page', size: 'limit' } } });
    expect(result.how).toEqual({ style: 'page', items: 'groups', param: 'page', size: 'limit', source: 'config' });
  });

  it("a --paging entry that names no operation is a warning naming the paging file's place", async () => {
    const result = await pagingOf('unknown-key', twoArrays, { paging: { 'GET /thing': { style: 'link' } } });
    expect(result.warnings).toEqual(["unknown-key.paging.yaml #/GET ~1thing: names no operation of the spec (by operationId or as 'GET /path'); ignored"]);
  });
});
