// The resource-grouped client (`client.ts`), rendered from a Handlebars template with a
// precomputed view model: the template holds the scaffolding, this file the data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { ApiModel } from '../model/ir.js';
import { importDeclaration, interfaceDeclaration, methodSignature } from './declarations.js';
import type { EmitPlan } from './emit-plan.js';
import { breakAfterOperator, hardline, indent, join as joinDocs, printDoc, propertyDoc, stringLiteral, valueDoc, type Doc, type ValueNode } from './layout.js';
import { TEMPLATES_DIR } from '../paths.js';
import { topLevelSpecifier, vendorModulePath } from './runtime-files.js';
import { clientAuthOf } from './security.js';
import { docComment } from './tsdoc.js';
import { generic, memberDoc, named, type TypeNode } from './type-expression.js';

interface ClientNode {
  /** The interface of the methods of the resource file at this node, if there is one. */
  methods?: string;
  functions: { key: string; functionName: string }[];
  children: { key: string; node: ClientNode }[];
}

/** Text of the template's slots, printed as prettier would print them there. */
const string = stringLiteral;
const exportedConstant = (name: string, value: string) => printDoc(['export const ', breakAfterOperator(name, ' =', string(value)), ';']);
/** A property of SPEC_DEFAULTS, one level in. */
const inSpecDefaults = (doc: Doc) => printDoc(indent([hardline, doc])).slice('\n  '.length);
/** A statement inside `createClient`'s body, one level in. */
const inFunctionBody = (doc: Doc) => printDoc(indent([hardline, doc])).slice('\n  '.length);

let template: Handlebars.TemplateDelegate | undefined;

export function emitClientFile(plan: EmitPlan, header: string, userAgent: string): string {
  template ??= Handlebars.compile(readFileSync(join(TEMPLATES_DIR, 'client.ts.hbs'), 'utf8'), {
    noEscape: true,
    strict: true,
  });
  const { model } = plan;
  const first = model.operations[0];
  const vendor = model.runtimeModule;
  const tree = treeOf(plan);
  const auth = clientAuthOf(model);
  return template({
    header,
    apiVersionDeclaration: exportedConstant('API_VERSION', model.apiVersion),
    baseUrlDeclaration: exportedConstant('DEFAULT_BASE_URL', baseUrlOf(model)),
    versionHeader: model.versionHeader === null ? 'false' : string(model.versionHeader),
    // The profile's runtime module: its conventions go into SPEC_DEFAULTS.
    vendorImport: vendor ? printDoc(importDeclaration([vendor.conventions, ...(vendor.rawRequest ? [vendor.rawRequest] : [])], topLevelSpecifier(vendorModulePath(vendor)), false)) : null,
    vendor: vendor?.conventions ?? null,
    // A vendor with its own way of sending a raw call's params (Stripe's form-encoded POSTs) binds its rawRequest.
    vendorRawRequest: vendor?.rawRequest ?? null,
    // The schemes the operations use: their runtime senders, SPEC_DEFAULTS' auth, security and
    // required options, and one option each in ClientCredentials (required where every call needs it).
    authImports: auth.imports,
    authProperties: auth.defaults.map((p) => inSpecDefaults(propertyDoc(p.key, p.value))),
    credentialTypes: auth.types,
    credentialsInterface: auth.credentials.length
      ? printDoc(
          interfaceDeclaration({
            name: 'ClientCredentials',
            doc: docComment("The credentials of the spec's security schemes, one client option each (a call sends those its operation needs)."),
            members: auth.credentials,
          }),
        )
      : null,
    // Without a required credential the options may be left out: `createClient()`.
    optionsType: (auth.credentials.length ? 'ClientOptions & ClientCredentials' : 'ClientOptions') + (auth.credentials.some((c) => !c.optional) ? '' : ' = {}'),
    // The client's name, then the generator's (the profile may leave the client's out), printed as
    // the property it is, one level into SPEC_DEFAULTS, so that a long title breaks as prettier would.
    userAgentProperty: inSpecDefaults(propertyDoc('userAgent', { kind: 'string', value: [model.userAgentName, userAgent].filter(Boolean).join(' ') })),
    imports: plan.resources.map((f) => {
      const names = [...f.operations.map((op) => op.functionName), `type ${plan.methodsTypeNames.get(f.path)!}`];
      return printDoc(importDeclaration(names, topLevelSpecifier(f.path), false));
    }),
    // With its leading space, so that a client without methods leaves no trailing blank in the comment.
    example: first ? ` \`client.${[...first.resource, first.methodName].join('.')}(…)\`` : '',
    returnClient: inFunctionBody(['return ', valueDoc(objectOf(tree, [{ key: 'rawRequest', functionName: vendor?.rawRequest ?? 'rawRequest' }])), ';']),
    clientInterface: printDoc(clientInterfaceDoc(tree)),
  });
}

function treeOf(plan: EmitPlan): ClientNode {
  const root: ClientNode = { functions: [], children: [] };
  for (const file of plan.resources) {
    let node = root;
    for (const key of file.resource) {
      let child = node.children.find((c) => c.key === key);
      if (!child) node.children.push((child = { key, node: { functions: [], children: [] } }));
      node = child.node;
    }
    node.methods = plan.methodsTypeNames.get(file.path)!;
    node.functions.push(...file.operations.map((op) => ({ key: op.methodName, functionName: op.functionName })));
  }
  return root;
}

/** The client object: each method bound to the transport, each resource an object of its own. */
function objectOf(node: ClientNode, after: ClientNode['functions'] = []): ValueNode {
  const bound = (key: string, functionName: string) => ({ key, value: { kind: 'call', callee: 'bind', args: [functionName] } as const });
  return {
    kind: 'object',
    expanded: true,
    properties: [
      ...node.functions.map((f) => bound(f.key, f.functionName)),
      ...node.children.map((c) => ({ key: c.key, value: objectOf(c.node) })),
      ...after.map((f) => bound(f.key, f.functionName)),
    ],
  };
}

/** A resource's type in `Client`: its file's methods interface, with the resources under it beside them. */
function resourceType(node: ClientNode): TypeNode {
  const children: TypeNode = { kind: 'object', members: node.children.map((c) => ({ key: c.key, optional: false, type: resourceType(c.node), doc: '' })) };
  if (node.methods === undefined) return children;
  return node.children.length === 0 ? named(node.methods) : { kind: 'intersection', types: [named(node.methods), children] };
}

/** `Client`'s body: the resources, then `rawRequest` (runtime/raw-request.ts's signature after `transport`). */
function clientInterfaceDoc(root: ClientNode): Doc {
  const rawRequest = methodSignature({
    name: 'rawRequest',
    doc: docComment(
      "A call this client's spec lacks (a newer endpoint, or a URL on the API's own origin such as a next page), with the same auth, encoding, headers, retries and errors: `rawRequest('POST', '/v1/things', { name: 'x' })`.",
    ),
    typeParameters: [{ name: 'T', default: named('unknown') }],
    parameters: [
      { name: 'method', type: named('HttpMethod') },
      { name: 'path', type: named('string') },
      { name: 'params', optional: true, type: named('object') },
      { name: 'options', optional: true, type: named('RequestOptions') },
    ],
    returnType: generic('ApiPromise', named('T')),
  });
  const resources = root.children.map((c) => memberDoc({ key: c.key, optional: false, type: resourceType(c.node), doc: '' }));
  return ['{', indent([hardline, joinDocs(hardline, [...resources, rawRequest])]), hardline, '}'];
}

/** The first server's URL without a trailing slash (paths start with one). */
function baseUrlOf(model: ApiModel): string {
  return (model.servers[0]?.url ?? 'http://localhost').replace(/\/+$/, '');
}
