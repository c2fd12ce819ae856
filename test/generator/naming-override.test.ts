// `x-codegen-name` renames one operation; a name that would not be a plain client key is refused.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../generator/errors.js';
import { buildModel } from '../../generator/model/build-model.js';
import { readAnySpec } from '../../generator/parse/read-spec.js';
import { scratchDir } from '../support/paths.js';

function specWithName(name: string): string {
  const file = join(scratchDir('override'), 'spec.json');
  const responses = { '204': { description: 'none' } };
  writeFileSync(
    file,
    JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'Override', version: '1' },
      paths: { '/v1/things/{id}/archive': { post: { 'x-codegen-name': name, parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string' } }], responses } } },
    }),
  );
  return file;
}

describe('x-codegen-name', () => {
  it('renames the operation: resource path and method', async () => {
    const { model } = buildModel(await readAnySpec(specWithName('storage.things.stow')));
    expect(model.operations.map((o) => [o.resource.join('.'), o.methodName, o.functionName])).toEqual([['storage.things', 'stow', 'storageThingsStow']]);
  });

  it.each(['__proto__.archive', 'things', 'things.1st', 'things.a-b'])('refuses %j with its pointer', async (name) => {
    let error: unknown;
    try {
      buildModel(await readAnySpec(specWithName(name)));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GeneratorError);
    expect((error as GeneratorError).format()).toContain("#/paths/~1v1~1things~1{id}~1archive/post/x-codegen-name: got");
  });
});
