// The emit cache reuses a file only when its slice and everything it read of the plan are as
// before: here with a made-up plan and emitters that read one thing each, counting emissions.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../generator/emit/emit-files.js';
import type { EmitPlan } from '../../generator/emit/emit-plan.js';
import { openFolderCache } from '../../generator/write/folder-cache.js';
import { MANIFEST } from '../../generator/write/output.js';
import { scratchDir } from '../support/paths.js';

interface Inputs {
  readonly typeName: string;
  readonly title: string;
  readonly events: number;
  /** Held in a map inside a map's value, where plain JSON would print `{}`. */
  readonly nested: number;
}

const planOf = (i: Inputs) =>
  ({
    typeNames: new Map([['A', i.typeName]]),
    model: { title: i.title, events: [{ n: i.events }] },
    expand: { operations: new Map([['f', { inner: new Map([['x', i.nested]]) }]]) },
  }) as unknown as EmitPlan;

type Emitter = (plan: EmitPlan, slice: unknown) => string;

const EMITTERS: Record<string, Emitter> = {
  'type-name.ts': (plan) => `${plan.typeNames.get('A')}\n`,
  'title.ts': (plan) => `${plan.model.title}\n`,
  'nested.ts': (plan) => `${JSON.stringify([...((plan.expand!.operations.get('f') as unknown as { inner: Map<string, number> }).inner)])}\n`,
  'slice.ts': (_plan, slice) => `${JSON.stringify([...(slice as { m: Map<string, number> }).m])}\n`,
};

/** One run into `out`: emits every file, writes the folder and the record; returns the files emitted (not reused). */
function run(out: string, inputs: Inputs, key = 'key'): string[] {
  const cache = openFolderCache(out, key);
  const plan = planOf(inputs);
  const emitted: string[] = [];
  const files: GeneratedFile[] = Object.entries(EMITTERS).map(([path, emit]) => ({
    path,
    contents: cache.emitOne(path, plan, { m: new Map([['k', path === 'slice.ts' ? inputs.nested : 0]]) }, (p, slice) => {
      emitted.push(path);
      return emit(p, slice);
    }),
  }));
  const all = [...files, { path: MANIFEST, contents: JSON.stringify(files) }];
  rmSync(out, { recursive: true, force: true });
  for (const file of all) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.contents);
  }
  cache.save(all);
  return emitted.sort();
}

const BASE: Inputs = { typeName: 'A', title: 't', events: 1, nested: 1 };

describe('the emit cache', () => {
  it('re-emits exactly the files whose reads or slice changed', () => {
    const out = join(scratchDir('folder-cache'), 'out');
    expect(run(out, BASE)).toEqual(Object.keys(EMITTERS).sort());
    expect(run(out, BASE)).toEqual([]);
    expect(run(out, { ...BASE, typeName: 'B' })).toEqual(['type-name.ts']);
    // The title is read, the events are not: a change to them re-emits nothing.
    expect(run(out, { ...BASE, typeName: 'B', events: 2 })).toEqual([]);
    expect(run(out, { ...BASE, typeName: 'B', events: 2, title: 'u' })).toEqual(['title.ts']);
    // A map inside a value read whole, and inside the slice, count by their entries.
    expect(run(out, { ...BASE, typeName: 'B', events: 2, title: 'u', nested: 2 })).toEqual(['nested.ts', 'slice.ts']);
    rmSync(dirname(out), { recursive: true, force: true });
  });

  it('reuses nothing under another key (generator, options, emit options)', () => {
    const out = join(scratchDir('folder-cache-key'), 'out');
    run(out, BASE);
    expect(run(out, BASE, 'another key')).toEqual(Object.keys(EMITTERS).sort());
    rmSync(dirname(out), { recursive: true, force: true });
  });

  it('reuses nothing once the folder holds another manifest than the one recorded', () => {
    const out = join(scratchDir('folder-cache-manifest'), 'out');
    run(out, BASE);
    writeFileSync(join(out, MANIFEST), '{}\n');
    expect(run(out, BASE)).toEqual(Object.keys(EMITTERS).sort());
    rmSync(dirname(out), { recursive: true, force: true });
  });
});
