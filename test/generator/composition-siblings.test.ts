// What a schema says beside or inside its compositions reaches the types: properties next to a
// `oneOf` hold for every variant (orval's petstore `Pet` lost its `id` and `name`), an `allOf` part
// that only lists `required` names makes them required (DigitalOcean's `meta.total`), one that
// only describes gives its description instead of `& unknown`, and a union inside an intersection
// keeps its parentheses (DigitalOcean's firewall rules once read `A & {…} | {…}`, dropping `A` from
// the second alternative). Checked by compiling uses of the compositions fixture's client, where
// each `@ts-expect-error` must meet an error.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { fixture, scratchDir } from '../support/paths.js';
import { generateInto } from '../support/generate-into.js';
import { typecheck } from '../support/typecheck.js';

const USAGE = `import type { Meta, OwnedPet, Rules } from './client/index.js';

export const bird: OwnedPet = { id: 1, owner: 'ann', wings: 2 };
// @ts-expect-error: the id beside the oneOf is required in every variant
export const noId: OwnedPet = { wings: 2 };
// @ts-expect-error: and one of the variants must be met
export const neither: OwnedPet = { id: 1 };
export const id: number = bird.id;

export const meta: Meta = { total: 3, page: 1 };
// @ts-expect-error: the part that only lists required names makes total required
export const noTotal: Meta = { page: 1 };

export const inbound: Rules = { inbound: ['22'] };
export const outbound: Rules = { outbound: ['443'], inbound: ['22'] };
// @ts-expect-error: one of the alternatives is required
export const none: Rules = {};
// @ts-expect-error: each alternative keeps the shared fields' types (RuleFields & …), the second too
export const wrongType: Rules = { outbound: [443] };
`;

it("properties beside a oneOf, required-only and description-only allOf parts, and a union inside an intersection all reach the client's types", async () => {
  const dir = scratchDir('composition-siblings');
  await generateInto(fixture('generator/fixtures', 'compositions', 'spec.yaml'), join(dir, 'client'));
  writeFileSync(join(dir, 'usage.ts'), USAGE);
  const result = typecheck(dir, 'TypeScript 5.9');
  expect(result.output).toBe('');
  expect(result.ok).toBe(true);
});
