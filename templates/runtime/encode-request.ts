// Routes an operation's params to where the spec says they go (query, headers, body) and encodes them.
// Everything not declared as query or header is body data, or, for calls without a body, Stripe-style
// bracket query parameters (what stripe-node does for GET and DELETE).

import type { OperationSpec } from './operation.js';
import { appendBracketPairs, encodeComponent, scalarText } from './form-encode.js';
import { buildPath } from './path.js';

export interface EncodedRequest {
  /** The path with parameters filled in, e.g. `/v1/financial_connections/accounts/fca_1`. */
  readonly path: string;
  /** Encoded `name=value` pairs, in the order the params were given. */
  readonly query: string[];
  readonly body: string | FormData | undefined;
  /** Content-Type to send; undefined for no body and for multipart (fetch adds the boundary itself). */
  readonly contentType: string | undefined;
  readonly headerParams: Array<[string, string]>;
}

export function encodeRequest(
  spec: OperationSpec,
  pathParams: Readonly<Record<string, string | number>>,
  params: object | undefined,
): EncodedRequest {
  const { query: queryEncoders = {}, body: encoding } = spec;
  const query: string[] = [];
  // No prototype, so a param named `__proto__` is data like any other.
  const data: Record<string, unknown> = Object.create(null);
  const headerParams: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(params ?? {})) {
    if (Object.hasOwn(queryEncoders, name))
      queryEncoders[name]!(query, encodeComponent(name), value);
    else if (spec.headers?.includes(name)) {
      const text = value === null ? undefined : scalarText(value);
      if (text !== undefined) headerParams.push([name, text]);
    } else if (encoding) data[name] = value;
    else appendBracketPairs(query, encodeComponent(name), value);
  }
  return {
    path: buildPath(spec.path, pathParams),
    query,
    body: encoding?.encode(data),
    contentType: encoding?.contentType,
    headerParams,
  };
}
