// A checked OpenAPI document → the IR (ApiModel). Components first (operations ask about their
// shapes), then operations named by the naming rule; names that would meet are kept apart
// (generator/naming/collisions.ts).
import { escapePointerToken, type Problem } from '../errors.js';
import { chooseNameSource, clientNameOf, dottedName, nameFromSource, overrideOf, type ClientName, type NameSource } from '../naming/client-names.js';
import { distinctClientNames, distinctGeneratedNames, foldChildrenThatShadowMethods, keepParamsTypesApart } from '../naming/collisions.js';
import { typeNameOf } from '../naming/generated-names.js';
import type { LoadedDocument } from '../parse/load-document.js';
import type { PagingDeclaration } from '../parse/paging-files.js';
import { findPolymorphism } from '../parse/polymorphism.js';
import { resolveLocalRef } from '../parse/refs.js';
import { profileFor } from '../profiles/choose.js';
import type { Profile } from '../profiles/profile.js';
import { IR_VERSION, type ApiModel, type NamedSchema, type Operation, type Schema, type Server } from './ir.js';
import { answersWithList, HTTP_METHODS, toOperation, type OperationSource } from './operation.js';
import { toSchema, type ModelContext } from './schema.js';
import { securityOf, securitySchemesOf } from './security.js';

type Raw = Record<string, unknown>;

export interface BuiltModel {
  readonly model: ApiModel;
  /** Constructs the generator could not represent faithfully (typed as `unknown`, or ignored). */
  readonly warnings: readonly Problem[];
}

export interface ModelOptions {
  /** Where client names come from (generator/naming/client-names.ts); default `auto`. */
  readonly names?: NameSource;
  /** Paging declared outside the spec (`--paging` files), winning over `x-pagination`. */
  readonly paging?: readonly PagingDeclaration[];
}

export function buildModel(loaded: LoadedDocument, options: ModelOptions = {}): BuiltModel {
  const { document, file } = loaded;
  const profile = profileFor(document);
  const ctx: ModelContext = {
    file,
    document,
    warnings: [...(loaded.warnings ?? [])],
    inlining: new Set(),
    components: new Map(),
    polymorphism: findPolymorphism(document),
    profile,
    paging: new Map((options.paging ?? []).map((d) => [d.key, d])),
  };
  const { schemas, operations } = distinctGeneratedNames(file, buildSchemas(ctx), buildOperations(ctx, options.names ?? 'auto'), ctx.warnings);
  const named = new Set(operations.flatMap((o) => [o.operationId, `${o.method.toUpperCase()} ${o.path}`]));
  for (const declaration of options.paging ?? []) {
    if (named.has(declaration.key)) continue;
    ctx.warnings.push({ file: declaration.file, pointer: declaration.pointer, message: "names no operation of the spec (by operationId or as 'GET /path'); ignored" });
  }
  const info = (document.info ?? {}) as Raw;
  const title = typeof info.title === 'string' ? info.title : '';
  const apiVersion = typeof info.version === 'string' ? info.version : String(info.version ?? '');
  const model: ApiModel = {
    irVersion: IR_VERSION,
    title,
    apiVersion,
    openapi: String(document.openapi),
    servers: serversOf(document.servers),
    profile: profile.name,
    versionHeader: versionHeaderOf(info, profile.versionHeader),
    runtimeModule: profile.runtimeModule,
    userAgentName: profile.namesClientInUserAgent ? userAgentNameOf(title, apiVersion) : null,
    securitySchemes: securitySchemesOf(document, profile, file, ctx.warnings),
    security: securityOf(document.security, profile),
    operations,
    schemas,
    events: profile.eventTypes(document, file, ctx.warnings),
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

function buildOperations(ctx: ModelContext, names: NameSource): Operation[] {
  const paths = isObject(ctx.document.paths) ? ctx.document.paths : {};
  const sources: NamedSource[] = [];
  const source = chooseNameSource(names, operationIdsOf(paths, ctx));
  const withItems = new Set(Object.keys(paths).filter((p) => /\/\{[^/]*\}$/.test(p)).map(parentOf));
  for (const path of Object.keys(paths).sort()) {
    const pathItem = pathItemOf(paths[path], `#/paths/${escapePointerToken(path)}`, ctx);
    if (!pathItem) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as Raw | undefined;
      if (!operation || typeof operation !== 'object') continue;
      const pointer = `#/paths/${escapePointerToken(path)}/${method}`;
      const byPath = (): ClientName =>
        clientNameOf({
          path,
          method,
          pathHasGet: pathItem.get !== undefined,
          parentExists: paths[parentOf(path)] !== undefined,
          returnsList: answersWithList({ path, method, pathItem, operation }, pointer, ctx),
          hasItemPath: withItems.has(path),
        });
      const name =
        overrideOf(operation, pointer, ctx.file) ??
        sdkNameOf(ctx.profile, method, path) ??
        nameFromSource(source, byPath, operation);
      sources.push({ path, method, pathItem, operation, name, pointer });
    }
  }
  const named = distinctClientNames(ctx.file, foldChildrenThatShadowMethods(sources), ctx.warnings);
  const operations = named.map((source) => toOperation(source, ctx));
  return keepParamsTypesApart(operations.sort((a, b) => compareNames(a, b)));
}

/** Every operation's operationId (undefined where it has none), for `auto` to choose a name source by. */
function operationIdsOf(paths: Raw, ctx: ModelContext): unknown[] {
  const quiet = { ...ctx, warnings: [] };
  return Object.keys(paths).flatMap((path) => {
    const pathItem = pathItemOf(paths[path], '', quiet) ?? {};
    return HTTP_METHODS.flatMap((method) => (isObject(pathItem[method]) ? [(pathItem[method] as Raw).operationId] : []));
  });
}

/** A path item, its `$ref` (to another place in the document) followed; siblings of the `$ref` win. */
function pathItemOf(raw: unknown, pointer: string, ctx: ModelContext): Raw | undefined {
  const { $ref: ref, ...siblings } = isObject(raw) ? raw : {};
  const target = typeof ref === 'string' ? resolveLocalRef(ctx.document, ref) : {};
  if (!isObject(raw) || !isObject(target)) {
    ctx.warnings.push({ file: ctx.file, pointer, message: 'path item is not an object; skipped' });
    return undefined;
  }
  return { ...target, ...siblings };
}

function isObject(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function compareNames(a: Operation, b: Operation): number {
  const ka = dottedName(a);
  const kb = dottedName(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function parentOf(path: string): string {
  return path.replace(/\/[^/]*$/, '');
}

/** The vendor SDK's name for the operation, when the profile knows one (its table holds only valid names). */
function sdkNameOf(profile: Profile, method: string, path: string): ClientName | undefined {
  const parts = profile.sdkNameOf(method, path)?.split('.');
  return parts && { resource: parts.slice(0, -1), methodName: parts[parts.length - 1]! };
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

/**
 * `github-v3-rest-api/1.1.4`: the title as a product token (lower-case letters, digits, `.` and
 * `_`, runs of anything else as one `-`, at most 40 characters), the version likewise; `api` for
 * a title with none of them.
 */
function userAgentNameOf(title: string, version: string): string {
  const token = (text: string) => text.toLowerCase().replace(/[^a-z0-9._]+/g, '-').slice(0, 40).replace(/^-+|-+$/g, '');
  const name = token(title) || 'api';
  const v = token(version);
  return v ? `${name}/${v}` : name;
}

