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
const getWidget = (schemaPath?: string): ChangeLocation => ({ operation: GET_WIDGET, ...(schemaPath ? { schemaPath } : {}) });
const postBody = (): ChangeLocation => ({ operation: POST_WIDGETS, schemaPath: 'body' });
const DELETE_WIDGET = { method: 'DELETE', path: '/v1/widgets/{widget}', name: 'widgets.del' };

interface Expected {
  readonly severity: Severity;
  readonly location: ChangeLocation;
  readonly message: string;
  /** Changes that belong to no operation (event types) affect none. */
  readonly affectsNone?: true;
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
  'operation-reactivated': { severity: 'info', location: getWidget(), message: 'operation `widgets.retrieve` is no longer deprecated' },
  'operation-sunset-set': { severity: 'warning', location: getWidget(), message: 'operation `widgets.retrieve` will be removed on 2099-01-31 (`x-sunset`)' },
  'operation-sunset-moved-earlier': {
    severity: 'warning',
    location: getWidget(),
    message: "operation `widgets.retrieve`'s sunset moved from 2099-06-30 to 2099-01-31",
  },
  'operation-removed-before-sunset': {
    severity: 'breaking',
    location: { operation: DELETE_WIDGET },
    message: 'operation `widgets.del` was removed before its sunset date, 2099-01-31',
  },
  'operation-removed-after-sunset': {
    severity: 'warning',
    location: { operation: DELETE_WIDGET },
    message: 'operation `widgets.del` was removed after its sunset date, 2020-01-31',
  },
  'operation-stability-decreased': {
    severity: 'breaking',
    location: getWidget(),
    message: "operation `widgets.retrieve`'s stability went from `stable` to `beta`",
  },
  'operation-id-changed': { severity: 'breaking', location: getWidget(), message: 'operationId changed from `GetWidget` to `RetrieveWidget`' },
  'operation-tags-changed': { severity: 'warning', location: getWidget(), message: 'tags changed from `Widgets` to `Gadgets`' },
  'server-added': { severity: 'info', location: getWidget('servers'), message: 'new server `https://eu.api.example.com`' },
  'server-removed': { severity: 'breaking', location: getWidget('servers'), message: 'server `https://eu.api.example.com` was removed' },

  'parameter-added': { severity: 'info', location: query('expand'), message: 'new optional query parameter `expand` (`array of string`)' },
  'parameter-added-required': { severity: 'breaking', location: query('locale'), message: 'new required query parameter `locale`' },
  'parameter-removed': { severity: 'breaking', location: query('locale'), message: 'query parameter `locale` was removed' },
  'parameter-became-required': { severity: 'breaking', location: query('locale'), message: 'parameter `locale` is now required' },
  'parameter-became-optional': { severity: 'info', location: query('locale'), message: 'parameter `locale` is now optional' },
  'parameter-style-changed': { severity: 'breaking', location: query('tags'), message: 'parameter `tags`: style changed from `form` to `deepObject`' },
  'parameter-explode-changed': { severity: 'breaking', location: query('tags'), message: 'parameter `tags`: explode changed from `true` to `false`' },
  'parameter-deprecated': { severity: 'warning', location: query('locale'), message: 'parameter `locale` is deprecated' },

  'security-alternative-added': { severity: 'info', location: getWidget(), message: 'calls may now authenticate with `oauth`' },
  'security-alternative-removed': { severity: 'breaking', location: getWidget(), message: 'calls can no longer authenticate with `oauth`' },
  'security-scope-added': { severity: 'breaking', location: getWidget(), message: '`oauth` now needs scope `widgets:admin`' },
  'security-scope-removed': { severity: 'info', location: getWidget(), message: '`oauth` no longer needs scope `widgets:admin`' },
  'security-scheme-changed': {
    severity: 'breaking',
    location: getWidget(),
    message: 'scheme `apiKey` changed from `apiKey in header X-Api-Key` to `apiKey in query api_key`',
  },

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
  'request-media-type-added': { severity: 'info', location: postBody(), message: 'the body may also be sent as `application/json`' },
  'request-media-type-removed': { severity: 'breaking', location: postBody(), message: 'the body can no longer be sent as `application/json`' },
  'request-property-became-read-only': {
    severity: 'breaking',
    location: body('name'),
    message: 'property `name` is now readOnly: the server no longer takes it',
  },
  'request-validation-narrowed': { severity: 'breaking', location: body('name'), message: '`maxLength` 100 → 50' },
  'request-validation-widened': { severity: 'info', location: body('name'), message: '`maxLength` 50 → 100' },
  'request-validation-changed': { severity: 'breaking', location: body('name'), message: '`format` `"email"` → `"uri"`' },
  'request-default-added': { severity: 'info', location: body('quantity'), message: '`quantity` now defaults to `1`' },
  'request-default-changed': {
    severity: 'warning',
    location: body('quantity'),
    message: 'default of `quantity` changed from `1` to `2`: calls that leave it out get other behaviour',
  },
  'request-discriminator-value-added': {
    severity: 'info',
    location: body('pet'),
    message: 'discriminator value `kitten` added (`"#/components/schemas/cat"`)',
  },
  'request-discriminator-value-removed': { severity: 'breaking', location: body('pet'), message: 'discriminator value `kitten` removed' },

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
  'response-media-type-added': { severity: 'info', location: getWidget('response'), message: 'the answer may also come as `application/json`' },
  'response-media-type-removed': { severity: 'breaking', location: getWidget('response'), message: 'the answer no longer comes as `application/xml`' },
  'response-header-added': { severity: 'info', location: getWidget('headers.X-Request-Id'), message: 'new optional header `X-Request-Id`' },
  'response-header-removed': { severity: 'breaking', location: getWidget('headers.X-Request-Id'), message: 'header `X-Request-Id` was removed' },
  'response-header-became-optional': {
    severity: 'breaking',
    location: getWidget('headers.X-Request-Id'),
    message: 'header `X-Request-Id` may now be absent',
  },
  'response-header-became-required': {
    severity: 'info',
    location: getWidget('headers.X-Request-Id'),
    message: 'header `X-Request-Id` is now always sent',
  },
  'response-property-became-write-only': {
    severity: 'breaking',
    location: widget('secret'),
    message: 'property `secret` is now writeOnly: it no longer arrives',
  },
  'response-validation-widened': { severity: 'warning', location: widget('name'), message: '`maxLength` 100 → 200' },
  'response-validation-narrowed': { severity: 'info', location: widget('name'), message: '`maxLength` 200 → 100' },
  'response-validation-changed': { severity: 'warning', location: widget('name'), message: '`pattern` `"^[a-z]+$"` → `"^[A-Z]+$"`' },
  'response-default-changed': { severity: 'info', location: widget('status'), message: 'default of `status` changed from `"active"` to `"inactive"`' },
  'response-discriminator-value-added': {
    severity: 'warning',
    location: widget('pet'),
    message: 'discriminator value `kitten` added (`"#/components/schemas/cat"`)',
  },
  'response-discriminator-value-removed': { severity: 'info', location: widget('pet'), message: 'discriminator value `kitten` removed' },
  'discriminator-changed': { severity: 'breaking', location: widget('pet'), message: 'the discriminator property changed from `"kind"` to `"type"`' },
  'property-deprecated': { severity: 'warning', location: widget('name'), message: '`name` is deprecated' },
  'expandable-field-added': { severity: 'info', location: widget('owner'), message: 'field `owner` can now be expanded' },
  'expandable-field-removed': { severity: 'breaking', location: widget('owner'), message: 'field `owner` can no longer be expanded' },
  'event-type-added': { severity: 'info', location: { event: 'widget.updated' }, message: 'new webhook event type `widget.updated`', affectsNone: true },
  'event-type-removed': {
    severity: 'warning',
    location: { event: 'widget.updated' },
    message: 'webhook event type `widget.updated` was removed',
    affectsNone: true,
  },
  'webhook-added': { severity: 'info', location: { webhook: 'widgetCreated POST' }, message: 'new webhook `widgetCreated`', affectsNone: true },
  'webhook-removed': { severity: 'warning', location: { webhook: 'widgetCreated POST' }, message: 'webhook `widgetCreated` was removed', affectsNone: true },
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
    expect(change!.impact).toEqual({ direct: expected.affectsNone ? [] : [expected.location.operation ?? GET_WIDGET], withoutExpand: [], onlyViaExpand: [], events: [] });
  });
});
