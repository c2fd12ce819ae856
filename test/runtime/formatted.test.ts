// The runtime ships as written: generation copies templates/runtime without formatting it, so the
// templates themselves must be exactly what prettier (with the generator's options) would print.
import { readdirSync, readFileSync } from 'node:fs';
import { check } from 'prettier';
import { describe, expect, it } from 'vitest';
import { PRETTIER_OPTIONS } from '../../generator/format/text.js';
import { ROOT } from '../support/paths.js';

const dir = `${ROOT}templates/runtime/`;
// The vendors' modules too: each ships as written in its vendor's clients.
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort();

describe('the runtime templates', () => {
  it.each(files)('%s is already prettier-formatted', async (file) => {
    expect(await check(readFileSync(dir + file, 'utf8'), PRETTIER_OPTIONS)).toBe(true);
  });
});
