// Routes an operation's params to where the spec says they go (query, headers, body) and encodes them.
// Everything not declared as query or header is body data, or, for calls without a body, Stripe-style
// bracket query parameters (what stripe-node does for GET and DELETE).

import type { OperationSpec } from './operation.js';
import { appendBracketPairs, encodeComponent, scalarText } from './form-encode.js';
import { appendQueryParam } from './query-encode.js';
import { toFormData } from './multipart.js';
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

const CONTENT_TYPE = { form: 'application/x-www-form-urlencoded', json: 'application/json' } as const;

export function encodeRequest(
  spec: OperationSpec,
  pathParams: Readonly<Record<string, string | number>>,
  params: object | undefined,
): EncodedRequest {
  const query: string[] = [];
  const form: string[] = [];
  const data: Record<string, unknown> = {};
  const headerParams: Array<[string, string]> = [];
  const values = (params ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(values)) {
    const value = values[name];
    const style = spec.query && Object.hasOwn(spec.query, name) ? spec.query[name] : undefined;
    if (style !== undefined) appendQueryParam(query, name, value, style);
    else if (spec.headers?.includes(name)) {
      const text = value == null ? undefined : scalarText(value);
      if (text !== undefined) headerParams.push([name, text]);
    } else if (spec.body === 'form') appendBracketPairs(form, encodeComponent(name), value);
    else if (spec.body) data[name] = value;
    else appendBracketPairs(query, encodeComponent(name), value);
  }
  const kind = spec.body;
  return {
    path: buildPath(spec.path, pathParams),
    query,
    body: kind === 'form' ? form.join('&') : kind === 'json' ? JSON.stringify(data) : kind === 'multipart' ? toFormData(data) : undefined,
    contentType: kind === 'form' || kind === 'json' ? CONTENT_TYPE[kind] : undefined,
    headerParams,
  };
}
