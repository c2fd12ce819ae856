// The output options are declared once (generator/options.ts): a new option gets its flag, its
// place in the no-op fingerprint and its line in the manifest from that declaration alone, so
// it cannot be added to one and forgotten in another.
import { describe, expect, it } from 'vitest';
import { parseGenerateArgs } from '../../generator/cli/args.js';
import { OUTPUT_OPTIONS, recordedOptions, type OptionDeclarations } from '../../generator/options.js';
import { runFingerprint } from '../../generator/write/last-run.js';
import { PROJECT_SPEC } from '../support/paths.js';

const WITH_DUMMY = {
  ...OUTPUT_OPTIONS,
  dummyFlavour: { kind: 'strings', flag: 'dummy-flavour', argument: '<name>', help: 'a made-up option' },
  dummySwitch: { kind: 'boolean', flag: 'dummy-switch', help: 'another' },
} as const satisfies OptionDeclarations;

describe('one declaration of the output options', () => {
  it('a dummy option added to the declaration changes the fingerprint when set', () => {
    const plain = runFingerprint(PROJECT_SPEC, {}, WITH_DUMMY);
    expect(runFingerprint(PROJECT_SPEC, { dummyFlavour: [] }, WITH_DUMMY)).toBe(plain);
    expect(runFingerprint(PROJECT_SPEC, { dummyFlavour: ['vanilla'] }, WITH_DUMMY)).not.toBe(plain);
    expect(runFingerprint(PROJECT_SPEC, { dummySwitch: true }, WITH_DUMMY)).not.toBe(plain);
  });

  it('…gets its flag, parsed into the options', () => {
    const args = parseGenerateArgs(['--dummy-flavour', 'vanilla', '--dummy-flavour', 'mint', '--dummy-switch', '--include', '/v1/**'], WITH_DUMMY);
    expect(args.options).toEqual({ dummyFlavour: ['vanilla', 'mint'], dummySwitch: true, include: ['/v1/**'] });
    expect(parseGenerateArgs([], WITH_DUMMY).options).toEqual({});
  });

  it('…and its line in the manifest, after the existing ones (whose record stays as it was)', () => {
    expect(recordedOptions({ dummyFlavour: ['vanilla'], overlays: ['/somewhere/fix.yaml'] }, WITH_DUMMY)).toEqual({
      include: [],
      overlays: ['fix.yaml'],
      resolveFrom: [],
      pruneExternal: false,
      names: 'auto',
      paging: [],
      strict: false,
      emit: 'ts',
      dummyFlavour: ['vanilla'],
      dummySwitch: false,
    });
    expect(JSON.stringify(recordedOptions({}))).toBe('{"include":[],"overlays":[],"resolveFrom":[],"pruneExternal":false,"names":"auto","paging":[],"strict":false,"emit":"ts"}');
  });

  it('every declared option changes the fingerprint of the real declaration', () => {
    const plain = runFingerprint(PROJECT_SPEC, {});
    const changed = Object.entries(OUTPUT_OPTIONS).map(([name, d]) => runFingerprint(PROJECT_SPEC, { [name]: d.kind === 'boolean' ? true : d.kind === 'files' ? [PROJECT_SPEC] : ['x'] }));
    for (const fingerprint of changed) expect(fingerprint).not.toBe(plain);
    expect(new Set(changed).size).toBe(changed.length);
  });
});
