// An operation the spec marks `deprecated: true` is flagged wherever a user calls it from: the
// standalone function and the client's method (the methods interface `Client` is typed by), so an
// editor strikes it through either way.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { generateFiles } from '../../generator/generate.js';
import { scratchDir } from '../support/paths.js';

it('a deprecated operation is @deprecated on its function and on its client method, and only it', async () => {
  const spec = join(scratchDir('deprecated'), 'spec.json');
  const operation = (operationId: string, deprecated: boolean) => ({ operationId, deprecated, summary: `${operationId} things`, responses: { '200': { description: 'ok' } } });
  writeFileSync(spec, JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Old and new', version: '1' },
    paths: { '/things': { get: operation('listThings', false), post: operation('createThing', true) } },
  }));
  const { files } = await generateFiles(spec);
  const resource = files.find((f) => f.path === 'resources/things.ts')!.contents;
  const tagged = [...resource.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(?:export function (\w+)|(\w+)\()/g)]
    .filter(([, doc]) => doc!.includes('@deprecated'))
    .map(([, , fn, method]) => fn ?? method);
  expect(tagged).toEqual(['thingsCreate', 'create']);
});
