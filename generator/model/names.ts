// The naming rule: client resource and method names from path and HTTP method, and readable
// PascalCase type names. One rule, documented in the README, overridable per operation with
// `x-codegen-name: resource.path.method`.
import { readFileSync } from 'node:fs';

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
 * - collection GET → `list` (or `retrieve` when it answers with one object, e.g. `/v1/balance`),
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
  return { resource: resource.map(keyName), methodName: keyName(name.methodName) };
}

function nameByRule(facts: PathFacts): ClientName {
  const segments = meaningfulSegments(facts.path);
  const firstParam = segments.findIndex(isParam);
  const method = facts.method.toLowerCase();
  if (firstParam === -1) {
    const last = segments[segments.length - 1] ?? 'root';
    // A verb on a collection (`/things/search`); a GET answering a list is a collection itself.
    const listsThings = method === 'get' && facts.returnsList !== false;
    if (facts.parentExists && segments.length > 1 && !listsThings) {
      return { resource: segments.slice(0, -1).map(camelCase), methodName: camelCase(last) };
    }
    const reads = method === 'get' && facts.returnsList === false;
    return { resource: segments.map(camelCase), methodName: reads ? 'retrieve' : collectionVerb(method) };
  }
  const resource = segments.slice(0, firstParam).filter((s) => !isParam(s)).map(camelCase);
  const rest = segments.slice(firstParam + 1).filter((s) => !isParam(s));
  const endsWithParam = isParam(segments[segments.length - 1]!);
  if (rest.length === 0) return { resource, methodName: itemVerb(method) };
  const thing = pascalCase(rest.join('_'));
  if (endsWithParam) return { resource, methodName: itemVerb(method, true) + singular(thing) };
  if (method === 'get') return { resource, methodName: (facts.returnsList === false ? 'retrieve' : 'list') + thing };
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

/** Words of an identifier-ish string: split on anything that is not a letter or digit, and on case changes. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
}

export function pascalCase(text: string): string {
  return words(text)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** `financial_connections` → `financialConnections`; `1st` → `_1st`, so the result can always start an identifier. */
export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  const camel = pascal.charAt(0).toLowerCase() + pascal.slice(1);
  return /^[0-9]/.test(camel) ? '_' + camel : camel;
}

/** English singular for resource nouns: enough for API paths, not a general inflector. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(xes|ches|shes|sses|zzes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

// Everything the runtime exports, read from templates/runtime/index.ts itself so that a new
// export cannot be forgotten here (index.ts re-exports the runtime next to the schemas and the
// operation functions: a generated name equal to a runtime export would make that ambiguous).
const RUNTIME_EXPORTS: readonly string[] = [
  ...readFileSync(new URL('../../templates/runtime/index.ts', import.meta.url), 'utf8').matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g),
].flatMap((m) => m[1]!.split(',').map((name) => name.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()!).filter(Boolean));

// Names a generated type must not take: the globals generated files refer to, client.ts's own
// exports, and the runtime's.
const TAKEN_TYPE_NAMES = new Set([
  'Array', 'Boolean', 'Date', 'Error', 'Function', 'Map', 'Number', 'Object', 'Omit', 'Partial', 'Pick',
  'Promise', 'Readonly', 'Record', 'Required', 'Set', 'String', 'Symbol', 'Exclude', 'Extract', 'NonNullable',
  'Blob', 'Client',
  // webhooks.ts's exports (emitted for specs with event types).
  'WebhookEvent', 'WebhookEventType', 'WebhookEventOfType',
  ...RUNTIME_EXPORTS,
]);

// Names an exported operation function must not take: words JavaScript reserves (a module is
// strict code), the names client.ts declares or binds around the functions it imports, and the
// runtime's exported values.
const RESERVED_WORDS = [
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await', 'arguments',
  'eval', 'undefined',
];
const TAKEN_FUNCTION_NAMES = new Set([
  ...RESERVED_WORDS,
  'createClient', 'createTransport', 'createRuntimeTransport', 'bind', 'transport', 'options', 'params',
  'API_VERSION', 'DEFAULT_BASE_URL', 'SPEC_DEFAULTS', 'constructEvent',
  ...RUNTIME_EXPORTS,
]);

/** The exported type name for a component schema, e.g. `financial_connections.account` → `FinancialConnectionsAccount`. */
export function typeNameOf(schemaName: string): string {
  let name = pascalCase(schemaName);
  if (name === '') name = 'Schema';
  if (/^[0-9]/.test(name)) name = 'Schema' + name;
  return TAKEN_TYPE_NAMES.has(name) ? name + 'Schema' : name;
}

/** `['financialConnections','accounts']` + `listOwners` → `FinancialConnectionsAccountListOwnersParams`. */
/** With `singularize: false` (used when two singular forms collide): `FinancialConnectionsAccountsListOwnersParams`. */
export function paramsTypeNameOf(name: ClientName, singularize = true): string {
  const prefix = name.resource.slice(0, -1).map(pascalCase).join('');
  const last = name.resource[name.resource.length - 1];
  const noun = last ? (singularize ? singular(pascalCase(last)) : pascalCase(last)) : '';
  const typeName = prefix + noun + pascalCase(name.methodName) + 'Params';
  return /^[0-9]/.test(typeName) ? '_' + typeName : typeName;
}

/** `['financialConnections','accounts']` + `listOwners` → `financialConnectionsAccountsListOwners`. */
export function functionNameOf(name: ClientName): string {
  let functionName = camelCase([...name.resource, name.methodName].join('_'));
  if (functionName === '' || /^[0-9]/.test(functionName)) functionName = '_' + functionName;
  return TAKEN_FUNCTION_NAMES.has(functionName) ? functionName + '_' : functionName;
}

/**
 * A client key (a resource or method name) that can be written bare in an object literal and
 * read as `client.a.b`: never empty, never starting with a digit. Path segments such as `1st`
 * or `---` get here; every ordinary name passes unchanged.
 */
function keyName(name: string): string {
  return name === '' || /^[0-9]/.test(name) ? '_' + name : name;
}
