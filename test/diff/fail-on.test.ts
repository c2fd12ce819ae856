// When the diff fails a run: --fail-on names the least severe change that counts, and
// --enum-additions decides how severe a new response enum value is.
import { describe, expect, it } from 'vitest';
import { runDiff } from '../../generator/diff/run-diff.js';
import { verdict, type FailOn } from '../../generator/diff/outcome.js';
import { casePair, rulePair } from './support.js';

const fixtures = {
  breaking: rulePair('response-property-removed'),
  warning: rulePair('response-enum-value-added'),
  info: rulePair('response-property-added'),
  nothing: casePair('renamed-refs'),
};

// fails[failOn] lists the fixtures that fail under it.
const fails: Record<FailOn, readonly (keyof typeof fixtures)[]> = {
  breaking: ['breaking'],
  warning: ['breaking', 'warning'],
  any: ['breaking', 'warning', 'info'],
  none: [],
};

describe('--fail-on', () => {
  for (const failOn of Object.keys(fails) as FailOn[]) {
    it(`${failOn}: fails on ${fails[failOn].join(', ') || 'nothing'}`, async () => {
      for (const [kind, pair] of Object.entries(fixtures) as [keyof typeof fixtures, readonly [string, string]][]) {
        const outcome = await runDiff(...pair, { failOn });
        expect(verdict(outcome).failed, `${kind} under --fail-on ${failOn}`).toBe(fails[failOn].includes(kind));
      }
    });
  }

  it('--enum-additions info lets a new response enum value through --fail-on warning', async () => {
    const outcome = await runDiff(...fixtures.warning, { failOn: 'warning', profile: { enumAdditions: 'info' } });
    expect(verdict(outcome).failed).toBe(false);
  });
});
