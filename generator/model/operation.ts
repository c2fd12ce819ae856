// OpenAPI Operation Object (§4.7.10) → IR Operation: parameters merged with the path item's and
// given their default style/explode (§4.7.12.4), the request body's media type and encoding
// picked, success and error responses split, and cursor-paged lists recognised.
import { escapePointerToken } from '../errors.js';
import { resolveLocalRef } from '../parse/refs.js';
import type { BodyContent, BodyKind, Operation, Parameter, ParameterLocation, RequestBody, Response, Schema } from './ir.js';
import { objectPropertiesOf, resolveRef, shapeOf } from './lookup.js';
import { declaredPaging, detectPaging, isSearchResult } from './paging.js';
import type { ClientName } from '../naming/client-names.js';
import { functionNameOf, paramsTypeNameOf } from '../naming/generated-names.js';
import { toSchema, type ModelContext } from './schema.js';
import { securityOf } from './security.js';

type Raw = Record<string, unknown>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

const LOCATIONS: readonly ParameterLocation[] = ['path', 'query', 'header', 'cookie'];
const DEFAULT_STYLE: Record<ParameterLocation, string> = { path: 'simple', query: 'form', header: 'simple', cookie: 'form' };

// After JSON, the media types preferred when a body offers several (the caller may choose another).
const BODY_MEDIA_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** Where an operation is in the document. */
export interface OperationPlace {
  readonly path: string;
  readonly method: HttpMethod;
  readonly pathItem: Raw;
  readonly operation: Raw;
}

export interface OperationSource extends OperationPlace {
  readonly name: ClientName;
}

export function toOperation(source: OperationSource, ctx: ModelContext): Operation {
  const { path, method, operation, name } = source;
  const pointer = `#/paths/${escapePointerToken(path)}/${method}`;
  const parameters = mergeParameters(source, pointer, ctx);
  const requestBody = toRequestBody(method, operation.requestBody, `${pointer}/requestBody`, parameters, ctx);
  const { success, errors } = toResponses(operation.responses as Raw | undefined, `${pointer}/responses`, ctx);
  const pagination = pagingOf(source, parameters.query, success, pointer, ctx);
  const server = firstServerUrl(operation.servers) ?? firstServerUrl(source.pathItem.servers);
  return {
    operationId: typeof operation.operationId === 'string' ? operation.operationId : `${method} ${path}`,
    method,
    path,
    ...(server !== undefined ? { server } : {}),
    resource: name.resource,
    methodName: name.methodName,
    functionName: functionNameOf(name),
    paramsTypeName: paramsTypeNameOf(name),
    security: securityOf(operation.security ?? ctx.document.security, ctx.profile),
    ...textOf(operation),
    deprecated: operation.deprecated === true,
    tags: Array.isArray(operation.tags) ? operation.tags.filter((t): t is string => typeof t === 'string') : [],
    parameters,
    ...(requestBody ? { requestBody } : {}),
    success,
    errors,
    ...(pagination ? { pagination } : {}),
  };
}


function firstServerUrl(servers: unknown): string | undefined {
  const url = Array.isArray(servers) ? (servers[0] as Raw | undefined)?.url : undefined;
  return typeof url === 'string' ? url : undefined;
}

function textOf(node: Raw): { summary?: string; description?: string } {
  return {
    ...(typeof node.summary === 'string' && node.summary.trim() !== '' ? { summary: node.summary } : {}),
    ...(typeof node.description === 'string' && node.description.trim() !== '' ? { description: node.description } : {}),
  };
}

/** Follows `$ref`s to components (parameters, requestBodies, responses) until a real object. */
function deref(node: unknown, ctx: ModelContext, depth = 0): Raw | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const ref = (node as Raw).$ref;
  if (typeof ref !== 'string' || depth > 20) return node as Raw;
  return deref(resolveLocalRef(ctx.document, ref), ctx, depth + 1);
}

function mergeParameters(source: OperationPlace, pointer: string, ctx: ModelContext): Operation['parameters'] {
  const byKey = new Map<string, Parameter>();
  const add = (list: unknown, listPointer: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const parameter = toParameter(deref(raw, ctx), `${listPointer}/${i}`, ctx);
      if (parameter) byKey.set(`${parameter.in} ${parameter.name}`, parameter);
    });
  };
  // Operation-level parameters override path-level ones with the same name and location.
  add(source.pathItem.parameters, `#/paths/${escapePointerToken(source.path)}/parameters`);
  add(source.operation.parameters, `${pointer}/parameters`);
  const all = [...byKey.values()];
  const pick = (where: ParameterLocation) => all.filter((p) => p.in === where);
  // Path parameters in the order they appear in the path: that is their positional order.
  const pathOrder = [...new Set([...source.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!))];
  const declared = pick('path');
  // A placeholder the spec forgot to declare is still part of the URL: a required string.
  for (const name of pathOrder.filter((n) => !declared.some((p) => p.name === n))) {
    ctx.warnings.push({ file: ctx.file, pointer, message: `path placeholder {${name}} is not declared as a parameter; taken as a required string` });
    declared.push({ name, in: 'path', required: true, style: 'simple', explode: false, schema: { kind: 'string', nullable: false } });
  }
  const pathParams = declared.sort((a, b) => pathOrder.indexOf(a.name) - pathOrder.indexOf(b.name));
  return { path: pathParams, query: pick('query'), header: pick('header'), cookie: pick('cookie') };
}

function toParameter(raw: Raw | undefined, pointer: string, ctx: ModelContext): Parameter | undefined {
  if (!raw || typeof raw.name !== 'string' || !LOCATIONS.includes(raw.in as ParameterLocation)) {
    ctx.warnings.push({ file: ctx.file, pointer, message: 'parameter without a name or a known `in`; skipped' });
    return undefined;
  }
  const where = raw.in as ParameterLocation;
  const style = typeof raw.style === 'string' ? raw.style : DEFAULT_STYLE[where];
  const content = raw.content as Raw | undefined;
  const contentSchema = content ? (Object.values(content)[0] as Raw | undefined)?.schema : undefined;
  return {
    name: raw.name,
    in: where,
    required: where === 'path' || raw.required === true,
    style,
    explode: typeof raw.explode === 'boolean' ? raw.explode : style === 'form',
    schema: toSchema(raw.schema ?? contentSchema, `${pointer}/schema`, ctx),
    ...(typeof raw.description === 'string' && raw.description !== '' ? { description: raw.description } : {}),
    ...(raw.deprecated === true ? { deprecated: true } : {}),
  };
}

function toRequestBody(method: HttpMethod, raw: unknown, pointer: string, parameters: Operation['parameters'], ctx: ModelContext): RequestBody | undefined {
  const body = deref(raw, ctx);
  const content = body?.content as Raw | undefined;
  if (!body || !content) return undefined;
  const mediaTypes = Object.keys(content);
  const preferred = mediaTypes.find(isJson) ?? BODY_MEDIA_TYPES.find((m) => content[m] !== undefined) ?? mediaTypes[0];
  if (preferred === undefined) return undefined;
  const contentOf = (mediaType: string) => toBodyContent(mediaType, content[mediaType] as Raw, `${pointer}/content/${escapePointerToken(mediaType)}`, ctx);
  const first = contentOf(preferred);
  // Stripe declares an empty form body on every GET; fetch cannot send a GET body at all.
  if (method === 'get' || method === 'head' || (isEmptyObject(first.schema, ctx) && body.required !== true)) {
    if (!isEmptyObject(first.schema, ctx)) {
      ctx.warnings.push({ file: ctx.file, pointer, message: `a ${method.toUpperCase()} request body cannot be sent with fetch; ignored` });
    }
    return undefined;
  }
  const alternatives = mediaTypes.filter((m) => m !== preferred).map(contentOf);
  const param = bodyParamOf(first, alternatives.length > 0, parameters, ctx);
  return {
    ...first,
    required: body.required === true,
    ...(param !== undefined ? { param } : {}),
    ...(alternatives.length > 0 ? { alternatives } : {}),
    ...(ctx.profile.bracketBodies && (first.kind === 'form' || first.kind === 'multipart') ? { brackets: true as const } : {}),
  };
}

function toBodyContent(mediaType: string, media: Raw | undefined, pointer: string, ctx: ModelContext): BodyContent {
  const schema = toSchema(media?.schema, `${pointer}/schema`, ctx);
  const encoding: Record<string, { style: string; explode: boolean }> = {};
  const rawEncoding = (media?.encoding ?? {}) as Raw;
  for (const property of Object.keys(rawEncoding).sort()) {
    const entry = (rawEncoding[property] ?? {}) as Raw;
    const style = typeof entry.style === 'string' ? entry.style : 'form';
    encoding[property] = { style, explode: typeof entry.explode === 'boolean' ? entry.explode : style === 'form' };
  }
  return { mediaType, kind: bodyKindOf(mediaType, schema, ctx), schema, encoding };
}

const isJson = (mediaType: string) => /^application\/(json|[^;]*\+json)\b/i.test(mediaType);

/**
 * How a media type is written: JSON (also `+json` vendor types, and a wildcard type with a structured
 * schema), form, multipart, or else raw (bytes, Blob, stream or text, sent as given).
 */
function bodyKindOf(mediaType: string, schema: Schema, ctx: ModelContext): BodyKind {
  const type = mediaType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type.startsWith('multipart/')) return 'multipart';
  if (isJson(type)) return 'json';
  const shape = shapeOf(schema, ctx.components)?.kind;
  return type === '*/*' && shape !== undefined && shape !== 'string' && shape !== 'unknown' ? 'json' : 'raw';
}

/**
 * The params field for the whole body (see RequestBody.param): `body`, or `requestBody` when a
 * parameter is already called `body`; undefined when the body's properties can be params of their own.
 */
function bodyParamOf(body: BodyContent, choices: boolean, parameters: Operation['parameters'], ctx: ModelContext): string | undefined {
  const taken = new Set([...parameters.query, ...parameters.header].map((p) => p.name));
  // A body that may be null cannot be spread into params: it is the `body` field, `T | null`.
  const nullable = resolveRef(body.schema, ctx.components).nullable;
  const properties = body.kind === 'raw' || nullable ? undefined : objectPropertiesOf(body.schema, ctx.components);
  if (!choices && properties && !properties.some((p) => taken.has(p.name))) return undefined;
  return taken.has('body') ? 'requestBody' : 'body';
}

function isEmptyObject(schema: Schema, ctx: ModelContext): boolean {
  const resolved = shapeOf(schema, ctx.components);
  return resolved?.kind === 'object' && resolved.properties.length === 0 && resolved.additionalProperties === false;
}

const EVENT_STREAM = 'text/event-stream';

/** Redirects fetch follows (RFC 9110, 15.4): an operation answering only one leads to its download. */
const REDIRECT = /^30[12378]$/;

function toResponses(raw: Raw | undefined, pointer: string, ctx: ModelContext): { success: Response; errors: Response[] } {
  const statuses = Object.keys(raw ?? {}).sort();
  const responses = statuses.map((status) => toResponse(status, deref(raw![status], ctx), `${pointer}/${escapePointerToken(status)}`, ctx));
  // The first 2xx; else a redirect (a download: fetch follows it to the bytes); else `default`,
  // which stands for every status the operation does not list, success included.
  const success = responses.find((r) => /^2/.test(r.status)) ?? responses.find((r) => REDIRECT.test(r.status)) ?? responses.find((r) => r.status === 'default') ?? { status: '204' };
  return { success, errors: responses.filter((r) => !/^[123]/.test(r.status)) };
}

function toResponse(status: string, raw: Raw | undefined, pointer: string, ctx: ModelContext): Response {
  const content = (raw?.content ?? {}) as Raw;
  const mediaType = Object.keys(content).find((m) => /json/.test(m)) ?? Object.keys(content).sort()[0];
  const media = mediaType === undefined ? undefined : (content[mediaType] as Raw);
  const stream = content[EVENT_STREAM] as Raw | undefined;
  return {
    status,
    ...(mediaType !== undefined ? { mediaType } : {}),
    ...(media?.schema !== undefined
      ? { schema: toSchema(media.schema, `${pointer}/content/${escapePointerToken(mediaType!)}/schema`, ctx) }
      : {}),
    ...(typeof raw?.description === 'string' && raw.description !== '' ? { description: raw.description } : {}),
    ...(content['text/event-stream'] !== undefined ? { eventStream: true as const } : {}),
    ...(stream?.schema !== undefined && mediaType !== EVENT_STREAM
      ? { eventSchema: toSchema(stream.schema, `${pointer}/content/${escapePointerToken(EVENT_STREAM)}/schema`, ctx) }
      : {}),
  };
}

/**
 * The operation's paging: its `x-pagination` (`false` for none), else what its parameters and
 * answer show (generator/model/paging.ts).
 */
function pagingOf(source: OperationPlace, query: readonly Parameter[], success: Response, pointer: string, ctx: ModelContext): Operation['pagination'] {
  const { operationId } = source.operation;
  const keys = [...(typeof operationId === 'string' ? [operationId] : []), `${source.method.toUpperCase()} ${source.path}`];
  const byFile = keys.map((k) => ctx.paging?.get(k)).find((d) => d !== undefined);
  if (byFile) {
    const declared = declaredPaging(byFile.value, 'config', success.schema, { ...byFile, warnings: ctx.warnings }, ctx.components);
    if (declared !== null) return declared || undefined;
  }
  const where = { file: ctx.file, pointer: `${pointer}/x-pagination`, warnings: ctx.warnings };
  const declared = declaredPaging(source.operation['x-pagination'], 'x-pagination', success.schema, where, ctx.components);
  if (declared !== null) return declared || undefined;
  const raw = deref((source.operation.responses as Raw | undefined)?.[success.status], ctx);
  const linkHeader = Object.keys((raw?.headers ?? {}) as Raw).some((name) => name.toLowerCase() === 'link');
  return detectPaging({ method: source.method, query, answer: success.schema, linkHeader }, ctx.components);
}

/**
 * Does this raw operation answer with a list: an array, or a page the client can walk? (The
 * naming rule asks before modelling; a search is a verb on its collection, not a collection, so it
 * does not count.)
 */
export function answersWithList(source: OperationPlace, pointer: string, ctx: ModelContext): boolean {
  const quiet = { ...ctx, warnings: [] };
  const { success } = toResponses(source.operation.responses as Raw | undefined, `${pointer}/responses`, quiet);
  if (shapeOf(success.schema, ctx.components)?.kind === 'array') return true;
  const query = mergeParameters(source, pointer, quiet).query;
  return pagingOf(source, query, success, pointer, quiet) !== undefined && !isSearchResult(success.schema, ctx.components);
}
