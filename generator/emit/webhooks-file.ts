// `webhooks.ts`, for a spec that names webhook event types: the event union discriminated by
// `type` (one member per event type, plus the open member for types newer than the spec) and
// `constructEvent`, which verifies the signature and returns that union.
import type { ApiModel } from '../model/ir.js';
import { schemaTypeContext } from './schemas-file.js';
import { printStatements } from './ts-project.js';
import { literal, typeExpression, type TypeContext } from './type-expression.js';

export const WEBHOOKS_FILE = 'webhooks.ts';

export function emitWebhooksFile(model: ApiModel): string {
  const referenced = new Set<string>();
  const base = schemaTypeContext(model);
  const ctx: TypeContext = { typeName: base.typeName, onReference: (name) => referenced.add(name) };
  const members = model.events.map(
    (e) => `${e.previousAttributes ? 'TypedUpdatedWebhookEvent' : 'TypedWebhookEvent'}<${literal(e.type)}, ${typeExpression(e.object, ctx)}>`,
  );
  const runtimeTypes = [
    'SignatureHeader',
    ...(model.events.some((e) => e.previousAttributes) ? ['TypedUpdatedWebhookEvent'] : []),
    ...(model.events.some((e) => !e.previousAttributes) ? ['TypedWebhookEvent'] : []),
    'UnknownWebhookEvent',
    'VerifyWebhookOptions',
    'WebhookPayload',
  ].sort();
  const schemaImports = [...referenced].map(base.typeName).sort();
  return printStatements(WEBHOOKS_FILE, [
    [
      `import { verifyWebhookSignature, ${runtimeTypes.map((t) => `type ${t}`).join(', ')} } from './runtime/index.js';`,
      ...(schemaImports.length > 0 ? [`import type { ${schemaImports.join(', ')} } from './schemas.js';`] : []),
    ].join('\n'),
    `/**
 * An event as a webhook delivers it. Comparing \`type\` with an event type this client knows
 * narrows \`data.object\` to that type's object; an event type newer than the spec arrives as an
 * \`UnknownWebhookEvent\` (its \`data.object\` is \`unknown\`), so a \`switch\` over the known types
 * keeps it for its \`default\`.
 */
export type WebhookEvent =\n${[...members, 'UnknownWebhookEvent'].map((m) => `  | ${m}`).join('\n')};`,
    '/** The event types this client knows. */\nexport type WebhookEventType = Exclude<WebhookEvent, UnknownWebhookEvent>[\'type\'];',
    "/** The event of one type, e.g. for a handler's parameter: `WebhookEventOfType<'…'>`. */\nexport type WebhookEventOfType<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>;",
    `/**
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
}`,
  ]);
}
