// A vendor profile: the conventions of one API family that a plain OpenAPI document does not spell
// out (which header pins the version, the account option and error types its runtime module adds,
// the SDK's method names, the list envelopes). The model asks
// the profile chosen for the spec; the generic path never tests for a vendor itself.
import type { Problem } from '../errors.js';
import type { Envelope, EventType, ObjectSchema, RuntimeModule, Security, SecurityScheme } from '../model/ir.js';

export interface Profile {
  /** Recorded in the IR (`ApiModel.profile`). */
  readonly name: string;
  /** Does this document follow the vendor's style? The first profile that says yes is used. */
  matches(document: Readonly<Record<string, unknown>>): boolean;
  /** Header that carries the API version on every request, or null when the API has none. */
  readonly versionHeader: string | null;
  /** Whether the client names itself in its User-Agent before the generator (Stripe's clients have said only the generator's name). */
  readonly namesClientInUserAgent: boolean;
  /**
   * The vendor's runtime module, shipped only in its clients: options it declares (Stripe's
   * `stripeAccount`), what its errors add (classes, fields), and the webhook verifier `webhooks.ts`
   * uses when `eventTypes` names any; null when the runtime's generic behaviour is all the API needs.
   */
  readonly runtimeModule: RuntimeModule | null;
  /**
   * Form and multipart bodies write nested values in bracket notation (`a[b][0]=x`, Stripe's), not
   * by the spec's `encoding` and OpenAPI's defaults (repeated keys, a JSON part per object).
   */
  readonly bracketBodies: boolean;
  /**
   * How the vendor's clients authenticate where it is not what the spec declares (Stripe: one secret
   * key, `apiKey`, whatever scheme; GitHub: a token its spec does not declare); null: as declared.
   */
  readonly auth: VendorAuth | null;
  /** The vendor SDK's dotted name for an operation (`invoices.finalizeInvoice`), when it has one. */
  sdkNameOf(method: string, path: string): string | undefined;
  /** Which of the runtime's generic envelopes an object is, if any (`ListObject`, `SearchResult`). */
  envelopeOf(schema: ObjectSchema): Envelope | undefined;
  /** The page where the vendor describes this API version's changes, when it publishes one (`diff` reports end with it). */
  changelogOf(apiVersion: string): { readonly name: string; readonly url: string } | undefined;
  /** The webhook event types the document names, each with the object it carries (problems go to `warnings`). */
  eventTypes(document: Readonly<Record<string, unknown>>, file: string, warnings: Problem[]): EventType[];
}

export interface VendorAuth {
  /** The schemes its clients take, in place of the spec's. */
  readonly schemes: readonly SecurityScheme[];
  /** An operation's requirement, from the one the spec declares for it (undefined: none). */
  requirement(declared: Security | undefined): Security;
}
