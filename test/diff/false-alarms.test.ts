// Read as clients read them: changes the diff once graded wrong, each a fixture pair under
// fixtures/cases/. A readOnly property is never sent, a writeOnly one never received; an answer
// that keeps its media type and adds another is not retyped; number includes integer; an `allOf`
// member that only annotates constrains nothing. And the miss the other way: a body wrapped in a
// `oneOf` whose branches overlap rejects a value matching two of them.
import { describe, expect, it } from 'vitest';
import { runDiff } from '../../generator/diff/run-diff.js';
import { casePair } from './support.js';

const POST_WIDGETS = { method: 'POST', path: '/v1/widgets', name: 'widgets.create' };
const GET_WIDGET = { method: 'GET', path: '/v1/widgets/{widget}', name: 'widgets.retrieve' };
const rows = async (name: string) => (await runDiff(...casePair(name))).changes.map((c) => [c.severity, c.rule, c.message, c.places]);

describe('false alarms gone', () => {
  it('a readOnly property made required is news for readers, not a breaking request change', async () => {
    expect(await rows('read-only-required')).toEqual([['info', 'response-property-became-required', 'property `id` is now always present', [{ schemaPath: 'widget.id' }]]]);
  });

  it('a writeOnly property made optional is a looser request, not a response change', async () => {
    expect(await rows('write-only-optional')).toEqual([
      ['info', 'request-property-became-optional', 'property `password` is now optional', [{ operation: POST_WIDGETS, parameter: { in: 'body', name: 'password' } }]],
    ]);
  });

  it('an answer that keeps `text/csv` and adds `application/json` gains a media type; it is not retyped', async () => {
    expect(await rows('media-type-kept')).toEqual([
      ['info', 'response-media-type-added', 'the answer may also come as `application/json`', [{ operation: GET_WIDGET, schemaPath: 'response' }]],
    ]);
  });

  it('[integer, string] → [number, string] widens the request', async () => {
    expect(await rows('integer-to-number-union')).toEqual([
      ['info', 'request-type-widened', 'type widened from `integer` to `number`', [{ operation: POST_WIDGETS, parameter: { in: 'body', name: 'amount' } }]],
    ]);
  });

  it('an allOf member with only a title and a description changes nothing', async () => {
    expect(await rows('allof-annotation')).toEqual([]);
  });
});

describe('the miss: a request body wrapped in a oneOf', () => {
  it('is breaking when two branches can match one body (it must match exactly one)', async () => {
    expect(await rows('oneof-overlap')).toEqual([
      [
        'breaking',
        'request-type-changed',
        'type changed from `object` to a `oneOf` whose branches overlap (`card` and `bank_account`): a value that matches both is rejected',
        [{ operation: POST_WIDGETS, schemaPath: 'body' }],
      ],
    ]);
  });

  it('is a widening when the branches exclude each other (closed objects, each requiring its own property)', async () => {
    expect(await rows('oneof-disjoint')).toEqual([
      ['info', 'request-type-widened', 'type widened from `object` to `card | bank_account`', [{ operation: POST_WIDGETS, schemaPath: 'body' }]],
    ]);
  });
});
