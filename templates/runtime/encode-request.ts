// Routes an operation's params to where the spec says they go (query, headers, body) and encodes them.
// The body is either the one param the spec's body is (`body`), or everything not declared as query
// or header; for calls without a body, undeclared params are Stripe-style bracket query parameters
// (what stripe-node does for GET and DELETE).

import type { EncodedBody, OperationSpec } from './operation.js';
import { appendBracketPairs, encodeComponent, scalarText } from './form-encode.js';
import { buildPath } from './path.js';

export interface EncodedRequest {
  /** The path with parameters filled in, e.g. `/v1/financial_connections/accounts/fca_1`. */
  readonly path: string;
  /** Encoded `name=value` pairs, in the order the params were given. */
  readonly query: string[];
  readonly body: EncodedBody | undefined;
  /** Content-Type to send; undefined for no body and for multipart (fetch adds the boundary itself). */
  readonly contentType: string | undefined;
  readonly headerParams: Array<[string, string]>;
}

export function encodeRequest(
  spec: OperationSpec,
  pathParams: Readonly<Record<string, string | number>>,
  params: object | undefined,
): EncodedRequest {
  const { query: queryEncoders = {}, bodyParam } = spec;
  const query: string[] = [];
  // No prototype, so a param named `__proto__` is data like any other.
  const data: Record<string, unknown> = Object.create(null);
  const headerParams: Array<[string, string]> = [];
  let given: unknown;
  let chosen: unknown;
  for (const [name, value] of Object.entries(params ?? {})) {
    if (Object.hasOwn(queryEncoders, name))
      queryEncoders[name]!(query, encodeComponent(name), value);
    else if (spec.headers?.includes(name)) {
      const text = value === null ? undefined : scalarText(value);
      if (text !== undefined) headerParams.push([name, text]);
    } else if (bodyParam !== undefined && name === bodyParam) given = value;
    else if (spec.bodies && name === 'contentType') chosen = value;
    else if (spec.body && bodyParam === undefined) data[name] = value;
    else appendBracketPairs(query, encodeComponent(name), value);
  }
  const written = spec.body?.write(spec, bodyParam === undefined ? data : given, chosen);
  return {
    path: buildPath(spec.path, pathParams),
    query,
    body: written?.body,
    contentType: written?.contentType,
    headerParams,
  };
}
