// A list's items read as their own type: Train Travel's collections are a generic wrapper
// (`data: object[]`) `allOf` a specific one (`data: Station[]`), and mapping over `page.data`
// reads a Station's fields (not `unknown`, not TS4111 under noPropertyAccessFromIndexSignature);
// `for await` over any paging style yields the item schema. TypeScript 5.9 and 7, strict.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateInto } from '../support/generate-into.js';
import { fixture, scratchDir } from '../support/paths.js';
import { COMPILERS, typecheck, type CompilerName } from '../support/typecheck.js';

const usage = `import { createClient } from './train/index.js';
import { createClient as createStyles } from './styles/index.js';

export async function stationNames(): Promise<string[]> {
  const client = createClient({});
  const page = await client.stations.list({ limit: 10 });
  const names: string[] = (page.data ?? []).map((station) => station.name);
  const next: string | undefined = page.links?.next;
  for await (const station of client.stations.list()) names.push(station.country_code);
  return next === undefined ? names : [...names, next];
}

export async function everyStyle(): Promise<string[]> {
  const client = createStyles({ bearer: 'key' });
  const out: string[] = [];
  for await (const issue of client.repos.listIssues('octocat', { per_page: 100 })) out.push(issue.title);
  for await (const call of client.calls.list()) out.push(call.sid);
  for await (const message of client.messages.list({ limit: 2 })) out.push(message.id);
  for await (const file of client.files.list()) out.push(file.id);
  for await (const droplet of client.droplets.list({ limit: 10 })) out.push(String(droplet.id));
  for await (const pet of client.pets.list({ page_size: 10 })) out.push(pet.name);
  for await (const event of client.events.list()) out.push(event.type);
  out.push(...(await client.pets.list().toArray({ limit: 5 })).map((pet) => pet.name));
  return out;
}
`;

let project: string;
beforeAll(async () => {
  project = scratchDir('list-items');
  await generateInto(fixture('generator/fixtures/train-travel/spec.yaml'), join(project, 'train'));
  await generateInto(fixture('generator/fixtures/paging-styles/spec.yaml'), join(project, 'styles'));
});

describe.each(Object.keys(COMPILERS) as CompilerName[])('under %s', (compiler) => {
  it("maps over a page's items and loops over every style's items, each read as its schema", () => {
    writeFileSync(join(project, 'usage.ts'), usage);
    expect(typecheck(project, compiler).output).toBe('');
  });

  it('the check can fail: a field the item lacks is an error', () => {
    writeFileSync(join(project, 'usage.ts'), usage.replace('station.name)', 'station.nickname)'));
    expect(typecheck(project, compiler).output).toMatch(/Property 'nickname' does not exist on type 'Station'/);
  });
});
