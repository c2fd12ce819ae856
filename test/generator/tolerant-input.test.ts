// Generous input, strict output: a document that can be understood is generated, with a warning
// naming each place the OpenAPI schema (or the model) finds fault with; `--strict` refuses it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.js';
import { generateFiles } from '../../generator/generate.js';
import { scratchDir } from '../support/paths.js';

const dir = scratchDir('tolerant');
const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } } } } } } };

function spec(name: string, document: object): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(document, null, 2));
  return file;
}

const nits: [string, object, RegExp][] = [
  ['info.version as a number', { openapi: '3.0.3', info: { title: 't', version: 1.0 }, paths: { '/things': { get: { responses: ok } } } }, /#\/info\/version: not valid OpenAPI 3\.0\.3: must be string/],
  ['a 3.0 document with only components', { openapi: '3.0.3', info: { title: 't', version: '1' }, components: { schemas: { thing: { type: 'string' } } } }, /#: not valid OpenAPI 3\.0\.3: missing required property 'paths'|#\/paths/],
  ['a missing title', { openapi: '3.0.3', info: { version: '1' }, paths: { '/things': { get: { responses: ok } } } }, /#\/info: not valid OpenAPI 3\.0\.3: missing required property 'title'/],
  ['a response without a description', { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/things': { get: { responses: { '200': { content: ok['200'].content } } } } } }, /#\/paths\/~1things\/get\/responses\/200: not valid OpenAPI 3\.0\.3: missing required property 'description'/],
  ['a server without url', { openapi: '3.0.3', info: { title: 't', version: '1' }, servers: [{ description: 'prod' }], paths: { '/things': { get: { responses: ok } } } }, /#\/servers\/0: not valid OpenAPI 3\.0\.3: missing required property 'url'/],
  ['const and contentMediaType in a 3.0 schema', { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas: { kind: { type: 'string', const: 'thing' }, file: { type: 'string', contentMediaType: 'image/png' } } } }, /#\/components\/schemas\/kind\/const: not valid OpenAPI 3\.0\.3: unexpected property 'const'\n.*contentMediaType/],
];

describe('documents with nits generate, with a warning naming the place', () => {
  it.each(nits)('%s', async (_label, document, warning) => {
    const file = spec(_label.replace(/\W+/g, '-'), document);
    const { warnings, files } = await generateFiles(file);
    expect(warnings.map((w) => `${w.pointer}: ${w.message}`).join('\n')).toMatch(warning);
    expect(files.some((f) => f.path === 'client.ts')).toBe(true);
    await expect(generateFiles(file, { strict: true })).rejects.toBeInstanceOf(GeneratorError);
  });

  it('a 3.1 document without paths (only webhooks or components) generates a client without operations', async () => {
    const file = spec('no-paths-31', { openapi: '3.1.0', info: { title: 't', version: '1' }, components: { schemas: { thing: { const: 'x' } } } });
    const { model, warnings } = await generateFiles(file);
    expect(warnings).toEqual([]);
    expect(model.operations).toEqual([]);
    expect(model.schemas.map((s) => s.typeName)).toEqual(['Thing']);
  });

  it('--strict names every warning in one error', async () => {
    const file = spec('strict', { openapi: '3.0.3', info: { version: 2 }, paths: { '/things': { get: { responses: ok } } } });
    const error = await generateFiles(file, { strict: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).format()).toMatch(/not valid OpenAPI 3\.0\.3 \(2 problems\)\n.*#\/info: missing required property 'title'\n.*#\/info\/version: must be string/);
  });
});

describe('a path item given by $ref', () => {
  it('generates the operations of the path item it points at', async () => {
    const file = spec('path-item-ref', {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/v1/things': { $ref: '#/components/x-shared-paths/things' } },
      components: { 'x-shared-paths': { things: { get: { responses: ok } } } },
    });
    const { model } = await generateFiles(file);
    expect(model.operations.map((o) => `${o.method} ${o.path} ${[...o.resource, o.methodName].join('.')}`)).toEqual(['get /v1/things things.retrieve']);
  });
});

describe('a path placeholder the spec forgot to declare', () => {
  it('is a required string argument, with a warning naming the operation', async () => {
    const file = spec('undeclared-placeholder', {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/organization/certificates/{certificate_id}': { get: { responses: ok } } },
    });
    const { model, warnings, files } = await generateFiles(file);
    expect(warnings.map((w) => `${w.file}: ${w.pointer}: ${w.message}`)).toContainEqual(
      `${file}: #/paths/~1organization~1certificates~1{certificate_id}/get: path placeholder {certificate_id} is not declared as a parameter; taken as a required string`,
    );
    expect(model.operations[0]!.parameters.path).toMatchObject([{ name: 'certificate_id', in: 'path', required: true, schema: { kind: 'string' } }]);
    const resource = files.find((f) => f.path.startsWith('resources/'))!.contents;
    expect(resource).toContain('certificateId: string');
    expect(resource).toContain('{ certificate_id: certificateId }');
  });
});
