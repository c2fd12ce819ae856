// The naming rule: client resource and method names from path and HTTP method, one rule
// documented in docs/generator.md, overridable per operation with
// `x-codegen-name: resource.path.method`.
import { GeneratorError } from '../errors.js';
import { camelCase, pascalCase, singular } from './case.js';
import { isIdentifier, startsAsIdentifier } from './identifiers.js';

export interface ClientName {
  readonly resource: readonly string[];
  readonly methodName: string;
}

/** The facts about one path the rule needs: its segments and which methods it has. */
export interface PathFacts {
  readonly path: string;
  readonly method: string;
  /** Does the spec also have a GET on this same path? (Tells a sub-collection from a verb.) */
  readonly pathHasGet: boolean;
  /** Does the spec have the parent path (the path minus its last segment)? */
  readonly parentExists: boolean;
  /** Does the operation answer with a cursor-paged list? A GET that does not reads one object. Default true. */
  readonly returnsList?: boolean;
  /** Is there an item path beside it (`/things/{id}` for `/things`)? Then a GET lists, whatever it answers. */
  readonly hasItemPath?: boolean;
}

const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

/** Path segments that carry meaning: no leading version segment such as `v1`. */
export function meaningfulSegments(path: string): string[] {
  // File extensions (`Messages.json`) are format, not meaning.
  const segments = path.split('/').filter((s) => s !== '').map((s) => (isParam(s) ? s : s.replace(/\.(json|xml)$/i, '')));
  // A leading version: `v1`, `v2.1`, or a date such as Twilio's `2010-04-01`.
  return /^(v\d+(\.\d+)*|\d{4}-\d{2}-\d{2})$/.test(segments[0] ?? '') ? segments.slice(1) : segments;
}

/**
 * - collection GET → `list` (or `retrieve` when it answers with one object and has no item path
 *   beside it, e.g. `/v1/balance`),
 *   collection POST → `create`, DELETE → `del`;
 * - item (`/{id}`) GET → `retrieve`, POST → `update`, DELETE → `del`;
 * - POST `/{id}/verb` → `verb`; GET `/{id}/things` → `listThings` (`retrieveThing` for one object);
 * - a sub-collection (`/{id}/things` that also has a GET): POST → `createThing`;
 *   its item `/{id}/things/{thing}`: `retrieveThing`, `updateThing`, `deleteThing`;
 * - a verb on a collection (`/things/search`, when `/things` exists) → `search`.
 */
export function clientNameOf(facts: PathFacts): ClientName {
  const name = nameByRule(facts);
  // A path that starts with a parameter (`/v1/{id}`) names no resource: its methods go under `root`.
  const resource = name.resource.length > 0 ? name.resource : ['root'];
  // Client keys are written bare in an object literal and read as `client.a.b`.
  return { resource: resource.map(startsAsIdentifier), methodName: startsAsIdentifier(name.methodName) };
}

function nameByRule(facts: PathFacts): ClientName {
  const segments = meaningfulSegments(facts.path);
  const firstParam = segments.findIndex(isParam);
  const method = facts.method.toLowerCase();
  // A GET on a collection lists it: a bare array, a Stripe list, or (beside an item path) any answer.
  const reads = method === 'get' && facts.returnsList === false && facts.hasItemPath !== true;
  if (firstParam === -1) {
    const last = segments[segments.length - 1] ?? 'root';
    // A verb on a collection (`/things/search`); a GET answering a list is a collection itself.
    const listsThings = method === 'get' && !reads;
    if (facts.parentExists && segments.length > 1 && !listsThings) {
      return { resource: segments.slice(0, -1).map(camelCase), methodName: camelCase(last) };
    }
    return { resource: segments.map(camelCase), methodName: reads ? 'retrieve' : collectionVerb(method) };
  }
  const resource = segments.slice(0, firstParam).filter((s) => !isParam(s)).map(camelCase);
  const rest = segments.slice(firstParam + 1).filter((s) => !isParam(s));
  const endsWithParam = isParam(segments[segments.length - 1]!);
  if (rest.length === 0) return { resource, methodName: itemVerb(method) };
  const thing = pascalCase(rest.join('_'));
  if (endsWithParam) return { resource, methodName: itemVerb(method, true) + singular(thing) };
  if (method === 'get') return { resource, methodName: (reads ? 'retrieve' : 'list') + thing };
  if (method === 'post' && facts.pathHasGet) return { resource, methodName: 'create' + singular(thing) };
  if (method === 'delete') return { resource, methodName: 'delete' + singular(thing) };
  return { resource, methodName: camelCase(rest.join('_')) };
}

function collectionVerb(method: string): string {
  return ({ get: 'list', post: 'create', delete: 'del', put: 'replace', patch: 'update' } as Record<string, string>)[method] ?? method;
}

function itemVerb(method: string, nested = false): string {
  const verbs: Record<string, string> = { get: 'retrieve', post: 'update', put: 'replace', patch: 'update', delete: nested ? 'delete' : 'del' };
  return verbs[method] ?? method;
}

/** `x-codegen-name: 'resource.path.method'` on an operation, checked; undefined when absent. */
export function overrideOf(operation: Record<string, unknown>, pointer: string, file: string): ClientName | undefined {
  const value = operation['x-codegen-name'];
  if (value === undefined) return undefined;
  const parts = typeof value === 'string' ? value.split('.') : [];
  // `__proto__` as a key of the client object would set its prototype instead of adding a method.
  if (parts.length < 2 || !parts.every((p) => isIdentifier(p) && p !== '__proto__')) {
    throw new GeneratorError(`${file}: x-codegen-name must be 'resource.path.method' made of identifiers (not __proto__)`, [
      { file, pointer: `${pointer}/x-codegen-name`, message: `got ${JSON.stringify(value)}` },
    ]);
  }
  return { resource: parts.slice(0, -1), methodName: parts[parts.length - 1]! };
}

/**
 * Where client names come from: `path` (the naming rule), `operation-id` (the rule's resource, the
 * operationId's method), `namespace` (GitHub's `issues/list-for-repo` → `issues.listForRepo`),
 * `tag` (the first tag's resource, the operationId's method), or `auto`: `namespace` for a spec
 * whose operationIds are nearly all namespaced, else `path`.
 */
export type NameSource = 'auto' | 'path' | 'operation-id' | 'namespace' | 'tag';

/** The share of namespaced operationIds from which `auto` groups by namespace. */
const NAMESPACED_SHARE = 0.9;

/** `issues/list-for-repo` → `['issues', 'list-for-repo']`; undefined for an id without one namespace part. */
function namespaceOf(operationId: unknown): [string, string] | undefined {
  const match = typeof operationId === 'string' ? /^([^/]+)\/([^/]+)$/.exec(operationId) : null;
  return match && camelCase(match[1]!) !== '' && camelCase(match[2]!) !== '' ? [match[1]!, match[2]!] : undefined;
}

/** What `auto` means for a spec with these operationIds: `namespace` when nearly all are namespaced. */
export function chooseNameSource(source: NameSource, operationIds: readonly unknown[]): Exclude<NameSource, 'auto'> {
  if (source !== 'auto') return source;
  const namespaced = operationIds.filter((id) => namespaceOf(id) !== undefined).length;
  return operationIds.length > 0 && namespaced >= NAMESPACED_SHARE * operationIds.length ? 'namespace' : 'path';
}

/**
 * The name an operation takes from its operationId and tags under `source`; the path rule's name
 * (`byPath`) where they say nothing (no operationId, no namespace, no tag).
 */
export function nameFromSource(source: Exclude<NameSource, 'auto'>, byPath: () => ClientName, operation: Readonly<Record<string, unknown>>): ClientName {
  const { operationId, tags } = operation;
  if (source === 'namespace') {
    const parts = namespaceOf(operationId);
    return parts ? { resource: [startsAsIdentifier(camelCase(parts[0]))], methodName: startsAsIdentifier(camelCase(parts[1])) } : byPath();
  }
  if (source === 'tag') {
    const tag = Array.isArray(tags) && typeof tags[0] === 'string' ? camelCase(tags[0]) : '';
    const method = operationIdName(byPath(), operationId);
    return tag === '' ? method : { resource: [startsAsIdentifier(tag)], methodName: method.methodName };
  }
  return source === 'operation-id' ? operationIdName(byPath(), operationId) : byPath();
}

/**
 * The rule's resource, the method from the operationId (its last `/`-separated part, camelCased:
 * GitHub's `repos/get-content` → `getContent`).
 */
function operationIdName(byPath: ClientName, operationId: unknown): ClientName {
  const id = typeof operationId === 'string' ? camelCase(operationId.slice(operationId.lastIndexOf('/') + 1)) : '';
  return id === '' ? byPath : { resource: byPath.resource, methodName: startsAsIdentifier(id) };
}

/** `resource.path.method`: the name as a user calls it, and the key collisions are checked by. */
export function dottedName(name: ClientName): string {
  return [...name.resource, name.methodName].join('.');
}
