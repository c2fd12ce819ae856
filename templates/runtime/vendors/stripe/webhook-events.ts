// The shapes of webhook events (types only): the envelope every Stripe event has, an event of a
// known type, and an event of a type newer than the spec, which keeps the generated union open.

/** What every event carries besides its type and data (Stripe's `event` object). */
export interface WebhookEventEnvelope {
  /** `evt_…`: the same event may arrive more than once; this is what to deduplicate on. */
  id: string;
  object: 'event';
  /** The connected account the event belongs to, for Connect webhooks. */
  account?: string;
  /** The API version `data.object` is rendered in; null for events older than versioning. */
  api_version?: string | null;
  /** When the event was created, in seconds since the epoch. */
  created: number;
  livemode: boolean;
  /** Webhooks not yet delivered successfully for this event. */
  pending_webhooks: number;
  /** The API request that caused the event, if one did. */
  request?: { id: string | null; idempotency_key?: string | null } | null;
}

/** An event of a type the spec names, carrying its object. */
export interface TypedWebhookEvent<Type extends string, Resource> extends WebhookEventEnvelope {
  type: Type;
  data: { object: Resource };
}

/** A `*.updated` event: `previous_attributes` holds the changed fields' earlier values. */
export interface TypedUpdatedWebhookEvent<
  Type extends string,
  Resource,
> extends WebhookEventEnvelope {
  type: Type;
  data: { object: Resource; previous_attributes?: Partial<Resource> };
}

/**
 * The `type` of an event newer than the spec. At run time it is the event's type, a plain string;
 * the type spells it as a pattern no event name can match (they have no spaces), so comparing
 * `event.type` with a known type leaves this member out, and a `switch` over every known type
 * still has it left for its `default`. (A branded `string & {…}` would not do: TypeScript finds
 * any string comparable to it.)
 */
export type UnknownEventType = `unknown event type: ${string}`;

/** An event of a type the spec does not name: everything but the envelope is `unknown`. */
export interface UnknownWebhookEvent extends WebhookEventEnvelope {
  type: UnknownEventType;
  data: { object: unknown; previous_attributes?: unknown };
}
