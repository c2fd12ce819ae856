// A name an object's `required` lists is required in the client's types, wherever the spec
// declares it: beside an `allOf` whose part declares it (DigitalOcean's uptime check, whose five
// required fields were once optional), or nowhere at all (any value, still required).
import { expect, it } from 'vitest';
import { generateFiles } from '../../generator/generate.js';
import { fixture } from '../support/paths.js';

it('a field required beside an allOf is required with its part\'s type; one nobody declares is required as unknown', async () => {
  const { files } = await generateFiles(fixture('generator/fixtures', 'compositions', 'spec.yaml'));
  const text = (path: string) => files.find((f) => f.path === path)!.contents;
  const block = (source: string, name: string) => new RegExp(`export interface ${name} \\{[^}]*\\}`).exec(source)?.[0];

  expect(block(text('resources/checks.ts'), 'CheckCreateParams')).toBe(
    'export interface CheckCreateParams {\n  name: string;\n  interval?: number;\n  method: unknown;\n}',
  );
  expect(block(text('schemas.ts'), 'LogDestination')).toBe('export interface LogDestination {\n  token?: string;\n  endpoint: unknown;\n}');
});
