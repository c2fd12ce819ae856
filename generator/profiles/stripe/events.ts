// Stripe's webhook event types, as its specs tell them: the `enabled_events` enum of
// `POST /v1/webhook_endpoints` (the whole API's spec), or a root `x-codegen-events` list (a slice
// such as spec/, which has no webhook endpoint). Each event's `data.object` is the component whose
// `x-resourceId` its name points at (see objectOf).
import { pointerOf, type Problem } from '../../errors.js';
import type { EventType } from '../../model/ir.js';

type Raw = Record<string, unknown>;

/** Where a document lists its event types: the webhook endpoint's enum, or our own extension. */
export const EVENTS_EXTENSION = 'x-codegen-events';
const ENDPOINT = ['paths', '/v1/webhook_endpoints', 'post', 'requestBody', 'content'] as const;

export function stripeEventTypes(document: Raw, file: string, warnings: Problem[]): EventType[] {
  const resources = resourceIdsOf(document);
  const components = new Set(Object.keys((((document.components ?? {}) as Raw).schemas ?? {}) as Raw));
  const names = new Set([...endpointEnum(document), ...extensionList(document, file, warnings)]);
  return [...names].sort().map((type) => {
    const target = objectOf(type, resources, components);
    return {
      type,
      object: target === undefined ? { kind: 'unknown', nullable: false } : { kind: 'ref', target, nullable: false },
      previousAttributes: type.endsWith('.updated'),
    } satisfies EventType;
  });
}

/**
 * Where an event's name and its object's `x-resourceId` part ways, as stripe-node's hand-written
 * types show: name (or its noun) → the object's `x-resourceId`, or its component name when it has none.
 */
const STRIPE_NAME_ALIASES: ReadonlyMap<string, string> = new Map([
  ['account.application', 'application'],
  ['application_fee.refund', 'fee_refund'],
  ['customer.source', 'payment_source'],
  ['source.mandate_notification', 'source_mandate_notification'],
]);

/**
 * The component an event carries, by its name's noun (the name less its last, verb segment):
 * 1. the noun itself (`financial_connections.account.refreshed_balance` → `financial_connections.account`);
 * 2. its longest dotted tail (`customer.subscription.updated` → `subscription`, `charge.dispute.closed` → `dispute`);
 * 3. the noun with its separators swapped (`issuing_card.created` → `issuing.card`, `source.transaction.created` → `source_transaction`);
 * 4. the longest `x-resourceId` the name starts with (a new `customer.gizmo.created` → `customer`);
 * after the aliases above. Rule 4 alone would give `customer.subscription.updated` a Customer.
 */
export function objectOf(type: string, resources: ReadonlyMap<string, string>, components: ReadonlySet<string>): string | undefined {
  const segments = type.split('.');
  const noun = segments.slice(0, -1);
  const alias = STRIPE_NAME_ALIASES.get(type) ?? STRIPE_NAME_ALIASES.get(noun.join('.'));
  if (alias !== undefined && (resources.has(alias) || components.has(alias))) return resources.get(alias) ?? alias;
  const candidates = [
    noun.join('.'),
    ...noun.slice(1).map((_, i) => noun.slice(i + 1).join('.')),
    noun.join('.').replace('_', '.'),
    noun.join('_'),
    ...segments.slice(0, -1).map((_, i) => segments.slice(0, segments.length - 1 - i).join('.')),
  ];
  for (const id of candidates) {
    const component = resources.get(id);
    if (component !== undefined) return component;
  }
  return undefined;
}

/** `x-resourceId` → component name; the first component (by name) wins a shared id. */
export function resourceIdsOf(document: Raw): Map<string, string> {
  const schemas = (((document.components ?? {}) as Raw).schemas ?? {}) as Raw;
  const ids = new Map<string, string>();
  for (const name of Object.keys(schemas).sort()) {
    const id = (schemas[name] as Raw | null)?.['x-resourceId'];
    if (typeof id === 'string' && !ids.has(id)) ids.set(id, name);
  }
  return ids;
}

function endpointEnum(document: Raw): string[] {
  let node: unknown = document;
  for (const key of ENDPOINT) node = (node as Raw | undefined)?.[key];
  const content = (node ?? {}) as Raw;
  return Object.values(content).flatMap((media) => {
    const property = ((((media as Raw | null)?.schema as Raw | undefined)?.properties as Raw | undefined)?.enabled_events ?? {}) as Raw;
    const values = (property.items as Raw | undefined)?.enum;
    // `*` subscribes to everything; it is not an event type.
    return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string' && v !== '*') : [];
  });
}

function extensionList(document: Raw, file: string, warnings: Problem[]): string[] {
  const list = document[EVENTS_EXTENSION];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    warnings.push({ file, pointer: pointerOf([EVENTS_EXTENSION]), message: 'must be a list of event type names; ignored' });
    return [];
  }
  return list.filter((name, i) => {
    if (typeof name === 'string' && /^[a-z0-9_]+(\.[a-z0-9_]+)+$/.test(name)) return true;
    warnings.push({ file, pointer: pointerOf([EVENTS_EXTENSION, i]), message: `${JSON.stringify(name)} is not an event type such as 'thing.created'; ignored` });
    return false;
  });
}
