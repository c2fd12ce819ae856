// What users vendor is what the generator makes: the committed generated/ equals a fresh
// generation from spec/, file for file (the comparison `npm run generate -- --check` makes when
// the folder's record of the last run does not vouch for it; here it is always made).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../../generator/generate.js';
import { diffOutput } from '../../generator/write/output.js';
import { PROJECT_SPEC, ROOT } from '../support/paths.js';

describe('the committed generated/ directory', () => {
  it('is exactly what `npm run generate` writes from spec/', async () => {
    expect(diffOutput(join(ROOT, 'generated'), (await generateFiles(PROJECT_SPEC)).files)).toEqual({ stale: [], extra: [], edited: [] });
  });
});
