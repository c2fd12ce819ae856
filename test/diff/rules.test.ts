// One fixture pair per rule (test/diff/fixtures/rules/<rule>/old.yaml → new.yaml), each differing
// in exactly one way: the diff reports that one change, with its rule, severity, place and message.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeLocation } from '../../generator/diff/change.js';
import { runDiff } from '../../generator/diff/run-diff.js';
import { RULE_IDS, RULES, type RuleId, type Severity } from '../../generator/diff/rules.js';
import { ROOT } from '../support/paths.js';
import { RULE_FIXTURES, rulePair } from './support.js';

const GET_WIDGET = { method: 'GET', path: '/v1/widgets/{widget}', name: 'widgets.retrieve' };
const POST_WIDGETS = { method: 'POST', path: '/v1/widgets', name: 'widgets.create' };
const query = (name: string): ChangeLocation => ({ operation: GET_WIDGET, parameter: { in: 'query', name } });
const body = (name: string, schemaPath?: string): ChangeLocation => ({
  operation: POST_WIDGETS,
  parameter: { in: 'body', name },
  ...(schemaPath ? { schemaPath } : {}),
});
const widget = (path: string): ChangeLocation => ({ schemaPath: `widget.${path}` });

interface Expected {
  readonly severity: Severity;
  readonly location: ChangeLocation;
  readonly message: string;
}

const EXPECTED: Record<RuleId, Expected> = {
  'operation-added': {
    severity: 'info',
    location: { operation: { method: 'DELETE', path: '/v1/widgets/{widget}', name: 'widgets.del' } },
    message: 'new operation `widgets.del`',
  },
  'operation-removed': {
    severity: 'breaking',
    location: { operation: { method: 'DELETE', path: '/v1/widgets/{widget}', name: 'widgets.del' } },
    message: 'operation `widgets.del` was removed',
  },
  'operation-path-changed': {
    severity: 'breaking',
    location: { operation: { method: 'GET', path: '/v1/gadgets/{widget}', name: 'widgets.retrieve' } },
    message: '`widgets.retrieve` moved from `/v1/widgets/{widget}` to `/v1/gadgets/{widget}`',
  },
  'operation-deprecated': { severity: 'warning', location: { operation: GET_WIDGET }, message: 'operation `widgets.retrieve` is deprecated' },

  'parameter-added': { severity: 'info', location: query('expand'), message: 'new optional query parameter `expand` (`array of string`)' },
  'parameter-added-required': { severity: 'breaking', location: query('locale'), message: 'new required query parameter `locale`' },
  'parameter-removed': { severity: 'breaking', location: query('locale'), message: 'query parameter `locale` was removed' },
  'parameter-became-required': { severity: 'breaking', location: query('locale'), message: 'parameter `locale` is now required' },
  'parameter-became-optional': { severity: 'info', location: query('locale'), message: 'parameter `locale` is now optional' },
  'parameter-style-changed': { severity: 'breaking', location: query('tags'), message: 'parameter `tags`: style changed from `form` to `deepObject`' },
  'parameter-explode-changed': { severity: 'breaking', location: query('tags'), message: 'parameter `tags`: explode changed from `true` to `false`' },

  'request-body-media-type-changed': {
    severity: 'breaking',
    location: { operation: POST_WIDGETS, schemaPath: 'body' },
    message: 'the body changed from `application/x-www-form-urlencoded` to `application/json`',
  },
  'request-body-became-required': {
    severity: 'breaking',
    location: { operation: POST_WIDGETS, schemaPath: 'body' },
    message: 'the request body is now required',
  },
  'request-property-added': { severity: 'info', location: body('description'), message: 'new optional property `description` (`string`)' },
  'request-property-added-required': { severity: 'breaking', location: body('color'), message: 'new required property `color` (`string`)' },
  'request-property-removed': { severity: 'breaking', location: body('description'), message: 'property `description` was removed' },
  'request-property-became-required': { severity: 'breaking', location: body('name'), message: 'property `name` is now required' },
  'request-property-became-optional': { severity: 'info', location: body('name'), message: 'property `name` is now optional' },
  'request-type-changed': {
    severity: 'breaking',
    location: body('dimensions', 'dimensions.width'),
    message: 'type changed from `string` to `integer`',
  },
  'request-type-widened': {
    severity: 'info',
    location: body('dimensions', 'dimensions.width'),
    message: 'type widened from `integer` to `number`',
  },
  'request-no-longer-nullable': { severity: 'breaking', location: body('description'), message: '`description` no longer accepts null' },
  'request-became-nullable': { severity: 'info', location: body('description'), message: '`description` now accepts null' },
  'request-enum-value-added': { severity: 'info', location: body('color'), message: 'enum value `green` added' },
  'request-enum-value-removed': { severity: 'breaking', location: body('color'), message: 'enum value `green` removed' },
  'request-union-variant-added': { severity: 'info', location: body('size'), message: "the union now also takes `''`" },
  'request-union-variant-removed': { severity: 'breaking', location: body('size'), message: "the union no longer takes `''`" },

  'response-property-added': { severity: 'info', location: widget('name'), message: 'new property `name` (`string`)' },
  'response-property-removed': { severity: 'breaking', location: widget('name'), message: 'property `name` was removed' },
  'response-property-became-optional': { severity: 'breaking', location: widget('name'), message: 'property `name` may now be absent' },
  'response-property-became-required': { severity: 'info', location: widget('name'), message: 'property `name` is now always present' },
  'response-became-nullable': { severity: 'breaking', location: widget('name'), message: '`name` may now be null' },
  'response-no-longer-nullable': { severity: 'info', location: widget('name'), message: '`name` is never null now' },
  'response-type-changed': { severity: 'breaking', location: widget('amount'), message: 'type changed from `integer` to `string`' },
  'response-type-narrowed': { severity: 'info', location: widget('amount'), message: 'type narrowed from `number` to `integer`' },
  'response-enum-value-added': {
    severity: 'warning',
    location: widget('status'),
    message: 'new enum value `inactive`; an exhaustive switch misses it',
  },
  'response-enum-value-removed': { severity: 'warning', location: widget('status'), message: 'enum value `inactive` removed' },
  'response-union-variant-added': { severity: 'warning', location: widget('label'), message: 'the union now also takes `boolean`' },
  'response-union-variant-removed': { severity: 'info', location: widget('label'), message: 'the union no longer takes `boolean`' },
  'expandable-field-added': { severity: 'info', location: widget('owner'), message: 'field `owner` can now be expanded' },
  'expandable-field-removed': { severity: 'breaking', location: widget('owner'), message: 'field `owner` can no longer be expanded' },
  'component-renamed': {
    severity: 'warning',
    location: widget('size'),
    message: 'type `WidgetSize` is now `WidgetDimensions` (component `widget_size` renamed to `widget_dimensions`)',
  },
};

describe('every rule, one fixture pair each', () => {
  it('has a fixture pair for every rule in the profile', () => {
    const missing = RULE_IDS.filter((rule) => !existsSync(join(RULE_FIXTURES, rule, 'old.yaml')) || !existsSync(join(RULE_FIXTURES, rule, 'new.yaml')));
    expect(missing).toEqual([]);
    expect(Object.keys(EXPECTED).sort()).toEqual([...RULE_IDS].sort());
  });

  it("matches the diff docs' profile table, rule for rule", () => {
    const section = readFileSync(join(ROOT, 'docs', 'diff.md'), 'utf8');
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| (breaking|warning|info) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(RULE_IDS.map((rule) => [rule, RULES[rule].severity]));
  });

  it.each(RULE_IDS)('%s', async (rule) => {
    const [before, after] = rulePair(rule);
    const { changes } = await runDiff(before, after);
    const expected = EXPECTED[rule];
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(change!.rule).toBe(rule);
    expect(change!.severity).toBe(expected.severity);
    // The profile says the same: the table here and docs/diff.md agree with rules.ts.
    expect(RULES[rule].severity).toBe(expected.severity);
    expect(change!.places).toEqual([expected.location]);
    expect(change!.message).toBe(expected.message);
    // Each fixture has one operation that can be affected; a widget change affects the GET, which returns it.
    expect(change!.impact).toEqual({ direct: [expected.location.operation ?? GET_WIDGET], withoutExpand: [], onlyViaExpand: [] });
  });
});
