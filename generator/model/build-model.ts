// A checked OpenAPI document → the IR (ApiModel). Components first (operations ask about their
// shapes), then operations named by the naming rule; name collisions are the user's to resolve.
import { escapePointerToken, GeneratorError, type Problem } from '../errors.js';
import type { LoadedDocument } from '../parse/load-document.js';
import { profileFor } from '../profiles/choose.js';
import type { Profile } from '../profiles/profile.js';
import { IR_VERSION, type ApiModel, type NamedSchema, type Operation, type Schema, type SecurityScheme, type Server } from './ir.js';
import { camelCase, clientNameOf, paramsTypeNameOf, typeNameOf, type ClientName } from './names.js';
import { answersWithList, HTTP_METHODS, toOperation, type OperationSource } from './operation.js';
import { toSchema, type ModelContext } from './schema.js';

type Raw = Record<string, unknown>;

export interface BuiltModel {
  readonly model: ApiModel;
  /** Constructs the generator could not represent faithfully (typed as `unknown`, or ignored). */
  readonly warnings: readonly Problem[];
}

export function buildModel(loaded: LoadedDocument): BuiltModel {
  const { document, file } = loaded;
  const profile = profileFor(document);
  const ctx: ModelContext = { file, document, warnings: [], inlining: new Set(), components: new Map(), profile };
  const schemas = buildSchemas(ctx);
  const operations = buildOperations(ctx);
  checkTypeNames(file, schemas, operations);
  const info = (document.info ?? {}) as Raw;
  const model: ApiModel = {
    irVersion: IR_VERSION,
    title: typeof info.title === 'string' ? info.title : '',
    apiVersion: typeof info.version === 'string' ? info.version : String(info.version ?? ''),
    openapi: String(document.openapi),
    servers: serversOf(document.servers),
    profile: profile.name,
    versionHeader: versionHeaderOf(info, profile.versionHeader),
    security: securityOf(((document.components ?? {}) as Raw).securitySchemes as Raw | undefined),
    operations,
    schemas,
  };
  return { model, warnings: ctx.warnings };
}

function buildSchemas(ctx: ModelContext): NamedSchema[] {
  const raw = (((ctx.document.components ?? {}) as Raw).schemas ?? {}) as Raw;
  const names = Object.keys(raw).sort();
  for (const name of names) {
    ctx.components.set(name, toSchema(raw[name], `#/components/schemas/${escapePointerToken(name)}`, ctx));
  }
  return names.map((name) => ({ name, typeName: typeNameOf(name), schema: ctx.components.get(name) as Schema }));
}

interface NamedSource extends OperationSource {
  readonly pointer: string;
}

function buildOperations(ctx: ModelContext): Operation[] {
  const paths = (ctx.document.paths ?? {}) as Raw;
  const sources: NamedSource[] = [];
  for (const path of Object.keys(paths).sort()) {
    const pathItem = paths[path] as Raw;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as Raw | undefined;
      if (!operation || typeof operation !== 'object') continue;
      const pointer = `#/paths/${escapePointerToken(path)}/${method}`;
      const name = overrideOf(operation, pointer, ctx.file) ??
        sdkNameOf(ctx.profile, method, path) ??
        clientNameOf({
          path,
          method,
          pathHasGet: pathItem.get !== undefined,
          parentExists: paths[parentOf(path)] !== undefined,
          returnsList: answersWithList(operation, pointer, ctx),
        });
      sources.push({ path, method, pathItem, operation, name, pointer });
    }
  }
  const operations: Operation[] = [];
  const claimed = new Map<string, string>();
  const collisions: Problem[] = [];
  for (const source of foldChildrenThatShadowMethods(sources)) {
    const key = [...source.name.resource, source.name.methodName].join('.');
    const previous = claimed.get(key);
    if (previous) {
      collisions.push({ file: ctx.file, pointer: source.pointer, message: `is also named '${key}', like ${previous}` });
      continue;
    }
    claimed.set(key, source.pointer);
    operations.push(toOperation(source, ctx));
  }
  if (collisions.length > 0) {
    throw new GeneratorError(
      `${ctx.file}: ${collisions.length} operation${collisions.length === 1 ? '' : 's'} would get a name already taken`,
      collisions,
      "give one of each pair its own name with `x-codegen-name: 'resource.path.method'` on the operation",
    );
  }
  return keepParamsTypesApart(operations.sort((a, b) => compareNames(a, b)));
}

/**
 * Singular params type names can meet (`/v1/account` and `/v1/accounts/{account}` both read
 * `AccountRetrieveParams`): those operations keep the resource's own (plural) form instead.
 */
function keepParamsTypesApart(operations: Operation[]): Operation[] {
  const count = new Map<string, number>();
  for (const op of operations) count.set(op.paramsTypeName, (count.get(op.paramsTypeName) ?? 0) + 1);
  return operations.map((op) =>
    (count.get(op.paramsTypeName) ?? 0) > 1 ? { ...op, paramsTypeName: paramsTypeNameOf(op, false) } : op,
  );
}

/**
 * A resource cannot have a method and a sub-resource of the same name (`invoices.upcoming()` and
 * `invoices.upcoming.lines.list()`): the sub-resource's operations move up into the parent, named
 * by their path under it (`invoices.upcomingLinesList()`).
 */
function foldChildrenThatShadowMethods(sources: readonly NamedSource[]): NamedSource[] {
  const methods = new Set(sources.map((s) => [...s.name.resource, s.name.methodName].join('.')));
  return sources.map((source) => {
    const { resource, methodName } = source.name;
    for (let depth = 1; depth < resource.length; depth++) {
      if (!methods.has(resource.slice(0, depth + 1).join('.'))) continue;
      const folded = [...resource.slice(depth), methodName];
      return { ...source, name: { resource: resource.slice(0, depth), methodName: camelCase(folded.join('_')) } };
    }
    return source;
  });
}

function compareNames(a: Operation, b: Operation): number {
  const ka = [...a.resource, a.methodName].join('.');
  const kb = [...b.resource, b.methodName].join('.');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function parentOf(path: string): string {
  return path.replace(/\/[^/]*$/, '');
}

/** The vendor SDK's name for the operation, when the profile knows one (its table holds only valid names). */
function sdkNameOf(profile: Profile, method: string, path: string): ClientName | undefined {
  const name = profile.sdkNameOf(method, path);
  return name === undefined ? undefined : splitName(name);
}

function overrideOf(operation: Raw, pointer: string, file: string): ClientName | undefined {
  const value = operation['x-codegen-name'];
  if (value === undefined) return undefined;
  const parts = typeof value === 'string' ? value.split('.') : [];
  // `__proto__` as a key of the client object would set its prototype instead of adding a method.
  if (parts.length < 2 || !parts.every((p) => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p) && p !== '__proto__')) {
    throw new GeneratorError(`${file}: x-codegen-name must be 'resource.path.method' made of identifiers (not __proto__)`, [
      { file, pointer: `${pointer}/x-codegen-name`, message: `got ${JSON.stringify(value)}` },
    ]);
  }
  return splitName(value as string);
}

/** `invoices.finalizeInvoice` → resource `['invoices']`, method `finalizeInvoice`. */
function splitName(dotted: string): ClientName {
  const parts = dotted.split('.');
  return { resource: parts.slice(0, -1), methodName: parts[parts.length - 1]! };
}

/** Schema types and params types share one namespace in the generated code. */
function checkTypeNames(file: string, schemas: readonly NamedSchema[], operations: readonly Operation[]): void {
  const owners = new Map<string, string>();
  const problems: Problem[] = [];
  const claim = (typeName: string, pointer: string) => {
    const previous = owners.get(typeName);
    if (previous) problems.push({ file, pointer, message: `becomes type '${typeName}', like ${previous}` });
    else owners.set(typeName, pointer);
  };
  for (const s of schemas) claim(s.typeName, `#/components/schemas/${escapePointerToken(s.name)}`);
  for (const o of operations) claim(o.paramsTypeName, `#/paths/${escapePointerToken(o.path)}/${o.method}`);
  // Standalone functions share index.ts's namespace too (`things.list` and `thingsList` both read `thingsList`).
  const functions = new Map<string, string>();
  for (const o of operations) {
    const pointer = `#/paths/${escapePointerToken(o.path)}/${o.method}`;
    const previous = functions.get(o.functionName);
    if (previous) problems.push({ file, pointer, message: `becomes function '${o.functionName}', like ${previous}` });
    else functions.set(o.functionName, pointer);
  }
  if (problems.length > 0) {
    throw new GeneratorError(
      `${file}: ${problems.length} generated name${problems.length === 1 ? '' : 's'} would collide`,
      problems,
      'rename one of each pair (or, for an operation, set `x-codegen-name`)',
    );
  }
}

/**
 * The header that pins the API version: the spec's own `info.x-codegen-version-header` (or `false`
 * for none), else the profile's (most APIs version by URL or not at all).
 */
function versionHeaderOf(info: Raw, byProfile: string | null): string | null {
  const declared = info['x-codegen-version-header'];
  if (typeof declared === 'string') return declared;
  if (declared === false) return null;
  return byProfile;
}

function serversOf(raw: unknown): Server[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((s): s is Raw => typeof (s as Raw | null)?.url === 'string')
    .map((s) => ({ url: s.url as string, ...(typeof s.description === 'string' ? { description: s.description } : {}) }));
}

function securityOf(raw: Raw | undefined): SecurityScheme[] {
  return Object.keys(raw ?? {})
    .sort()
    .flatMap((name): SecurityScheme[] => {
      const s = raw![name] as Raw;
      if (s.type === 'http') return [{ name, type: 'http', scheme: String(s.scheme ?? '').toLowerCase() }];
      if (s.type === 'apiKey') {
        return [{ name, type: 'apiKey', in: s.in as 'header' | 'query' | 'cookie', paramName: String(s.name ?? '') }];
      }
      if (s.type === 'oauth2' || s.type === 'openIdConnect' || s.type === 'mutualTLS') return [{ name, type: s.type }];
      return [];
    });
}
