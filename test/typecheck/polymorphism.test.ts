// The discriminator pattern as a user meets it: checking the discriminator's value narrows the
// parent's union to one variant, with that variant's own properties and not the others'.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateInto } from '../support/generate-into.js';
import { fixture, scratchDir } from '../support/paths.js';
import { typecheck } from '../support/typecheck.js';

const usage = `import type { Pet } from './client/index.js';

export function describePet(pet: Pet): string {
  if (pet.species === 'cat') return \`\${pet.name}: \${pet.livesLeft ?? 9} lives\`;
  if (pet.species === 'dog') {
    // @ts-expect-error a dog has no lives to count
    void pet.livesLeft;
    return pet.isTrained ? 'trained' : 'not yet';
  }
  const bird: 'Bird' = pet.species;
  return \`\${bird} \${pet.canTalk === true ? 'talks' : 'sings'}\`;
}
`;

describe('a union parent with variants that extend it', () => {
  it('narrows on the discriminator value (TypeScript 7, strict)', async () => {
    const project = scratchDir('polymorphism');
    await generateInto(fixture('generator/fixtures/polymorphism/spec.yaml'), join(project, 'client'));
    writeFileSync(join(project, 'usage.ts'), usage);
    expect(typecheck(project, 'TypeScript 7').output).toBe('');
    // The check can fail: reading a dog property on a cat is an error.
    writeFileSync(join(project, 'usage.ts'), usage.replace('lives`;', 'lives` + String(pet.isTrained);'));
    expect(typecheck(project, 'TypeScript 7').output).toMatch(/Property 'isTrained' does not exist on type 'Cat'/);
  });
});
