// A spec split over files generates like one document: what other files hold is brought in,
// schemas keep their names (and recursion through files ends), and nothing is fetched.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../../generator/generate.js';
import { generateInto } from '../support/generate-into.js';
import { fixture, scratchDir } from '../support/paths.js';
import { typecheck } from '../support/typecheck.js';

const spec = fixture('generator/multi-file/api.yaml');

describe('a spec split over several files', () => {
  it('brings in path items, parameters and schemas; schemas from other files become named components', async () => {
    const { model, warnings } = await generateFiles(spec);
    expect(warnings).toEqual([]);
    expect(model.operations.map((o) => `${o.method} ${o.path} ${[...o.resource, o.methodName].join('.')} (${o.parameters.path.map((p) => p.name).join(', ')})`)).toEqual([
      'get /pets pets.list ()',
      'get /pets/{petId} pets.retrieve (petId)',
    ]);
    expect(model.schemas.map((s) => s.typeName)).toEqual(['ErrorSchema', 'Tag', 'Pet']);
    const pet = model.schemas.find((s) => s.name === 'pet')!.schema;
    expect(pet.kind === 'object' && pet.properties.map((p) => `${p.name}: ${p.schema.kind === 'ref' ? p.schema.target : p.schema.kind}`)).toEqual([
      'id: string',
      'name: string',
      'tag: Tag',
      'parent: pet',
    ]);
  });

  it('compiles', async () => {
    const out = join(scratchDir('multi-file'), 'client');
    await generateInto(spec, out);
    const result = typecheck(out, 'TypeScript 7');
    expect(result.output).toBe('');
  });
});
