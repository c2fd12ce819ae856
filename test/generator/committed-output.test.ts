// What users vendor is what the generator makes: the committed generated/ equals a fresh
// generation from spec/, file for file (the same check as `npm run generate -- --check`).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../generator/generate.js';
import { PROJECT_SPEC, ROOT } from '../support/paths.js';

describe('the committed generated/ directory', () => {
  it('is exactly what `npm run generate` writes from spec/', async () => {
    expect(await check(PROJECT_SPEC, join(ROOT, 'generated'))).toEqual({ stale: [], extra: [], edited: [] });
  });
});
