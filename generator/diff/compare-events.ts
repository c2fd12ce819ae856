// Webhook event types added and removed between two versions. They belong to no operation: a
// change here affects the handlers a user writes against `WebhookEvent`, not any call.
import type { EventType } from '../model/ir.js';
import type { Change } from './change.js';
import { NO_IMPACT } from './impact.js';
import { severityOf, type Profile } from './rules.js';

export function compareEvents(before: readonly EventType[], after: readonly EventType[], profile: Profile): Change[] {
  const had = new Set(before.map((e) => e.type));
  const has = new Set(after.map((e) => e.type));
  const change = (rule: 'event-type-added' | 'event-type-removed', type: string, message: string): Change => ({
    rule,
    severity: severityOf(rule, profile),
    message,
    places: [{ event: type }],
    impact: NO_IMPACT,
  });
  return [
    ...after.filter((e) => !had.has(e.type)).map((e) => change('event-type-added', e.type, `new webhook event type \`${e.type}\``)),
    ...before.filter((e) => !has.has(e.type)).map((e) => change('event-type-removed', e.type, `webhook event type \`${e.type}\` was removed`)),
  ];
}
