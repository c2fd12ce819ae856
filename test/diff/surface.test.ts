// --surface: the exported names of the two generated clients, with their kinds and printed types,
// compared; so a team sees which imports and calls of theirs the regenerated client changes.
import { describe, expect, it } from 'vitest';
import { runDiff } from '../../generator/diff/run-diff.js';
import { diffSurfaces } from '../../generator/diff/surface-diff.js';
import { rulePair } from './support.js';

describe('the generated client surface', () => {
  it('lists a new operation as a new standalone function and client method', async () => {
    const { surface } = await runDiff(...rulePair('operation-added'), { surface: true });
    const added = surface!.filter((s) => s.change === 'added').map((s) => `${s.kind} ${s.name}`);
    expect(added).toEqual(expect.arrayContaining(['function widgetsDel', 'method createClient().widgets.del']));
    expect(surface!.filter((s) => s.change === 'removed')).toEqual([]);
    const newMethod = surface!.find((s) => s.name === 'createClient().widgets.del')!;
    expect(newMethod.after).toMatch(/^\(widget: string, .*\) => ApiPromise<Widget>$/);
  });

  it('names the members of a changed interface, and the API version constant', async () => {
    const { surface } = await runDiff(...rulePair('response-property-added'), { surface: true });
    const widget = surface!.find((s) => s.name === 'Widget')!;
    expect(widget).toMatchObject({ change: 'changed', kind: 'interface', members: { added: ['name'], removed: [], changed: [] } });
    expect(surface!.find((s) => s.name === 'API_VERSION')).toMatchObject({ change: 'changed', before: '"1"', after: '"2"' });
  });

  it('ignores documentation: the same declarations with other comments are the same surface', async () => {
    const { surface } = await runDiff(...rulePair('operation-deprecated'), { surface: true });
    // Deprecation shows in TSDoc only; the API version is all that differs.
    expect(surface!.map((s) => s.name)).toEqual(['API_VERSION']);
  });

  it('reports a kind that changed, and removed names', () => {
    const changes = diffSurfaces(
      [
        { name: 'Widget', kind: 'interface', text: '{ id: string; }', members: { id: 'id: string;' } },
        { name: 'Gone', kind: 'function', text: '(): void' },
      ],
      [{ name: 'Widget', kind: 'type', text: '{ id: string; }' }],
    );
    expect(changes).toEqual([
      { change: 'removed', name: 'Gone', kind: 'function', before: '(): void' },
      { change: 'changed', name: 'Widget', kind: 'interface → type', before: '{ id: string; }', after: '{ id: string; }' },
    ]);
  });
});
