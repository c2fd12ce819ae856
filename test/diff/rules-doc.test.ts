// docs/diff.md's rule reference is made from the rule table and the rule fixtures
// (scripts/diff-rules-doc.ts): the page must equal a fresh generation, so none can drift.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { DOC, rulesReference, withReference } from '../../scripts/diff-rules-doc.js';

it('docs/diff.md documents every rule as the table and its fixture say (`npm run docs:diff` rewrites it)', async () => {
  const page = readFileSync(DOC, 'utf8');
  expect(page).toBe(withReference(page, await rulesReference()));
});
