// What one difference between two API versions looks like, and the report that holds them all.
// These shapes are the `--format json` output (documented in the README), so they stay plain data.
import type { ParameterLocation } from '../model/ir.js';
import type { RuleId, Severity } from './rules.js';

/** An operation as the user knows it: by HTTP method and path, and by its client method. */
export interface OperationRef {
  /** Upper case, e.g. `GET`. */
  readonly method: string;
  readonly path: string;
  /** Client method, e.g. `financialConnections.accounts.list`. */
  readonly name: string;
}

export interface ChangeLocation {
  /** Set when the change belongs to one operation (its parameters, body, or an inline response). */
  readonly operation?: OperationRef;
  /** A request parameter; body properties count as parameters `in: 'body'`, as Stripe documents them. */
  readonly parameter?: { readonly in: ParameterLocation | 'body'; readonly name: string };
  /**
   * Where in a schema: properties joined by `.`, `[]` for array items, `{}` for map values.
   * Response paths start at the resource they belong to (`financial_connections.account.balance`)
   * or at `response` for an operation's inline response; request paths start at the parameter.
   */
  readonly schemaPath?: string;
  /** A webhook event type, for a change to the event types themselves. */
  readonly event?: string;
  /** An OpenAPI 3.1 webhook, `name METHOD`: the request the API sends to the client. */
  readonly webhook?: string;
}

/** One change, however many places it shows in (an enum shared by eight objects is one change). */
export interface Change {
  readonly rule: RuleId;
  readonly severity: Severity;
  /** One line, with names in backticks. */
  readonly message: string;
  /** Every place the change shows in, sorted; at least one. */
  readonly places: readonly ChangeLocation[];
  /** Over all its places. */
  readonly impact: Impact;
  /** The `--ignore-file` entry that accepted it has expired: it counts again. */
  readonly ignoreExpired?: { readonly reason: string; readonly expires: string };
}

/** The operations whose answers the change reaches, as a caller meets it (see impact.ts). */
export interface Impact {
  /** The operation whose own request or answer changed, or that answer with the changed object (itself, or a list of it). */
  readonly direct: readonly OperationRef[];
  /** Operations that answer with it inside other objects, in every answer. */
  readonly withoutExpand: readonly OperationRef[];
  /** Operations that answer with it only when asked with `expand[]`, and the path to ask for. */
  readonly onlyViaExpand: readonly { readonly operation: OperationRef; readonly expand: string }[];
  /** Webhook event types whose `data.object` is the changed object or holds it inline, sorted. */
  readonly events: readonly string[];
}

export interface SpecSummary {
  /** As given on the command line: a file or `<rev>:<path>`. */
  readonly spec: string;
  readonly title: string;
  readonly apiVersion: string;
  readonly operations: number;
  readonly schemas: number;
  /** Where the vendor describes this version's changes (Stripe's upgrade notes), when known. */
  readonly changelog?: { readonly name: string; readonly url: string };
}

export interface DiffReport {
  readonly old: SpecSummary;
  readonly new: SpecSummary;
  readonly include: readonly string[];
  /** Sorted: breaking first, then warnings, then info; within each, by first place. */
  readonly changes: readonly Change[];
}

export function operationLabel(op: OperationRef): string {
  return `${op.method} ${op.path}`;
}

/** The location as one short string: what the text and markdown reports print (`quote` marks the names). */
export function locationLabel(location: ChangeLocation, quote = (name: string) => name): string {
  const parts: string[] = [];
  const { operation, parameter, schemaPath, event, webhook } = location;
  if (event) parts.push(`event ${quote(event)}`);
  if (webhook) parts.push(`webhook ${quote(webhook)}`);
  if (operation) parts.push(quote(operationLabel(operation)));
  if (parameter && !schemaPath) parts.push(`${parameter.in} ${quote(parameter.name)}`);
  if (schemaPath) parts.push(parameter ? `${parameter.in} ${quote(schemaPath)}` : quote(schemaPath));
  return parts.join(' › ');
}

export function countBySeverity(changes: readonly Change[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { breaking: 0, warning: 0, info: 0 };
  for (const change of changes) counts[change.severity]++;
  return counts;
}
