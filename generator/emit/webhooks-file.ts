// `webhooks.ts`, for a spec that names webhook event types: the event union discriminated by
// `type` (one member per event type, plus the open member for types newer than the spec) and
// `constructEvent`, which verifies the signature and returns that union.
import type { EmitPlan } from './emit-plan.js';
import { topLevelSpecifier, vendorModulePath } from './runtime-files.js';
import { importDeclaration, printFile, typeAliasDeclaration } from './declarations.js';
import { hardline, join, stringLiteral, withComment, type Doc } from './layout.js';
import { docBlock } from './tsdoc.js';
import { generic, named, typeContextOf, typeNode, unionOf } from './type-expression.js';

export const WEBHOOKS_FILE = 'webhooks.ts';

/** Text that depends on nothing in the spec, split into lines for the layout. */
const fixed = (text: string): Doc => join(hardline, text.split('\n'));

const EVENT_DOC = docBlock(`An event as a webhook delivers it. Comparing \`type\` with an event type this client knows
narrows \`data.object\` to that type's object; an event type newer than the spec arrives as an
\`UnknownWebhookEvent\` (its \`data.object\` is \`unknown\`), so a \`switch\` over the known types
keeps it for its \`default\`.`);

const CONSTRUCT_EVENT = `/**
 * Checks the \`Stripe-Signature\` header against the raw body (see \`verifyWebhookSignature\`) and
 * parses the event. Rejects with \`WebhookSignatureError\` for a request to refuse.
 */
export async function constructEvent(
  payload: WebhookPayload,
  header: SignatureHeader,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  return JSON.parse(await verifyWebhookSignature(payload, header, secret, options)) as WebhookEvent;
}`;

export function emitWebhooksFile(plan: EmitPlan): string {
  const { events } = plan.model;
  const referenced = new Set<string>();
  const ctx = typeContextOf(plan.typeNames, (name) => referenced.add(name));
  const members = events.map((e) =>
    generic(e.previousAttributes ? 'TypedUpdatedWebhookEvent' : 'TypedWebhookEvent', named(stringLiteral(e.type)), typeNode(e.object, ctx)),
  );
  const runtimeNames = [
    'type SignatureHeader',
    ...(events.some((e) => e.previousAttributes) ? ['type TypedUpdatedWebhookEvent'] : []),
    ...(events.some((e) => !e.previousAttributes) ? ['type TypedWebhookEvent'] : []),
    'type UnknownWebhookEvent',
    'type VerifyWebhookOptions',
    'type WebhookPayload',
  ];
  const schemaImports = [...referenced].map((name) => plan.typeNames.get(name) ?? 'unknown').sort();
  // Event types come from a vendor's profile, whose runtime module has the verifier and the envelope.
  const vendor = plan.model.runtimeModule;
  if (!vendor) throw new Error(`${plan.model.profile} names webhook event types but has no runtime module with a verifier`);
  return printFile([
    [
      importDeclaration(['verifyWebhookSignature', ...runtimeNames], topLevelSpecifier(vendorModulePath(vendor)), false),
      ...(schemaImports.length > 0 ? [hardline, importDeclaration(schemaImports, './schemas.js', true)] : []),
    ],
    typeAliasDeclaration('WebhookEvent', EVENT_DOC, unionOf([...members, named('UnknownWebhookEvent')])),
    typeAliasDeclaration('WebhookEventType', '/** The event types this client knows. */', named("Exclude<WebhookEvent, UnknownWebhookEvent>['type']")),
    withComment(
      "/** The event of one type, e.g. for a handler's parameter: `WebhookEventOfType<'…'>`. */",
      'export type WebhookEventOfType<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>;',
    ),
    fixed(CONSTRUCT_EVENT),
  ]);
}
