// The Prism suite of one large spec (DigitalOcean's, GitHub's): its client generated, Prism started
// on it once, every operation called with the required inputs and with all of them.
import { beforeAll, describe, it } from 'vitest';
import { REVIEWED_CALLS } from './reviewed.js';
import { runSpec, type SpecResult } from './run-spec.js';
import { expectPrismVerdict, expectWireExact, figuresLine, figuresOf } from './verdict.js';

export function prismSuite(name: string, file: string | undefined): void {
  if (!file) console.warn(`skipping the Prism suite of ${name}: the spec is absent`);
  describe.skipIf(!file)(`${name} through Prism`, () => {
    let result: SpecResult;
    beforeAll(async () => {
      result = await runSpec(file!, name);
      console.log(figuresLine(name, figuresOf(result)));
    }, 1_800_000);

    it('every call is accepted and answered as Prism sent it (but the reviewed ones)', () => expectPrismVerdict(name, result, REVIEWED_CALLS));

    it('every request is wire-exact: each input arrived, encoded as the spec says', () => expectWireExact(result));
  });
}
