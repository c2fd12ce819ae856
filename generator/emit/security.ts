// What a client's auth is made of, from the IR: the schemes its operations use (each a client option,
// sent as runtime/auth.ts's bearerAuth, basicAuth or apiKeyAuth), the document's requirement in
// SPEC_DEFAULTS, an operation's own where it differs, and the options every operation needs.
import type { ApiModel, Operation, Security, SecurityScheme } from '../model/ir.js';
import { isSendable } from '../model/security.js';
import { docComment } from './tsdoc.js';
import { generic, named, unionOf, type Member } from './type-expression.js';
import { stringLiteral, type ValueNode } from './layout.js';

const string = (value: string): ValueNode => ({ kind: 'string', value });

/** A requirement by option name: a scheme the client cannot send keeps its name, and no call meets it. */
function byOption(security: Security, model: ApiModel): string[][] {
  const option = (name: string) => model.securitySchemes.find((s) => s.name === name)?.option ?? name;
  return security.map((alternative) => alternative.map(option));
}

const literal = (security: string[][]): ValueNode => ({ kind: 'array', items: security.map((a) => ({ kind: 'array', items: a.map(string) })) });

/** The OperationSpec's `security`, when the operation's is not the document's. */
export function ownSecurityLiteral(op: Operation, model: ApiModel): ValueNode | undefined {
  return JSON.stringify(op.security) === JSON.stringify(model.security) ? undefined : literal(byOption(op.security, model));
}

/** The schemes some operation names (or the document does), that the runtime can send, by name. */
function usedSchemes(model: ApiModel): SecurityScheme[] {
  const used = new Set([...model.security, ...model.operations.flatMap((op) => op.security)].flat());
  return model.securitySchemes.filter((s) => used.has(s.name) && isSendable(s));
}

/** The runtime's scheme for `s`: OAuth2 and OpenID Connect send their access token as a bearer one. */
function schemeValue(s: SecurityScheme): ValueNode {
  if (s.type === 'apiKey') return { kind: 'call', callee: 'apiKeyAuth', args: [stringLiteral(s.in), stringLiteral(s.paramName)] };
  return { kind: 'identifier', name: s.type === 'http' && s.scheme === 'basic' ? 'basicAuth' : 'bearerAuth' };
}

/** Options in every alternative of every operation: the client is not made without them. */
function requiredOptions(model: ApiModel, schemes: readonly SecurityScheme[]): string[] {
  if (model.operations.length === 0) return [];
  return schemes
    .filter((s) => model.operations.every((op) => op.security.length > 0 && op.security.every((a) => a.includes(s.name))))
    .map((s) => s.option);
}

/** What the client file needs for auth: runtime imports, SPEC_DEFAULTS properties and the ClientCredentials members. */
export interface ClientAuth {
  readonly imports: readonly string[];
  readonly defaults: readonly { readonly key: string; readonly value: ValueNode }[];
  readonly credentials: readonly Member[];
  /** The runtime types ClientCredentials names. */
  readonly types: readonly string[];
}

export function clientAuthOf(model: ApiModel): ClientAuth {
  const schemes = usedSchemes(model);
  const values = schemes.map(schemeValue);
  const imports = [...new Set(values.map((v) => (v.kind === 'call' ? v.callee : v.kind === 'identifier' ? v.name : '')))].sort();
  const required = requiredOptions(model, schemes);
  const defaults = [
    ...(schemes.length ? [{ key: 'auth', value: { kind: 'object', properties: schemes.map((s, i) => ({ key: s.option, value: values[i]! })) } as ValueNode }] : []),
    ...(model.security.length ? [{ key: 'security', value: literal(byOption(model.security, model)) }] : []),
    ...(required.length ? [{ key: 'required', value: { kind: 'array', items: required.map(string) } as ValueNode }] : []),
  ];
  const credentials = schemes.map(
    (s): Member => {
      const optional = !required.includes(s.option);
      const type = s.type === 'http' && s.scheme === 'basic' ? generic('Credential', named('BasicCredentials')) : named('Credential');
      return {
        key: `readonly ${s.option}`,
        optional,
        type: optional ? unionOf([type, named('undefined')]) : type,
          doc: docComment(`${describe(s)}; or a function giving it, asked before each call.`),
      };
    },
  );
  const basic = schemes.some((s) => s.type === 'http' && s.scheme === 'basic');
  return { imports, defaults, credentials, types: schemes.length ? [...(basic ? ['BasicCredentials'] : []), 'Credential'] : [] };
}

/** What the option holds and how it is sent, for its doc comment. */
function describe(s: SecurityScheme): string {
  const scheme = `The \`${s.name}\` scheme`;
  if (s.type === 'apiKey') return `${scheme}: the API key, sent in the ${s.in === 'query' ? 'query parameter' : s.in} \`${s.paramName}\``;
  if (s.type === 'http' && s.scheme === 'basic') return `${scheme} (HTTP Basic): \`{ username, password }\``;
  if (s.type === 'oauth2' || s.type === 'openIdConnect') return `${scheme} (${s.type === 'oauth2' ? 'OAuth 2.0' : 'OpenID Connect'}): an access token, sent as \`Authorization: Bearer\``;
  return `${scheme}: the token, sent as \`Authorization: Bearer\``;
}
