// What the model keeps one of, read from the raw operations: every media type of the request body
// and of each success answer (the model picks one of each; another encoding added beside the old
// one is news, not a retyped body), the success answers' headers, and GET/HEAD bodies (the model
// drops them: fetch cannot send one, but other clients can and the server may read it).
import type { Operation } from '../model/ir.js';
import type { Place, SchemaComparer, Side } from './compare-schemas.js';
import { deref, isRaw, pointerTo, type Raw } from './raw.js';

/** `modelled`: the media type the model comparison already compared the request bodies in, if any. */
export function compareMedia(comparer: SchemaComparer, opA: Operation, opB: Operation, a: Raw, b: Raw, place: Place, modelled: string | undefined): void {
  const { before, after } = comparer.raw!;
  const bodyA = deref(a.requestBody, before.document);
  const bodyB = deref(b.requestBody, after.document);
  const typesA = mediaTypes(bodyA);
  const typesB = mediaTypes(bodyB);
  const body = { ...place, path: 'body' };
  // Every other media type both accept is compared here; a GET or HEAD body (which the model
  // drops) under `body`, the others under their names.
  const pointer = (type: string) => `${pointerTo('paths', opB.path, opB.method, 'requestBody', 'content', type)}/schema`;
  const shared = typesA.filter((t) => typesB.includes(t) && t !== modelled);
  shared.forEach((type, i) => {
    const path = modelled === undefined && i === 0 ? 'body' : `body (${type})`;
    compareContent(comparer, 'request', bodyA!, bodyB!, type, pointer(type), { ...place, path });
  });
  const noBody = (method: string) => method === 'get' || method === 'head';
  if (noBody(opB.method) && bodyB?.required === true && bodyA?.required !== true) comparer.report('request-body-became-required', body, 'the request body is now required');
  // No media type in common is `request-body-media-type-changed`, which says it all.
  if (typesA.length === 0 || typesB.length === 0 || typesA.some((t) => typesB.includes(t))) {
    for (const type of typesB.filter((t) => !typesA.includes(t))) {
      if (typesA.length > 0) comparer.report('request-media-type-added', body, `the body may also be sent as \`${type}\``);
    }
    for (const type of typesA.filter((t) => !typesB.includes(t))) {
      comparer.report('request-media-type-removed', body, typesB.length > 0 ? `the body can no longer be sent as \`${type}\`` : 'the operation no longer takes a body');
    }
  }
  compareAnswers(comparer, opB, a, b, place);
}

/** The schemas of one media type of a body or an answer (`x`, `y`: the raw request bodies or responses), modelled as the generator would. */
function compareContent(comparer: SchemaComparer, side: Side, x: Raw, y: Raw, type: string, pointer: string, place: Place): void {
  const schemaOf = (holder: Raw) => (isRaw(holder.content) && isRaw(holder.content[type]) ? holder.content[type].schema : undefined);
  const a = schemaOf(x);
  const b = schemaOf(y);
  if (a === undefined || b === undefined) return;
  comparer.compare(side, comparer.raw!.before.model(a, pointer), comparer.raw!.after.model(b, pointer), { ...place, raw: { a, b } });
}

function mediaTypes(body: Raw | undefined): string[] {
  return isRaw(body?.content) ? Object.keys(body.content).sort() : [];
}

/** Each success status both versions answer with: its media types, the schemas of the ones the model does not read, and its headers. */
function compareAnswers(comparer: SchemaComparer, opB: Operation, a: Raw, b: Raw, place: Place): void {
  const { before, after } = comparer.raw!;
  const responsesA = isRaw(a.responses) ? a.responses : {};
  const responsesB = isRaw(b.responses) ? b.responses : {};
  for (const status of Object.keys(responsesB).filter((s) => /^2/.test(s) && s in responsesA)) {
    const x = deref(responsesA[status], before.document) ?? {};
    const y = deref(responsesB[status], after.document) ?? {};
    const at = { ...place, path: status === opB.success.status ? 'response' : `response ${status}` };
    const typesA = mediaTypes(x);
    const typesB = mediaTypes(y);
    for (const type of typesB.filter((t) => !typesA.includes(t))) {
      if (typesA.length > 0) comparer.report('response-media-type-added', at, `the answer may also come as \`${type}\``);
    }
    for (const type of typesA.filter((t) => !typesB.includes(t))) {
      if (typesB.length > 0) comparer.report('response-media-type-removed', at, `the answer no longer comes as \`${type}\``);
    }
    // The model compares the one media type it reads; the others are compared here, each under its name.
    const read = status === opB.success.status ? opB.success.mediaType : undefined;
    for (const type of typesA.filter((t) => typesB.includes(t) && t !== read)) {
      const pointer = `${pointerTo('paths', opB.path, opB.method, 'responses', status, 'content', type)}/schema`;
      compareContent(comparer, 'response', x, y, type, pointer, { ...at, path: `${at.path} (${type})` });
    }
    compareHeaders(comparer, x, y, at, status);
  }
}

/** Response headers, by name (case aside): added, removed, required or not, and their schemas. */
function compareHeaders(comparer: SchemaComparer, x: Raw, y: Raw, at: Place, status: string): void {
  const { before, after } = comparer.raw!;
  const headers = (response: Raw, document: Raw) =>
    new Map(Object.entries(isRaw(response.headers) ? response.headers : {}).map(([name, h]) => [name.toLowerCase(), { name, header: deref(h, document) ?? {} }]));
  const old = headers(x, before.document);
  const now = headers(y, after.document);
  for (const [key, { name, header }] of now) {
    const place = { ...at, path: `headers.${name}` };
    const was = old.get(key);
    if (!was) {
      comparer.report('response-header-added', place, `new ${header.required === true ? 'required' : 'optional'} header \`${name}\``);
      continue;
    }
    if ((was.header.required === true) !== (header.required === true)) {
      if (header.required === true) comparer.report('response-header-became-required', place, `header \`${name}\` is now always sent`);
      else comparer.report('response-header-became-optional', place, `header \`${name}\` may now be absent`);
    }
    const pointer = (side: string) => `#/${side}/${status}/headers/${name}/schema`;
    comparer.compare('response', before.model(was.header.schema, pointer('old')), after.model(header.schema, pointer('new')), {
      ...place,
      raw: { a: was.header.schema, b: header.schema },
    });
  }
  for (const [key, { name }] of old) {
    if (!now.has(key)) comparer.report('response-header-removed', { ...at, path: `headers.${name}` }, `header \`${name}\` was removed`);
  }
}
