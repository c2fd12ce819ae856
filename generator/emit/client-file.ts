// The resource-grouped client (`client.ts`), rendered from a Handlebars template with a
// precomputed view model: the template holds the scaffolding, this file the data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { ApiModel, Operation, SecurityScheme } from '../model/ir.js';
import { importDeclaration } from './declarations.js';
import { breakAfterOperator, hardline, indent, prettierString, printDoc, valueDoc, type Doc, type ValueNode } from './layout.js';
import { TEMPLATES_DIR } from '../paths.js';
import type { ResourceFile } from './resource-files.js';
import { topLevelSpecifier, vendorModulePath } from './runtime-files.js';
import { docComment } from './tsdoc.js';
import { literal } from './type-expression.js';

interface ClientNode {
  methods: { key: string; functionName: string; doc: string }[];
  children: { key: string; node: ClientNode }[];
}

/** Text of the template's slots, printed as prettier would print them there. */
const string = (value: string) => prettierString(literal(value));
const exportedConstant = (name: string, value: string) => printDoc(['export const ', breakAfterOperator(name, ' =', string(value)), ';']);
/** A statement inside `createClient`'s body, one level in. */
const inFunctionBody = (doc: Doc) => printDoc(indent([hardline, doc])).slice('\n  '.length);

let template: Handlebars.TemplateDelegate | undefined;

export function emitClientFile(model: ApiModel, files: readonly ResourceFile[], header: string, userAgent: string): string {
  template ??= Handlebars.compile(readFileSync(join(TEMPLATES_DIR, 'client.ts.hbs'), 'utf8'), {
    noEscape: true,
    strict: true,
  });
  const first = model.operations[0];
  const vendor = model.runtimeModule;
  return template({
    header,
    apiVersionDeclaration: exportedConstant('API_VERSION', model.apiVersion),
    baseUrlDeclaration: exportedConstant('DEFAULT_BASE_URL', baseUrlOf(model)),
    versionHeader: model.versionHeader === null ? 'false' : string(model.versionHeader),
    // The profile's runtime module: its conventions go into SPEC_DEFAULTS.
    vendorImport: vendor ? printDoc(importDeclaration([vendor.conventions], topLevelSpecifier(vendorModulePath(vendor)), false)) : null,
    vendor: vendor?.conventions ?? null,
    ...authOf(model.security),
    userAgent: string(userAgent),
    imports: files.map((f) => printDoc(importDeclaration(f.operations.map((op) => op.functionName), topLevelSpecifier(f.path), false))),
    // With its leading space, so that a client without methods leaves no trailing blank in the comment.
    example: first ? ` \`client.${[...first.resource, first.methodName].join('.')}(…)\`` : '',
    returnClient: inFunctionBody(['return ', valueDoc(objectOf(treeOf(model.operations), [RAW_REQUEST])), ';']),
  });
}

function treeOf(operations: readonly Operation[]): ClientNode {
  const root: ClientNode = { methods: [], children: [] };
  for (const op of operations) {
    let node = root;
    for (const key of op.resource) {
      let child = node.children.find((c) => c.key === key);
      if (!child) node.children.push((child = { key, node: { methods: [], children: [] } }));
      node = child.node;
    }
    node.methods.push({
      key: op.methodName,
      functionName: op.functionName,
      doc: docComment(op.description ?? op.summary, `\`${op.method.toUpperCase()} ${op.path}\``),
    });
  }
  return root;
}

type ClientMethod = ClientNode['methods'][number];

/** On every client, after the spec's resources: the runtime's `rawRequest`, bound like the operations. */
const RAW_REQUEST: ClientMethod = {
  key: 'rawRequest',
  functionName: 'rawRequest',
  doc: docComment(
    "A call this client's spec lacks (a newer endpoint), with the same encoding, headers, Idempotency-Key, retries and errors: `rawRequest('POST', '/v1/things', { name: 'x' })`.",
  ),
};

/** The client object: each method bound to the transport, each resource an object of its own. */
function objectOf(node: ClientNode, after: readonly ClientMethod[] = []): ValueNode {
  const bound = (m: ClientMethod) => ({ key: m.key, doc: m.doc, value: { kind: 'call', callee: 'bind', args: [m.functionName] } as const });
  return {
    kind: 'object',
    expanded: true,
    properties: [...node.methods.map(bound), ...node.children.map((c) => ({ key: c.key, value: objectOf(c.node) })), ...after.map(bound)],
  };
}

/** The first server's URL without a trailing slash (paths start with one). */
function baseUrlOf(model: ApiModel): string {
  return (model.servers[0]?.url ?? 'http://localhost').replace(/\/+$/, '');
}

/**
 * The runtime's auth scheme for the spec (`auth` in SPEC_DEFAULTS) and the name to import for it:
 * bearer first (Stripe's choice), then basic, then an API key.
 */
function authOf(schemes: readonly SecurityScheme[]): { auth: string; authImport: string } {
  const http = (scheme: string) => schemes.some((s) => s.type === 'http' && s.scheme === scheme);
  const constant = (name: string) => ({ auth: name, authImport: name });
  if (http('bearer')) return constant('bearerAuth');
  if (http('basic')) return constant('basicAuth');
  const apiKey = schemes.find((s) => s.type === 'apiKey');
  if (apiKey?.type === 'apiKey' && apiKey.in !== 'cookie') {
    const call: ValueNode = { kind: 'call', callee: 'apiKeyAuth', args: [literal(apiKey.in), literal(apiKey.paramName)] };
    return { auth: printDoc(valueDoc(call)), authImport: 'apiKeyAuth' };
  }
  return constant('bearerAuth');
}
