// The resource-grouped client (`client.ts`), rendered from a Handlebars template with a
// precomputed view model: the template holds the scaffolding, this file the data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { ApiModel, Operation, SecurityScheme } from '../model/ir.js';
import { TEMPLATES_DIR } from '../paths.js';
import type { ResourceFile } from './resource-files.js';
import { docComment } from './tsdoc.js';
import { literal } from './type-expression.js';

interface ClientNode {
  methods: { key: string; functionName: string; doc: string }[];
  children: { key: string; node: ClientNode }[];
}

let template: Handlebars.TemplateDelegate | undefined;

export function emitClientFile(model: ApiModel, files: readonly ResourceFile[], header: string, userAgent: string): string {
  template ??= Handlebars.compile(readFileSync(join(TEMPLATES_DIR, 'client.ts.hbs'), 'utf8'), {
    noEscape: true,
    strict: true,
  });
  const first = model.operations[0];
  return template({
    header,
    apiVersion: literal(model.apiVersion),
    versionHeader: model.versionHeader === null ? 'false' : literal(model.versionHeader),
    baseUrl: literal(baseUrlOf(model)),
    auth: authLiteral(model.security),
    userAgent: literal(userAgent),
    imports: files.map((f) => ({
      names: f.operations.map((op) => op.functionName).join(', '),
      from: `./${f.path.replace(/\.ts$/, '.js')}`,
    })),
    example: first ? `\`client.${[...first.resource, first.methodName].join('.')}(…)\`` : '',
    root: treeOf(model.operations),
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

/** The first server's URL without a trailing slash (paths start with one). */
function baseUrlOf(model: ApiModel): string {
  return (model.servers[0]?.url ?? 'http://localhost').replace(/\/+$/, '');
}

/** Bearer first (Stripe's choice), then basic, then an API key. */
function authLiteral(schemes: readonly SecurityScheme[]): string {
  const http = (scheme: string) => schemes.some((s) => s.type === 'http' && s.scheme === scheme);
  if (http('bearer')) return "{ type: 'bearer' }";
  if (http('basic')) return "{ type: 'basic' }";
  const apiKey = schemes.find((s) => s.type === 'apiKey');
  if (apiKey?.type === 'apiKey' && apiKey.in !== 'cookie') {
    return `{ type: 'apiKey', in: ${literal(apiKey.in)}, name: ${literal(apiKey.paramName)} }`;
  }
  return "{ type: 'bearer' }";
}
