// Stripe's conventions: `Stripe-Version` pins the API version; the secret key `apiKey` is its auth; the runtime module
// templates/runtime/vendors/stripe/ adds the `stripeAccount` option (`Stripe-Account`), Stripe's
// error types and fields, and the webhook signature check; the official SDK's method names (naming.ts), the list and search envelopes
// every paged answer comes in, the webhook event types with their objects (events.ts), and where its
// upgrade notes are.
import type { Envelope, ObjectSchema, Schema } from '../../model/ir.js';
import type { Profile } from '../profile.js';
import { stripeEventTypes } from './events.js';
import { sdkNameOf } from './naming.js';

type Raw = Record<string, unknown>;

export const stripeProfile: Profile = {
  name: 'stripe',
  matches: isStripeSpec,
  versionHeader: 'Stripe-Version',
  namesClientInUserAgent: false,
  runtimeModule: { dir: 'stripe', conventions: 'STRIPE', rawRequest: 'stripeRawRequest' },
  bracketBodies: true,
  // stripe-node's: the secret key, as a bearer token, on every call the spec secures (basic or bearer).
  auth: {
    schemes: [{ name: 'apiKey', option: 'apiKey', type: 'http', scheme: 'bearer' }],
    requirement: (declared = [['apiKey']]) => {
      const anonymous = declared.some((r) => r.length === 0);
      return declared.length === 0 ? [] : [...(declared.some((r) => r.length > 0) ? [['apiKey']] : []), ...(anonymous ? [[]] : [])];
    },
  },
  sdkNameOf,
  envelopeOf,
  changelogOf,
  eventTypes: stripeEventTypes,
};

/** Stripe's upgrade notes list every dated version under its own anchor. */
function changelogOf(apiVersion: string): { name: string; url: string } | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(apiVersion)) return undefined;
  return { name: "Stripe's upgrade notes", url: `https://docs.stripe.com/upgrades#${apiVersion}` };
}

/** Stripe's specs carry `info.x-stripeSpecFilename`; slices cut from them may keep only the server. */
function isStripeSpec(document: Readonly<Raw>): boolean {
  const info = (document.info ?? {}) as Raw;
  if (info['x-stripeSpecFilename'] !== undefined) return true;
  const servers = Array.isArray(document.servers) ? (document.servers as unknown[]) : [];
  return servers.some((s) => {
    const url = (s as Raw | null)?.url;
    return typeof url === 'string' && /^(https?:\/\/)?([^/:]+\.)?stripe\.com(\/|:|$)/.test(url);
  });
}

// The envelopes' fields exactly as the runtime's ListObject and SearchResult declare them: an
// object with any other field, or one of these typed differently, stays an inline type.
const ENVELOPES: Record<Envelope, { object: string; fields: Record<string, (s: Schema, required: boolean) => boolean> }> = {
  ListObject: {
    object: 'list',
    fields: { data: isArray, has_more: isBoolean, url: isString },
  },
  SearchResult: {
    object: 'search_result',
    fields: {
      data: isArray,
      has_more: isBoolean,
      // The specs list it as optional; Stripe sends it on every page (null on the last).
      next_page: (s) => s.kind === 'string' && s.nullable,
      total_count: (s, required) => !required && s.kind === 'integer' && !s.nullable,
      url: isString,
    },
  },
};

function envelopeOf(schema: ObjectSchema): Envelope | undefined {
  if (schema.nullable || schema.additionalProperties !== false) return undefined;
  return (Object.keys(ENVELOPES) as Envelope[]).find((name) => {
    const { object, fields } = ENVELOPES[name];
    return (
      schema.properties.length === Object.keys(fields).length + 1 &&
      schema.properties.every((p) =>
        p.name === 'object'
          ? p.required && p.schema.kind === 'enum' && p.schema.values.length === 1 && p.schema.values[0] === object && !p.schema.nullable
          : Object.hasOwn(fields, p.name) && fields[p.name]!(p.schema, p.required),
      )
    );
  });
}

function isArray(s: Schema, required: boolean): boolean {
  return required && s.kind === 'array' && !s.nullable;
}

function isBoolean(s: Schema, required: boolean): boolean {
  return required && s.kind === 'boolean' && !s.nullable;
}

function isString(s: Schema, required: boolean): boolean {
  return required && s.kind === 'string' && !s.nullable;
}
