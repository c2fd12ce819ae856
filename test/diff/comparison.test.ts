// How the comparison reads two versions: shapes, not spellings; each resource once, whoever returns
// it; cycles and deep nesting end; a slice stops at resources that belong to other operations; and
// the profile can be tuned.
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../generator/diff/diff-models.js';
import { MAX_DEPTH } from '../../generator/diff/compare-schemas.js';
import { runDiff } from '../../generator/diff/run-diff.js';
import { loadSide } from '../../generator/diff/load-side.js';
import type { ApiModel, Schema } from '../../generator/model/ir.js';
import { casePair, rulePair } from './support.js';

describe('comparing two versions', () => {
  it('sees no change when only names and references differ (inlined, respelled to the same type name, split into allOf, path parameter renamed)', async () => {
    const { changes } = await runDiff(...casePair('renamed-refs'));
    expect(changes).toEqual([]);
  });

  it('ends on cycles, and reports a change inside a self-referencing tree once', async () => {
    const { changes } = await runDiff(...casePair('cycles'));
    expect(changes.map((c) => [c.rule, c.places])).toEqual([['response-property-added', [{ schemaPath: 'widget.tree.weight' }]]]);
  });

  it('reports a change in a resource once, naming every operation that returns it (lists included)', async () => {
    const { changes } = await runDiff(...casePair('shared-resource'));
    expect(changes).toHaveLength(1);
    expect(changes[0]!.places).toEqual([{ schemaPath: 'widget.status' }]);
    expect(changes[0]!.impact.direct.map((op) => op.name)).toEqual(['widgets.list', 'widgets.create', 'widgets.retrieve']);
  });

  it('says who meets a changed resource: returned directly, inline in another answer, or only through expand[] (with the path), and which webhook events carry it', async () => {
    const { changes } = await runDiff(...casePair('impact'));
    expect(changes.map((c) => c.places)).toEqual([[{ schemaPath: 'customer.phone' }]]);
    const { direct, withoutExpand, onlyViaExpand, events } = changes[0]!.impact;
    // An event's object is never expanded: the widget's event carries an id only.
    expect(events).toEqual(['customer.updated', 'order.created']);
    expect(direct.map((op) => op.name)).toEqual(['customers.retrieve']);
    // The order's buyers list names `data` expandable, but its items are plain references: always there.
    expect(withoutExpand.map((op) => op.name)).toEqual(['orders.retrieve']);
    expect(onlyViaExpand.map(({ operation, expand }) => `${operation.name} expand[]=${expand}`)).toEqual([
      'gadgets.retrieve expand[]=co_owners',
      'widgets.list expand[]=data.owner',
      'widgets.retrieve expand[]=owner',
    ]);
  });

  it('follows an expandable field into a resource only when no operation outside --include returns it', async () => {
    const whole = await runDiff(...casePair('expansion-boundary'));
    expect(whole.changes.map((c) => [c.rule, c.places])).toEqual([['response-property-added', [{ schemaPath: 'owner.email' }]]]);
    const slice = await runDiff(...casePair('expansion-boundary'), { include: ['/v1/widgets/**'] });
    expect(slice.changes).toEqual([]);
  });

  it('--enum-additions info lowers a new response enum value to info, as Stripe counts it', async () => {
    const strict = await runDiff(...rulePair('response-enum-value-added'));
    expect(strict.changes[0]!.severity).toBe('warning');
    const stripe = await runDiff(...rulePair('response-enum-value-added'), { profile: { enumAdditions: 'info' } });
    expect(stripe.changes[0]!.severity).toBe('info');
  });

  it(`stops descending after ${MAX_DEPTH} levels of inline nesting`, async () => {
    const nest = (depth: number, leaf: string): Schema =>
      depth === 0
        ? { kind: 'object', nullable: false, properties: [{ name: leaf, required: false, schema: { kind: 'string', nullable: false } }], additionalProperties: false, expandableFields: [] }
        : { kind: 'object', nullable: false, properties: [{ name: 'next', required: false, schema: nest(depth - 1, leaf) }], additionalProperties: false, expandableFields: [] };
    // Any small model will do as a frame: its one operation gets the nested response.
    const frame = (await loadSide(rulePair('response-property-added')[0], [])).model;
    const model = (deep: Schema): ApiModel => ({
      ...frame,
      schemas: [],
      operations: frame.operations.map((op) => ({ ...op, success: { ...op.success, schema: deep } })),
    });
    const shallow = diffModels(model(nest(3, 'a')), model(nest(3, 'b')));
    expect(shallow.flatMap((c) => c.places.map((place) => place.schemaPath))).toEqual(['response.next.next.next.a', 'response.next.next.next.b']);
    const beyond = diffModels(model(nest(MAX_DEPTH + 2, 'a')), model(nest(MAX_DEPTH + 2, 'b')));
    expect(beyond).toEqual([]);
  });
});
