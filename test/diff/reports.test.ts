// The three outputs of the same diff: text for a terminal (colour only on a TTY without NO_COLOR),
// markdown for a changelog or PR comment, and JSON with the documented shape.
import { describe, expect, it } from 'vitest';
import type { Change } from '../../generator/diff/change.js';
import { jsonReport, JSON_FORMAT_VERSION } from '../../generator/diff/report-json.js';
import { markdownReport } from '../../generator/diff/report-markdown.js';
import { textReport, useColor } from '../../generator/diff/report-text.js';
import type { DiffOutcome } from '../../generator/diff/outcome.js';
import { runDiff } from '../../generator/diff/run-diff.js';
import { casePair, rulePair } from './support.js';

const ESC = '\x1b[';

/** An outcome around one change, for report details no small fixture reaches. */
function outcomeOf(change: Change): DiffOutcome {
  return {
    old: { spec: 'a.yaml', title: 'A', apiVersion: '1', operations: 1, schemas: 1 },
    new: { spec: 'b.yaml', title: 'A', apiVersion: '2', operations: 1, schemas: 1 },
    include: [],
    changes: [change],
    profile: { enumAdditions: 'warning' },
    failOn: 'breaking',
  };
}

describe('text output', () => {
  it('groups changes by severity, most severe first, with message, rule, place and impact', async () => {
    const outcome = await runDiff(...rulePair('response-property-removed'));
    const text = textReport(outcome, false);
    expect(text).toContain('API diff: 1 → 2');
    expect(text).toContain('1 breaking · 0 warnings · 0 info');
    expect(text).toContain(
      [
        'BREAKING (1)',
        '  property `name` was removed  response-property-removed',
        '      at widget.name',
        '      direct: GET /v1/widgets/{widget} · without expand: none · only via expand: none',
      ].join('\n'),
    );
    expect(text).toContain('fails --fail-on breaking: 1 change at or above that severity');
    expect(text).not.toContain(ESC);
  });

  it('lists the places of one change under it, and counts changes, not places', async () => {
    const text = textReport(await runDiff(...casePair('many-places')), false);
    expect(text).toContain('1 breaking · 1 warning · 0 info');
    expect(text).toContain(
      [
        'BREAKING (1)',
        '  property `note` was removed  request-property-removed',
        '      at POST /v1/gadgets › body note',
        '         POST /v1/widgets › body note',
        '',
        'WARNINGS (1)',
        '  new enum values `archived`, `lost`; an exhaustive switch misses them  response-enum-value-added',
        '      at gadget.state',
        '         widget.state',
        '      direct: POST /v1/gadgets, POST /v1/widgets · without expand: none · only via expand: none',
      ].join('\n'),
    );
  });

  it('shows ten places and names eight direct operations at most, pointing to the JSON report for the rest', () => {
    const ops = Array.from({ length: 10 }, (_, i) => ({ method: 'GET', path: `/v1/things${i}`, name: `things${i}.list` }));
    const text = textReport(
      outcomeOf({
        rule: 'response-property-added',
        severity: 'info',
        places: Array.from({ length: 12 }, (_, i) => ({ schemaPath: `thing${String(i).padStart(2, '0')}.note` })),
        message: 'new property `note` (`string`)',
        impact: { direct: ops, withoutExpand: [], onlyViaExpand: [{ operation: ops[0]!, expand: 'data.thing' }] },
      }),
      false,
    );
    expect(text).toContain('         thing09.note\n         … and 2 places more (--format json lists every place)\n');
    expect(text).not.toContain('thing10.note');
    expect(text).toContain('direct: GET /v1/things0, GET /v1/things1, GET /v1/things2, GET /v1/things3, GET /v1/things4, GET /v1/things5, and 4 more · ');
    expect(text).toContain('without expand: none · only via expand: 1 operation\n');
  });

  it('ends on what a spec diff cannot see, with the vendor\'s changelog when there is one', async () => {
    const plain = textReport(await runDiff(...rulePair('response-property-removed')), false);
    expect(plain.endsWith(
      'fails --fail-on breaking: 1 change at or above that severity\n' +
        "A spec diff cannot see behaviour (a default that changed, a parameter required only in some flows): read the API's changelog too.\n",
    )).toBe(true);
    const outcome = outcomeOf({ rule: 'operation-added', severity: 'info', places: [{ schemaPath: 'x' }], message: 'm', impact: { direct: [], withoutExpand: [], onlyViaExpand: [] } });
    const stripe = { ...outcome, new: { ...outcome.new, apiVersion: '2023-08-16', changelog: { name: "Stripe's upgrade notes", url: 'https://docs.stripe.com/upgrades#2023-08-16' } } };
    const line = 'A spec diff cannot see behaviour (a default that changed, a parameter required only in some flows): read Stripe\'s upgrade notes up to 2023-08-16 too';
    expect(textReport(stripe, false).endsWith(`${line}, https://docs.stripe.com/upgrades#2023-08-16\n`)).toBe(true);
    expect(markdownReport(stripe).endsWith(`\n\n_${line}, <https://docs.stripe.com/upgrades#2023-08-16>_\n`)).toBe(true);
  });

  it('is coloured only when asked', async () => {
    const outcome = await runDiff(...rulePair('response-property-removed'));
    expect(textReport(outcome, true)).toContain(`${ESC}31m`);
  });

  it('asks for colour on a TTY unless NO_COLOR is set to something', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({}, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
  });

  it('says so when nothing changed', async () => {
    const text = textReport(await runDiff(...casePair('renamed-refs')), false);
    expect(text).toContain('No changes.');
    expect(text).toContain('passes --fail-on breaking: no breaking changes');
  });
});

describe('markdown output', () => {
  it('has a heading, a summary, and one table per severity', async () => {
    const outcome = await runDiff(...casePair('shared-resource'));
    const markdown = markdownReport(outcome);
    expect(markdown).toMatch(/^### API changes: `1` → `2`\n/);
    expect(markdown).toContain('0 breaking · 1 warning · 0 info');
    expect(markdown).toContain('#### Warnings (1)\n\n| Where | Change | Rule | Affects |\n| --- | --- | --- | --- |\n');
    expect(markdown).toContain(
      '| `widget.status` | new enum value `archived`; an exhaustive switch misses it | `response-enum-value-added` | ' +
        'direct: `GET /v1/widgets`, `POST /v1/widgets`, `GET /v1/widgets/{widget}`<br>without expand: none<br>only via expand: none |',
    );
  });

  it('puts the places of one change in one row, and names the client methods of operations changed themselves', async () => {
    const markdown = markdownReport(await runDiff(...casePair('many-places')));
    expect(markdown).toContain('#### Breaking (1)');
    expect(markdown).toContain(
      '| `POST /v1/gadgets` › body `note`<br>`POST /v1/widgets` › body `note` | property `note` was removed | `request-property-removed` | `gadgets.create`, `widgets.create` |',
    );
    expect(markdown).toContain(
      '| `gadget.state`<br>`widget.state` | new enum values `archived`, `lost`; an exhaustive switch misses them | `response-enum-value-added` | ' +
        'direct: `POST /v1/gadgets`, `POST /v1/widgets`<br>without expand: none<br>only via expand: none |',
    );
  });

  it('escapes the pipes of union types inside table cells', () => {
    const outcome = outcomeOf({
      rule: 'response-type-changed',
      severity: 'breaking',
      places: [{ schemaPath: 'widget.size' }],
      message: 'type changed from `string` to `string | integer`',
      impact: { direct: [], withoutExpand: [], onlyViaExpand: [] },
    });
    expect(markdownReport(outcome)).toContain('| `widget.size` | type changed from `string` to `string \\| integer` |');
  });
});

describe('json output', () => {
  it('keeps every place of a change', async () => {
    const document = JSON.parse(jsonReport(await runDiff(...casePair('many-places'))));
    expect(document.summary).toEqual({ breaking: 1, warning: 1, info: 0, total: 2 });
    expect(document.changes.map((c: Change) => c.places)).toEqual([
      [
        { operation: { method: 'POST', path: '/v1/gadgets', name: 'gadgets.create' }, parameter: { in: 'body', name: 'note' } },
        { operation: { method: 'POST', path: '/v1/widgets', name: 'widgets.create' }, parameter: { in: 'body', name: 'note' } },
      ],
      [{ schemaPath: 'gadget.state' }, { schemaPath: 'widget.state' }],
    ]);
  });

  it('has the documented shape', async () => {
    const outcome = await runDiff(...casePair('shared-resource'), { failOn: 'warning' });
    const document = JSON.parse(jsonReport(outcome));
    expect(Object.keys(document)).toEqual(['formatVersion', 'old', 'new', 'include', 'profile', 'failOn', 'failed', 'summary', 'changes']);
    expect(document.formatVersion).toBe(JSON_FORMAT_VERSION);
    expect(document.old).toMatchObject({ title: 'Widgets', apiVersion: '1', operations: 3, schemas: 1 });
    expect(document.failOn).toBe('warning');
    expect(document.failed).toBe(true);
    expect(document.summary).toEqual({ breaking: 0, warning: 1, info: 0, total: 1 });
    expect(document.changes[0]).toEqual({
      rule: 'response-enum-value-added',
      severity: 'warning',
      places: [{ schemaPath: 'widget.status' }],
      message: 'new enum value `archived`; an exhaustive switch misses it',
      impact: {
        direct: [
          { method: 'GET', path: '/v1/widgets', name: 'widgets.list' },
          { method: 'POST', path: '/v1/widgets', name: 'widgets.create' },
          { method: 'GET', path: '/v1/widgets/{widget}', name: 'widgets.retrieve' },
        ],
        withoutExpand: [],
        onlyViaExpand: [],
      },
    });
  });
});
