// Pairs the operations of two versions and compares each pair: the operation itself, its
// parameters, its request body and its success response. Operations pair by HTTP method and path
// (path parameter names aside: `{id}` and `{account}` are the same URL); what is left pairs by
// client method name, which is a moved operation.
import type { BodyContent, Operation, Parameter, ParameterLocation, RequestBody, Response } from '../model/ir.js';
import type { OperationRef } from './change.js';
import { compareKeywords } from './compare-keywords.js';
import { compareLifecycle, removalRule, sunsetOf } from './compare-lifecycle.js';
import { compareMedia } from './compare-media.js';
import { compareSecurity } from './compare-security.js';
import { deref, isRaw, pointerTo, rawOperation, rawParameters, type Raw, type RawPair } from './raw.js';
import { resolve, typeLabel, type Components } from './resolve.js';
import { SchemaComparer, type Place } from './compare-schemas.js';

const LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];

export function refOf(op: Operation): OperationRef {
  return { method: op.method.toUpperCase(), path: op.path, name: [...op.resource, op.methodName].join('.') };
}

export function ownerOf(op: Operation): string {
  return `operation ${op.method.toUpperCase()} ${op.path}`;
}

export function compareOperations(
  before: readonly Operation[],
  after: readonly Operation[],
  comparer: SchemaComparer,
  /** The day the diff runs (an ISO date), for sunset dates. */
  today: string,
): void {
  const urlKey = (op: Operation) => `${op.method} ${op.path.replace(/\{[^}]*\}/g, '{}')}`;
  const nameKey = (op: Operation) => refOf(op).name;
  const unpairedAfter = new Map(after.map((op) => [urlKey(op), op]));
  const unpairedBefore: Operation[] = [];
  const pairs: [Operation, Operation][] = [];
  for (const op of before) {
    const match = unpairedAfter.get(urlKey(op));
    if (match) {
      pairs.push([op, match]);
      unpairedAfter.delete(urlKey(op));
    } else unpairedBefore.push(op);
  }
  const byName = new Map([...unpairedAfter.values()].map((op) => [nameKey(op), op]));
  for (const op of unpairedBefore) {
    const moved = byName.get(nameKey(op));
    if (moved && moved.method === op.method) {
      byName.delete(nameKey(op));
      unpairedAfter.delete(urlKey(moved));
      const place = placeOf(moved);
      comparer.report('operation-path-changed', place, `\`${nameKey(op)}\` moved from \`${op.path}\` to \`${moved.path}\``);
      pairs.push([op, moved]);
    } else reportRemoved(op, comparer, today);
  }
  for (const op of unpairedAfter.values()) comparer.report('operation-added', placeOf(op), `new operation \`${nameKey(op)}\``);
  for (const [a, b] of pairs) compareOperation(a, b, comparer);
}

/** Removed: past its promised sunset (`x-sunset`) it was announced; before it, a promise broken. */
function reportRemoved(op: Operation, comparer: SchemaComparer, today: string): void {
  const raw = comparer.raw && rawOperation(comparer.raw.before.document, op.method, op.path);
  const rule = removalRule(raw, today);
  const name = `\`${refOf(op).name}\``;
  if (!rule) comparer.report('operation-removed', placeOf(op), `operation ${name} was removed`);
  else if (rule === 'operation-removed-before-sunset') comparer.report(rule, placeOf(op), `operation ${name} was removed before its sunset date, ${sunsetOf(raw)}`);
  else comparer.report(rule, placeOf(op), `operation ${name} was removed after its sunset date, ${sunsetOf(raw)}`);
}

function placeOf(op: Operation): Place {
  return { owner: ownerOf(op), path: '', depth: 0, operation: refOf(op), stack: new Set() };
}

function compareOperation(a: Operation, b: Operation, comparer: SchemaComparer): void {
  const place = placeOf(b);
  const rawSchemas = rawParameterSchemas(a, b, comparer);
  const rawA = comparer.raw && rawOperation(comparer.raw.before.document, a.method, a.path);
  const rawB = comparer.raw && rawOperation(comparer.raw.after.document, b.method, b.path);
  const [bodyA, bodyB] = bodiesInCommon(a, b);
  if (comparer.raw && rawA && rawB) {
    compareSecurity(comparer, rawA, rawB, comparer.raw.before.document, comparer.raw.after.document, place);
    compareMedia(comparer, a, b, rawA, rawB, place, bodyA && bodyB && bodyA.mediaType === bodyB.mediaType ? bodyA.mediaType : undefined);
    compareLifecycle(comparer, rawA, rawB, place);
  }
  // An operation's own server (its `servers`, or its path's), where the generated client sends it.
  if (a.server !== b.server) {
    if (b.server) comparer.report('server-added', { ...place, path: 'servers' }, `new server \`${b.server}\``);
    if (a.server) comparer.report('server-removed', { ...place, path: 'servers' }, `server \`${a.server}\` was removed`);
  }
  if (b.deprecated && !a.deprecated) comparer.report('operation-deprecated', place, `operation \`${refOf(b).name}\` is deprecated`);
  for (const where of LOCATIONS) {
    const before = a.parameters[where];
    const after = b.parameters[where];
    // Path parameters are positional: renaming one changes nothing on the wire.
    const key = where === 'path' ? (_: Parameter, i: number) => String(i) : (p: Parameter) => p.name;
    const byKey = new Map(before.map((p, i) => [key(p, i), p]));
    after.forEach((p, i) => {
      const before = byKey.get(key(p, i));
      compareParameter(before, p, place, comparer, before ? { a: rawSchemas(before)?.a, b: rawSchemas(p)?.b } : undefined);
      byKey.delete(key(p, i));
    });
    for (const removed of byKey.values()) compareParameter(removed, undefined, place, comparer);
  }
  compareRequestBody(bodyA, bodyB, { ...place, ...bodyRaw(a, b, bodyA, bodyB, comparer) }, comparer);
  const success = sameAnswer(a, b, comparer);
  comparer.compare('response', a.success.schema, success.schema, { ...place, path: 'response', root: true, ...answerRaw(a, b, success.mediaType, comparer) });
  comparer.noteReturns(place.owner, a.success.schema, success.schema);
  comparer.noteReturns(place.owner, a.pagination?.item, b.pagination?.item);
}

/**
 * Both versions' request body in a media type they share (the old one's preferred, else the new
 * one's), when they share one: a body that adds `application/json` beside its form encoding, or
 * drops one of two, is not retyped (compare-media.ts reports the media types).
 */
function bodiesInCommon(a: Operation, b: Operation): readonly [RequestBody | undefined, RequestBody | undefined] {
  const before = a.requestBody;
  const after = b.requestBody;
  if (!before || !after || before.mediaType === after.mediaType) return [before, after];
  const inAfter = contentIn(after, before.mediaType);
  if (inAfter) return [before, { ...after, ...inAfter }];
  const inBefore = contentIn(before, after.mediaType);
  return inBefore ? [{ ...before, ...inBefore }, after] : [before, after];
}

function contentIn(body: RequestBody, mediaType: string): BodyContent | undefined {
  return [body, ...(body.alternatives ?? [])].find((content) => content.mediaType === mediaType);
}

/** The same for the success answer: compared in the old answer's media type while the new one still has it. */
function sameAnswer(a: Operation, b: Operation, comparer: SchemaComparer): Response {
  const mediaType = a.success.mediaType;
  if (!mediaType || mediaType === b.success.mediaType || !comparer.raw) return b.success;
  const media = rawMedia(comparer.raw.after.document, b, b.success.status, mediaType);
  if (!media) return b.success;
  const pointer = `${pointerTo('paths', b.path, b.method, 'responses', b.success.status, 'content', mediaType)}/schema`;
  return { ...b.success, mediaType, schema: comparer.raw.after.model(media.schema, pointer) };
}

function rawMedia(document: Raw, op: Operation, status: string, mediaType: string): Raw | undefined {
  const responses = rawOperation(document, op.method, op.path)?.responses;
  const response = isRaw(responses) ? deref(responses[status], document) : undefined;
  const media = isRaw(response?.content) ? response.content[mediaType] : undefined;
  return isRaw(media) ? media : undefined;
}

function bodyRaw(a: Operation, b: Operation, bodyA: RequestBody | undefined, bodyB: RequestBody | undefined, comparer: SchemaComparer): { raw?: RawPair } {
  if (!comparer.raw || !bodyA || !bodyB) return {};
  const schemaOf = (document: Raw, op: Operation, mediaType: string) => {
    const raw = deref(rawOperation(document, op.method, op.path)?.requestBody, document);
    const media = isRaw(raw?.content) ? raw.content[mediaType] : undefined;
    return isRaw(media) ? media.schema : undefined;
  };
  return { raw: { a: schemaOf(comparer.raw.before.document, a, bodyA.mediaType), b: schemaOf(comparer.raw.after.document, b, bodyB.mediaType) } };
}

function answerRaw(a: Operation, b: Operation, mediaType: string | undefined, comparer: SchemaComparer): { raw?: RawPair } {
  if (!comparer.raw || !a.success.mediaType || !mediaType) return {};
  const before = rawMedia(comparer.raw.before.document, a, a.success.status, a.success.mediaType);
  const after = rawMedia(comparer.raw.after.document, b, b.success.status, mediaType);
  return before && after ? { raw: { a: before.schema, b: after.schema } } : {};
}

/** A parameter's raw schema (or its `content`'s), by `in` and name, in each version. */
function rawParameterSchemas(a: Operation, b: Operation, comparer: SchemaComparer): (p: Parameter) => RawPair | undefined {
  if (!comparer.raw) return () => undefined;
  const before = rawParameters(comparer.raw.before.document, a.method, a.path);
  const after = rawParameters(comparer.raw.after.document, b.method, b.path);
  const schemaOf = (raw: Raw | undefined) => {
    const content = isRaw(raw?.content) ? Object.values(raw.content)[0] : undefined;
    return raw?.schema ?? (isRaw(content) ? content.schema : undefined);
  };
  return (p) => ({ a: schemaOf(before.get(`${p.in} ${p.name}`)), b: schemaOf(after.get(`${p.in} ${p.name}`)) });
}

function compareParameter(a: Parameter | undefined, b: Parameter | undefined, operation: Place, comparer: SchemaComparer, raw?: RawPair): void {
  const parameter = (b ?? a)!;
  const place: Place = { ...operation, parameter: { in: parameter.in, name: parameter.name }, path: parameter.name, ...(raw ? { raw } : {}) };
  const name = `\`${parameter.name}\``;
  if (!a && b) {
    if (b.required) comparer.report('parameter-added-required', place, `new required ${b.in} parameter ${name}`);
    else comparer.report('parameter-added', place, `new optional ${b.in} parameter ${name} (\`${typeLabel(b.schema, comparer.after)}\`)`);
    return;
  }
  if (a && !b) {
    comparer.report('parameter-removed', place, `${a.in} parameter ${name} was removed`);
    return;
  }
  if (!a || !b) return;
  if (a.required !== b.required) {
    if (b.required) comparer.report('parameter-became-required', place, `parameter ${name} is now required`);
    else comparer.report('parameter-became-optional', place, `parameter ${name} is now optional`);
  }
  if (a.style !== b.style) comparer.report('parameter-style-changed', place, `parameter ${name}: style changed from \`${a.style}\` to \`${b.style}\``);
  if (a.explode !== b.explode) {
    comparer.report('parameter-explode-changed', place, `parameter ${name}: explode changed from \`${a.explode}\` to \`${b.explode}\``);
  }
  if (b.deprecated && !a.deprecated) comparer.report('parameter-deprecated', place, `parameter ${name} is deprecated`);
  comparer.compare('request', a.schema, b.schema, place);
}

/**
 * A missing body reads as an empty optional object, so an operation's first body property is a
 * new parameter like any other. The top-level properties of an object body are parameters
 * `in: 'body'`: Stripe documents them that way, and a path that starts at them reads naturally.
 */
function compareRequestBody(a: RequestBody | undefined, b: RequestBody | undefined, operation: Place, comparer: SchemaComparer): void {
  if (a && b && a.mediaType !== b.mediaType) {
    comparer.report('request-body-media-type-changed', { ...operation, path: 'body' }, `the body changed from \`${a.mediaType}\` to \`${b.mediaType}\``);
  }
  if (b?.required && !a?.required) comparer.report('request-body-became-required', { ...operation, path: 'body' }, 'the request body is now required');
  const ra = a ? resolve(a.schema, comparer.before) : undefined;
  const rb = b ? resolve(b.schema, comparer.after) : undefined;
  const empty = { kind: 'object', nullable: false, properties: [], additionalProperties: false, expandableFields: [] } as const;
  const objectA = ra ? (ra.schema.kind === 'object' ? ra.schema : undefined) : empty;
  const objectB = rb ? (rb.schema.kind === 'object' ? rb.schema : undefined) : empty;
  if (!objectA || !objectB) {
    comparer.compare('request', a?.schema, b?.schema, { ...operation, path: 'body' });
    return;
  }
  const { raw: _body, ...outside } = operation;
  const propertyPlace = (name: string): Place => ({ ...outside, parameter: { in: 'body', name }, path: name, depth: 1 });
  // The body's own keywords (`minProperties`, a `then`), as any schema's; its properties are parameters.
  const pair = comparer.effectivePair(operation);
  if (pair) compareKeywords(comparer, 'request', pair.a, pair.b, { ...operation, path: 'body' });
  comparer.compareObjects('request', objectA, objectB, { ...operation, path: 'body' }, propertyPlace);
  for (const name of Object.keys(b?.encoding ?? {})) {
    const before = a?.encoding[name];
    const after = b!.encoding[name]!;
    if (!before) continue;
    const place = propertyPlace(name);
    if (before.style !== after.style) {
      comparer.report('parameter-style-changed', place, `body property \`${name}\`: style changed from \`${before.style}\` to \`${after.style}\``);
    }
    if (before.explode !== after.explode) {
      comparer.report('parameter-explode-changed', place, `body property \`${name}\`: explode changed from \`${before.explode}\` to \`${after.explode}\``);
    }
  }
}
