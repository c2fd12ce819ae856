// What belongs to the whole document rather than to one operation, read from the raw documents:
// the servers a client is pointed at, and OpenAPI 3.1 `webhooks` (requests the API sends to the
// client: their payloads are compared as answers, since the client reads them).
import { refOf } from './compare-operations.js';
import type { Place, SchemaComparer } from './compare-schemas.js';
import { deref, isRaw, pointerTo, type Raw } from './raw.js';
import type { Operation } from '../model/ir.js';
import { HTTP_METHODS } from '../model/operation.js';

export function compareDocuments(comparer: SchemaComparer, a: Raw, b: Raw, operations: readonly Operation[]): void {
  compareServers(comparer, a, b, operations);
  compareWebhooks(comparer, a, b);
}

/** The document's servers, by URL: a base URL gone is every operation's change. */
function compareServers(comparer: SchemaComparer, a: Raw, b: Raw, operations: readonly Operation[]): void {
  const urls = (doc: Raw) => (Array.isArray(doc.servers) ? doc.servers.flatMap((s) => (isRaw(s) && typeof s.url === 'string' ? [s.url] : [])) : []);
  const before = urls(a);
  const after = urls(b);
  const places = operations.map((op): Place => ({ owner: `operation ${op.method.toUpperCase()} ${op.path}`, path: 'servers', depth: 0, operation: refOf(op), stack: new Set() }));
  for (const url of after.filter((u) => !before.includes(u))) {
    for (const place of places) comparer.report('server-added', place, `new server \`${url}\``);
  }
  for (const url of before.filter((u) => !after.includes(u))) {
    for (const place of places) comparer.report('server-removed', place, `server \`${url}\` was removed`);
  }
}

/** 3.1 `webhooks`: by name and method; a payload is compared as an answer the client reads. */
function compareWebhooks(comparer: SchemaComparer, a: Raw, b: Raw): void {
  const hooks = (doc: Raw) => {
    const all = isRaw(doc.webhooks) ? doc.webhooks : {};
    return new Map(
      Object.keys(all).flatMap((name) => {
        const item = deref(all[name], doc) ?? {};
        return HTTP_METHODS.filter((m) => isRaw(item[m])).map((m) => [`${name} ${m.toUpperCase()}`, { name, method: m, operation: deref(item[m], doc)! }] as const);
      }),
    );
  };
  const before = hooks(a);
  const after = hooks(b);
  const placeOf = (key: string, path = ''): Place => ({ owner: `webhook ${key}`, path, depth: 0, stack: new Set(), webhook: key });
  for (const [key, hook] of after) {
    const old = before.get(key);
    if (!old) {
      comparer.report('webhook-added', placeOf(key), `new webhook \`${hook.name}\``);
      continue;
    }
    const payload = (operation: Raw, doc: Raw) => {
      const body = deref(operation.requestBody, doc);
      const content = isRaw(body?.content) ? body.content : {};
      const type = Object.keys(content).find((t) => /json/.test(t)) ?? Object.keys(content)[0];
      return type ? (content[type] as Raw | undefined)?.schema : undefined;
    };
    const x = payload(old.operation, a);
    const y = payload(hook.operation, b);
    const pointer = `${pointerTo('webhooks', hook.name, hook.method, 'requestBody')}/schema`;
    if (x !== undefined && y !== undefined) {
      comparer.compare('response', comparer.raw!.before.model(x, pointer), comparer.raw!.after.model(y, pointer), { ...placeOf(key, 'payload'), raw: { a: x, b: y } });
    }
  }
  for (const [key, hook] of before) {
    if (!after.has(key)) comparer.report('webhook-removed', placeOf(key), `webhook \`${hook.name}\` was removed`);
  }
}
