// Naming never makes a valid spec unusable: names that would meet are kept apart the same way on
// every run (an item before its collection; then operationId, then a number), each with a warning
// naming both places, and an author's `x-codegen-name` keeps its name.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../../generator/generate.js';
import { buildModel } from '../../generator/model/build-model.js';
import { readAnySpec } from '../../generator/parse/read-spec.js';
import { scratchDir } from '../support/paths.js';

const dir = scratchDir('collisions');
const one = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } } };
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }];

async function modelOf(name: string, paths: object, schemas: object = {}) {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ openapi: '3.0.3', info: { title: name, version: '1' }, paths, components: { schemas } }));
  const { model, warnings } = buildModel(await readAnySpec(file));
  return { names: model.operations.map((o) => `${o.method} ${o.path} → ${[...o.resource, o.methodName].join('.')} ${o.functionName}`), model, warnings: warnings.map((w) => `${w.pointer}: ${w.message}`) };
}

describe('operations that would share a name', () => {
  it('a collection GET answering one object, beside its item path, is `list`', async () => {
    const { names, warnings } = await modelOf('bookings', { '/bookings': { get: { responses: one } }, '/bookings/{id}': { get: { parameters: idParam, responses: one } } });
    expect(names).toEqual(['get /bookings → bookings.list bookingsList', 'get /bookings/{id} → bookings.retrieve bookingsRetrieve']);
    expect(warnings).toEqual([]);
  });

  it('the later one is named after its operationId, with a warning naming both places', async () => {
    const { names, warnings } = await modelOf('by-id', {
      '/v1/widgets': { get: { operationId: 'getWidgets', responses: one } },
      '/widgets': { get: { operationId: 'getLegacyWidgets', responses: one } },
    });
    expect(names).toEqual(['get /widgets → widgets.getLegacyWidgets widgetsGetLegacyWidgets', 'get /v1/widgets → widgets.retrieve widgetsRetrieve']);
    expect(warnings).toEqual(["#/paths/~1widgets/get: would be named 'widgets.retrieve', like #/paths/~1v1~1widgets/get; named 'widgets.getLegacyWidgets' (from its operationId) instead"]);
  });

  it("one item keeps the verb over the whole collection (DigitalOcean's DELETE /droplets by tag), which takes its operationId less the resource's name", async () => {
    const { names, warnings } = await modelOf('item-first', {
      '/v2/droplets': { delete: { operationId: 'droplets_destroy_byTag', parameters: [{ name: 'tag_name', in: 'query', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'gone' } } } },
      '/v2/droplets/{droplet_id}': { delete: { operationId: 'droplets_destroy', parameters: [{ name: 'droplet_id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { '204': { description: 'gone' } } } },
    });
    expect(names).toEqual(['delete /v2/droplets/{droplet_id} → droplets.del dropletsDel', 'delete /v2/droplets → droplets.destroyByTag dropletsDestroyByTag']);
    expect(warnings).toEqual(["#/paths/~1v2~1droplets/delete: would be named 'droplets.del', like #/paths/~1v2~1droplets~1{droplet_id}/delete; named 'droplets.destroyByTag' (from its operationId) instead"]);
  });

  it('without an operationId, or when that is taken too, it is numbered', async () => {
    const { names } = await modelOf('numbered', { '/v1/widgets': { get: { responses: one } }, '/v2/widgets': { get: { responses: one } }, '/widgets': { get: { responses: one } } });
    expect(names).toEqual(['get /v1/widgets → widgets.retrieve widgetsRetrieve', 'get /v2/widgets → widgets.retrieve2 widgetsRetrieve2', 'get /widgets → widgets.retrieve3 widgetsRetrieve3']);
  });

  it('x-codegen-name keeps its name; the operation named by the rule moves', async () => {
    const { names, warnings } = await modelOf('override', {
      '/v1/widgets': { get: { responses: one } },
      '/widgets': { get: { 'x-codegen-name': 'widgets.retrieve', responses: one } },
    });
    expect(names).toEqual(['get /widgets → widgets.retrieve widgetsRetrieve', 'get /v1/widgets → widgets.retrieve2 widgetsRetrieve2']);
    expect(warnings).toHaveLength(1);
  });

  it('the same spec gives the same names on every run', async () => {
    const paths = { '/v1/a': { get: { responses: one } }, '/a': { get: { operationId: 'x', responses: one } }, '/v2/a': { get: { operationId: 'x', responses: one } } };
    expect((await modelOf('same-1', paths)).names).toEqual((await modelOf('same-2', paths)).names);
  });
});

describe('names from operationIds (--names operation-id)', () => {
  it('methods take the operationId (its last part, camelCased) under the resource the path names; x-codegen-name still wins', async () => {
    const file = join(dir, 'by-operation-id.json');
    writeFileSync(file, JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'ids', version: '1' },
      paths: {
        '/repos/{owner}/{repo}': { get: { operationId: 'repos/get', parameters: [{ name: 'owner', in: 'path', required: true, schema: { type: 'string' } }, { name: 'repo', in: 'path', required: true, schema: { type: 'string' } }], responses: one } },
        '/repos': { get: { operationId: 'ListAllRepos', responses: one }, post: { 'x-codegen-name': 'repos.make', operationId: 'createRepo', responses: one } },
        '/meta': { get: { responses: one } },
      },
    }));
    const { model } = buildModel(await readAnySpec(file), { names: 'operation-id' });
    expect(model.operations.map((o) => [...o.resource, o.methodName].join('.'))).toEqual(['meta.retrieve', 'repos.get', 'repos.listAllRepos', 'repos.make']);
    const { files } = await generateFiles(file, { names: 'operation-id' });
    expect(JSON.parse(files.find((f) => f.path === 'manifest.json')!.contents).options.names).toBe('operation-id');
  });
});

describe('names grouped by operationId namespace or by tag (--names namespace, tag, auto)', () => {
  const owner = [{ name: 'owner', in: 'path', required: true, schema: { type: 'string' } }];
  const spec = (ids: string[]) => ({
    openapi: '3.0.3',
    info: { title: 'ns', version: '1' },
    paths: {
      '/repos/{owner}/issues': { get: { operationId: ids[0], tags: ['issues'], parameters: owner, responses: one } },
      '/users/{owner}/repos': { get: { operationId: ids[1], tags: ['repos'], parameters: owner, responses: one } },
      '/meta': { get: { operationId: ids[2], tags: ['meta'], responses: one } },
    },
  });
  const namesOf = async (label: string, ids: string[], names?: 'namespace' | 'tag' | 'path' | 'auto') => {
    const file = join(dir, `${label}.json`);
    writeFileSync(file, JSON.stringify(spec(ids)));
    return buildModel(await readAnySpec(file), names ? { names } : {}).model.operations.map((o) => [...o.resource, o.methodName].join('.'));
  };

  it('auto: every operationId namespaced (GitHub\'s style), so methods are grouped by namespace', async () => {
    expect(await namesOf('all-namespaced', ['issues/list-for-repo', 'repos/list-for-user', 'meta/get'])).toEqual(['issues.listForRepo', 'meta.get', 'repos.listForUser']);
  });

  it('auto: one of three not namespaced is not "nearly all": the path rule names them', async () => {
    expect(await namesOf('some-namespaced', ['issues/list-for-repo', 'repos/list-for-user', 'getMeta'])).toEqual(['meta.retrieve', 'repos.retrieveIssues', 'users.retrieveRepos']);
  });

  it('--names namespace forces it; an id without a namespace keeps the path rule', async () => {
    expect(await namesOf('forced-namespace', ['issues/list-for-repo', 'repos/list-for-user', 'getMeta'], 'namespace')).toEqual(['issues.listForRepo', 'meta.retrieve', 'repos.listForUser']);
  });

  it('--names tag: the first tag is the resource, the operationId the method', async () => {
    expect(await namesOf('by-tag', ['listRepoIssues', 'listUserRepos', 'getMeta'], 'tag')).toEqual(['issues.listRepoIssues', 'meta.getMeta', 'repos.listUserRepos']);
  });

  it('--names path keeps the rule even for namespaced ids', async () => {
    expect(await namesOf('forced-path', ['issues/list-for-repo', 'repos/list-for-user', 'meta/get'], 'path')).toEqual(['meta.retrieve', 'repos.retrieveIssues', 'users.retrieveRepos']);
  });
});

describe('types that would share a name', () => {
  it('fooBar, foo_bar and FooBar: the first by name keeps FooBar, the others are numbered', async () => {
    const { model, warnings } = await modelOf('types', {}, { fooBar: { type: 'string' }, foo_bar: { type: 'integer' }, FooBar: { type: 'boolean' } });
    expect(model.schemas.map((s) => `${s.name} ${s.typeName}`)).toEqual(['FooBar FooBar', 'fooBar FooBar2', 'foo_bar FooBar3']);
    expect(warnings).toContain("#/components/schemas/foo_bar: would become type 'FooBar', like #/components/schemas/FooBar; named 'FooBar3' instead");
  });
});
