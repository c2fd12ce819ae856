// Pairs the operations of two versions and compares each pair: the operation itself, its
// parameters, its request body and its success response. Operations pair by HTTP method and path
// (path parameter names aside: `{id}` and `{account}` are the same URL); what is left pairs by
// client method name, which is a moved operation.
import type { Operation, Parameter, ParameterLocation, RequestBody } from '../model/ir.js';
import type { OperationRef } from './change.js';
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
    } else {
      comparer.report('operation-removed', placeOf(op), `operation \`${nameKey(op)}\` was removed`);
    }
  }
  for (const op of unpairedAfter.values()) comparer.report('operation-added', placeOf(op), `new operation \`${nameKey(op)}\``);
  for (const [a, b] of pairs) compareOperation(a, b, comparer);
}

function placeOf(op: Operation): Place {
  return { owner: ownerOf(op), path: '', depth: 0, operation: refOf(op), stack: new Set() };
}

function compareOperation(a: Operation, b: Operation, comparer: SchemaComparer): void {
  const place = placeOf(b);
  if (b.deprecated && !a.deprecated) comparer.report('operation-deprecated', place, `operation \`${refOf(b).name}\` is deprecated`);
  for (const where of LOCATIONS) {
    const before = a.parameters[where];
    const after = b.parameters[where];
    // Path parameters are positional: renaming one changes nothing on the wire.
    const key = where === 'path' ? (_: Parameter, i: number) => String(i) : (p: Parameter) => p.name;
    const byKey = new Map(before.map((p, i) => [key(p, i), p]));
    after.forEach((p, i) => {
      compareParameter(byKey.get(key(p, i)), p, place, comparer);
      byKey.delete(key(p, i));
    });
    for (const removed of byKey.values()) compareParameter(removed, undefined, place, comparer);
  }
  compareRequestBody(a.requestBody, b.requestBody, place, comparer);
  comparer.compare('response', a.success.schema, b.success.schema, { ...place, path: 'response', root: true });
  comparer.noteReturns(place.owner, a.success.schema, b.success.schema);
  comparer.noteReturns(place.owner, a.pagination?.item, b.pagination?.item);
}

function compareParameter(a: Parameter | undefined, b: Parameter | undefined, operation: Place, comparer: SchemaComparer): void {
  const parameter = (b ?? a)!;
  const place: Place = { ...operation, parameter: { in: parameter.in, name: parameter.name }, path: parameter.name };
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
  const propertyPlace = (name: string): Place => ({ ...operation, parameter: { in: 'body', name }, path: name, depth: 1 });
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
