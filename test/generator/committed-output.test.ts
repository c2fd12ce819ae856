// What users vendor is what the generator makes: every client of the repository's config
// (generated/ from spec/, and the examples/ of small specs whose committed output shows each
// emitter change as a diff) equals a fresh generation, file for file (the comparison
// `npm run generate -- --check` makes when a folder's record of the last run does not vouch for
// it; here it is always made).
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../../generator/generate.js';
import { diffOutput } from '../../generator/write/output.js';
import { ROOT, scratchDir } from '../support/paths.js';
import { typecheck } from '../support/typecheck.js';

const { clients } = JSON.parse(readFileSync(join(ROOT, 'codegen.config.json'), 'utf8')) as { clients: { name: string; spec: string; out: string }[] };

describe('the committed output of the repository\'s clients', () => {
  it('covers generated/ and every example', () => {
    expect(clients.map((c) => c.out)).toEqual(['generated', 'examples/bookshop/client', 'examples/notes-split/client', 'examples/pet-clinic-swagger2/client']);
  });

  it.each(clients)('$out is exactly what `npm run generate` writes from $spec', async ({ spec, out }) => {
    expect(diffOutput(join(ROOT, out), (await generateFiles(join(ROOT, spec))).files)).toEqual({ stale: [], missing: [], extra: [], edited: [] });
  });
});

describe('the examples', () => {
  it('compile under the strict options users compile with', () => {
    const dir = scratchDir('examples');
    for (const { out } of clients.filter((c) => c.out.startsWith('examples/'))) cpSync(join(ROOT, out), join(dir, out), { recursive: true });
    const result = typecheck(dir, 'TypeScript 7');
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});
