// One file per client resource (e.g. `resources/financial-connections/accounts.ts`): each
// operation's params type, its OperationSpec (data for the runtime) and a thin standalone
// function that tree-shakes on its own, then the interface of the resource's client methods (the
// same signatures without the transport), of which client.ts's `Client` is made. Operations with an `expand` array are generic in it (see
// expand-types.ts): the accepted paths are typed and the result shows what was expanded.
import type { ApiModel, BodyContent, Operation, Pagination, PagingStyle, Parameter, Property, RequestBody, Response, Schema } from '../model/ir.js';
import { objectPropertiesOf, shapeOf, type ComponentIndex } from '../model/lookup.js';
import { argumentNamesOf, resourceFilePathOf, specConstNameOf } from '../naming/generated-names.js';
import { callDoc, constDeclaration, functionDeclaration, importDeclaration, interfaceDeclaration, methodSignature, overloadDeclaration, printFile, typeAliasDeclaration, type Parameter as SignatureParameter, type TypeParameter } from './declarations.js';
import type { EmitPlan } from './emit-plan.js';
import { expandImports, withTypedExpand } from './expand-declarations.js';
import type { ExpandPlan } from './expand-types.js';
import { ownSecurityLiteral } from './security.js';
import { docBlock, docComment, docText } from './tsdoc.js';
import { hardline, indent, join, stringLiteral, valueDoc, withComment, type Doc, type ValueNode, type ValueProperty } from './layout.js';
import { generic, named, propertyKey, propertyMember, typeContextOf, typeDoc, typeNode, unionOf, type Member, type TypeContext, type TypeNode } from './type-expression.js';

export interface ResourceFile {
  readonly path: string;
  readonly resource: readonly string[];
  readonly operations: readonly Operation[];
}

/** Groups operations by resource and names each group's file. */
export function resourceFilesOf(model: ApiModel): ResourceFile[] {
  const groups = new Map<string, Operation[]>();
  for (const op of model.operations) {
    const key = op.resource.join('/');
    groups.set(key, [...(groups.get(key) ?? []), op]);
  }
  return [...groups.entries()].map(([, operations]) => {
    const resource = operations[0]!.resource;
    return { path: resourceFilePathOf(resource), resource, operations };
  });
}

export function emitResourceFile(plan: EmitPlan, file: ResourceFile): string {
  const referenced = new Set<string>();
  const runtimeTypes = new Set<string>();
  const ctx = typeContextOf(plan.typeNames, (name) => referenced.add(name), (name) => runtimeTypes.add(name));
  const expand = plan.expand;
  const emitted = file.operations.map((op) => operationStatements(op, plan.params.get(op.functionName)!, ctx, plan, ownSecurityLiteral(op, plan.model)));
  const methods = methodsInterface(plan.methodsTypeNames.get(file.path)!, file, emitted);
  const body = [...emitted.flatMap((e) => e.statements), methods];
  const up = '../'.repeat(file.path.split('/').length - 1);
  const schemaImports = [...referenced].map(ctx.typeName).sort();
  const used = new Set([...runtimeTypes, ...emitted.flatMap((e) => e.runtimeTypes)]);
  const runtimeImports = [...used, 'OperationSpec', 'RequestOptions', 'Transport'].sort(byCodeUnit);
  const runtimeValues = [...new Set(file.operations.flatMap((op) => runtimeValuesOf(op, plan.components)))].sort(byCodeUnit);
  const imports = [
    importDeclaration(runtimeImports, `${up}runtime/index.js`, true),
    ...(runtimeValues.length > 0 ? [importDeclaration(runtimeValues, `${up}runtime/index.js`, false)] : []),
    ...(schemaImports.length > 0 ? [importDeclaration(schemaImports, `${up}schemas.js`, true)] : []),
    ...expandImports(file.path, emitted.flatMap((e) => e.expandTypes)),
  ];
  return printFile([join(hardline, imports), ...body]);
}

interface EmittedOperation {
  readonly statements: Doc[];
  readonly signature: OperationSignature;
  /** Runtime types the signature uses, to import. */
  readonly runtimeTypes: readonly string[];
  /** Expand tables the signature and params use, to import. */
  readonly expandTypes: readonly string[];
}

/**
 * An operation's signature without the transport: the standalone function's after its
 * `transport` parameter, and the client's method (client-file.ts) as it is.
 */
export interface OperationSignature {
  readonly typeParameters: readonly TypeParameter[];
  readonly parameters: readonly SignatureParameter[];
  readonly returnType: TypeNode;
  /** Runtime types the signature uses, to import. */
  readonly runtimeTypes: readonly string[];
  /** Expand tables the signature and params use, to import. */
  readonly expandTypes: readonly string[];
  /** For a list narrowed by expand paths: the transport call's own type arguments (page, item), before the cast. */
  readonly listTypeArguments?: readonly TypeNode[];
  /** The signatures callers see instead of this one, when there are several (`stream: true`). */
  readonly overloads?: readonly Pick<OperationSignature, 'parameters' | 'returnType'>[];
}

export function operationSignature(op: Operation, params: readonly Property[], ctx: TypeContext, emitPlan: EmitPlan): OperationSignature {
  const plan = emitPlan.expand;
  const table = plan?.operations.get(op.functionName)?.table;
  const paths = table === undefined ? undefined : { table, param: plan!.typeParameter };
  const errorType = emitPlan.errorTypeNames.get(op.functionName);
  const error = errorType === undefined ? [] : [named(errorType)];
  const result = resultOf(op, ctx, paths?.param, emitPlan.components, error);
  // An operation without parameters takes none: an empty params type would accept anything.
  const paramsType = paths ? generic(op.paramsTypeName, named(paths.param)) : named(op.paramsTypeName);
  const paramsArgument = params.length === 0 ? [] : [{ name: 'params', optional: !params.some((p) => p.required), type: paramsType }];
  const pathArgs = pathArguments(op, ctx, emitPlan.components);
  const overloads = result.streamed && streamFlag(params, emitPlan.components) ? streamOverloads(pathArgs, paramsArgument[0]!, result.streamed, error) : undefined;
  return {
    // `const` infers `['ownership']` as that tuple, not string[], with no `as const` at the call.
    // Each path is checked against the table, read a field at a time (see runtime/expand.ts).
    typeParameters: paths ? [{ name: paths.param, isConst: true, constraint: generic('CheckedExpand', named(paths.table), named(paths.param)), default: { kind: 'emptyTuple' } }] : [],
    parameters: [
      ...pathArgs,
      ...paramsArgument,
      { name: 'options', optional: true, type: named('RequestOptions') },
    ],
    returnType: result.type,
    runtimeTypes: paths ? [...result.runtimeTypes, 'CheckedExpand'] : result.runtimeTypes,
    expandTypes: paths ? [paths.table] : [],
    ...(result.listTypeArguments ? { listTypeArguments: result.listTypeArguments } : {}),
    ...(overloads ? { overloads } : {}),
  };
}

function operationStatements(op: Operation, params: readonly Property[], ctx: TypeContext, emitPlan: EmitPlan, security: ValueNode | undefined): EmittedOperation {
  const { expand: plan, components } = emitPlan;
  const errorType = emitPlan.errorTypeNames.get(op.functionName);
  const pathArgs = distinctArguments(op.parameters.path);
  const specName = specConstNameOf(op.functionName);
  const expand = plan?.operations.get(op.functionName);
  const signature = operationSignature(op, params, ctx, emitPlan);
  const pathMap: ValueNode = { kind: 'object', properties: pathArgs.map((a) => ({ key: objectKey(a.param.name), value: { kind: 'identifier', name: a.name } })) };
  const paramsInterface = () => {
    const declaration = {
      name: op.paramsTypeName,
      doc: docComment(`Parameters of \`${[...op.resource, op.methodName].join('.')}\`.`),
      members: params.map((p) => (p.name === op.requestBody?.param ? bodyMember(op.requestBody, p, ctx) : propertyMember(p, ctx))),
    };
    return interfaceDeclaration(expand && plan ? withTypedExpand(declaration, params, expand, plan.typeParameter) : declaration);
  };
  const paramsDeclarations = params.length === 0 ? [] : [paramsInterface()];
  const args = [specName, valueDoc(pathMap), params.length === 0 ? 'undefined' : 'params', 'options'];
  // A list call goes through the runtime's listCall, so a client without lists bundles no paging.
  // A list narrowed by expand paths is the same pages, seen through a conditional type tsc
  // cannot infer the call's type arguments from: the call names them and the result is cast.
  const callExpression = op.pagination
    ? callDoc('listCall', signature.listTypeArguments ?? [], ['transport', ...args])
    : callDoc('transport.request', [], args);
  const returned = signature.listTypeArguments ? [callExpression, ' as ', typeDoc(signature.returnType, 'bare')] : callExpression;
  const transport = { name: 'transport', type: named('Transport') };
  const statements = [
    ...paramsDeclarations,
    ...(errorType === undefined ? [] : [errorTypeDeclaration(op, errorType, ctx)]),
    // `as const` keeps every style a literal even under keys such as `constructor`, which
    // TypeScript would otherwise check against Object.prototype's member instead of the record.
    constDeclaration(specName, operationSpecLiteral(op, components, security), 'OperationSpec'),
    // Overloads (`stream: true`) carry the doc comment; the implementation's signature is hidden.
    ...(signature.overloads ?? []).map((o) =>
      overloadDeclaration({ name: op.functionName, doc: operationDoc(op), parameters: [transport, ...o.parameters], returnType: o.returnType }),
    ),
    functionDeclaration({
      name: op.functionName,
      doc: signature.overloads ? '' : operationDoc(op),
      typeParameters: signature.typeParameters,
      parameters: [transport, ...signature.parameters],
      returnType: signature.returnType,
      body: ['return ', returned, ';'],
    }),
  ];
  // The params interface's `expand` takes only `NothingToExpand[]` when the response has nothing to expand.
  const nothingToExpand = expand !== undefined && expand.table === undefined && params.length > 0;
  const paramsDefault = expand?.table !== undefined && params.length > 0;
  return {
    statements,
    signature,
    runtimeTypes: [...signature.runtimeTypes, ...(nothingToExpand ? ['NothingToExpand'] : []), ...(paramsDefault ? ['ExpandPathArray'] : [])],
    expandTypes: signature.expandTypes,
  };
}

/** An operation's doc comment, the same on its standalone function and on its client method. */
function operationDoc(op: Operation): string {
  return docBlock(docText(op.description ?? op.summary, `\`${op.method.toUpperCase()} ${op.path}\``) + (op.deprecated ? '\n@deprecated' : ''));
}

/**
 * The file's operations as the client's methods (`client.financialConnections.accounts`): each
 * the function's signature without the transport. client.ts's `Client` is made of these.
 */
function methodsInterface(name: string, file: ResourceFile, emitted: readonly EmittedOperation[]): Doc {
  const doc = docComment(`The methods of \`client.${file.resource.join('.')}\`: each operation with the client's transport bound.`);
  const members = file.operations.flatMap((op, i) => {
    const signature = emitted[i]!.signature;
    const doc = operationDoc(op);
    return (signature.overloads ?? [signature]).map((s) => methodSignature({ name: methodKey(op.methodName), doc, ...signature, ...s }));
  });
  return withComment(doc, ['export interface ', name, ' {', indent([hardline, join(hardline, members)]), hardline, '}']);
}

/**
 * Everything but path parameters, as one object (the path ids are positional arguments): the query
 * and header parameters, then the body's properties, or the body as one field (`body`, see
 * RequestBody.param) with `contentType` when the operation offers several media types.
 */
export function paramsProperties(components: ComponentIndex, op: Operation): Property[] {
  const fromParameter = (p: Parameter): Property => ({
    name: p.name,
    required: p.required,
    schema: p.description ? { ...p.schema, description: p.description } : p.schema,
  });
  const body = op.requestBody;
  const bodyProperties = !body ? [] : body.param === undefined ? (objectPropertiesOf(body.schema, components) ?? []) : [{ name: body.param, required: body.required, schema: body.schema }];
  const choice: Property[] = body?.alternatives
    ? [{ name: 'contentType', required: false, schema: { kind: 'enum', nullable: false, values: bodyContents(body).map((c) => c.mediaType), description: `The body's media type; default \`${body.mediaType}\`.` } }]
    : [];
  // Where a name appears twice, the first declaration wins: the runtime sends a name the spec lists
  // as a query parameter in the query (a body that shares one is a `body` field: no clash remains).
  const all = [...op.parameters.query.map(fromParameter), ...op.parameters.header.map(fromParameter), ...bodyProperties, ...choice];
  return all.filter((p, i) => all.findIndex((q) => q.name === p.name) === i);
}

/** The body's media types, the preferred one first. */
function bodyContents(body: RequestBody): readonly BodyContent[] {
  return [body, ...(body.alternatives ?? [])];
}

/** The `body` field: each media type's type (raw bytes, Blob, stream or text for a raw one), joined. */
function bodyMember(body: RequestBody, p: Property, ctx: TypeContext): Member {
  const types = bodyContents(body).map((c) => {
    if (c.kind !== 'raw') return typeNode(c.schema, ctx);
    ctx.onRuntimeType?.('RawBody');
    return named('RawBody');
  });
  const distinct = types.filter((t, i) => types.findIndex((u) => JSON.stringify(u) === JSON.stringify(t)) === i);
  // The property's own type is replaced: the components it names must not be imported (a raw body's
  // schema would be an unused import).
  return { ...propertyMember(p, { typeName: ctx.typeName }), type: unionOf(distinct) };
}

interface Result {
  readonly type: TypeNode;
  readonly runtimeTypes: readonly string[];
  /** An answer that is JSON or an event stream: the two data types. */
  readonly streamed?: { readonly answer: TypeNode; readonly events: TypeNode };
  /** For a list narrowed by expand paths: the call's own type arguments (page, item), before the cast. */
  readonly listTypeArguments?: readonly TypeNode[];
}

/** The function's return type; `paths` is the expand type parameter when the result narrows by it. */
function resultOf(op: Operation, ctx: TypeContext, paths: string | undefined, components: ComponentIndex, error: readonly TypeNode[]): Result {
  const kind = successKind(op, components);
  // An answer of any type without a schema is whatever arrives (JSON, text or a Blob).
  const none = kind === 'any' ? named('unknown') : named('void');
  const answer = kind === 'blob' ? named('Blob') : kind === 'text' ? named('string') : op.success.schema && op.method !== 'head' ? typeNode(op.success.schema, ctx) : none;
  // An event stream is read as its events arrive: their data, typed by the stream's schema.
  const eventSchema = op.success.eventSchema;
  const events = op.success.mediaType === EVENT_STREAM ? answer : eventSchema ? typeNode(eventSchema, ctx) : named('unknown');
  const data = !op.success.eventStream ? answer : op.success.mediaType === EVENT_STREAM ? generic('AsyncIterable', events) : unionOf([answer, generic('AsyncIterable', events)]);
  if (op.pagination) {
    const item = typeNode(op.pagination.item, ctx);
    if (paths === undefined) return { type: generic('ListPromise', data, item, ...error), runtimeTypes: ['ListPromise'] };
    const expanded = generic('ExpandedListPromise', data, item, generic('ExpandPaths', named(paths)), ...error);
    return { type: expanded, runtimeTypes: ['ExpandedListPromise', 'ExpandPaths'], listTypeArguments: [data, item] };
  }
  if (paths === undefined) {
    const streamed = op.success.eventStream && op.success.mediaType !== EVENT_STREAM ? { answer, events } : undefined;
    return { type: generic('ApiPromise', data, ...error), runtimeTypes: ['ApiPromise'], ...(streamed ? { streamed } : {}) };
  }
  return { type: generic('ApiPromise', generic('ExpandedBy', data, named(paths)), ...error), runtimeTypes: ['ApiPromise', 'ExpandedBy'] };
}

/** Is there a boolean `stream` param (OpenAI's): the caller says whether the answer streams. */
function streamFlag(params: readonly Property[], components: ComponentIndex): boolean {
  const flag = params.find((p) => p.name === 'stream');
  return flag !== undefined && shapeOf(flag.schema, components)?.kind === 'boolean';
}

/**
 * The three signatures of an operation that streams when asked, as OpenAI's SDK has them:
 * `stream: true` resolves to the events, `stream` false or absent to the JSON answer, and a
 * `boolean` known only at run time to either.
 */
function streamOverloads(pathArgs: readonly SignatureParameter[], params: SignatureParameter, streamed: NonNullable<Result['streamed']>, error: readonly TypeNode[]): OperationSignature['overloads'] {
  const options = { name: 'options', optional: true, type: named('RequestOptions') };
  const flag = (optional: boolean, type: string): TypeNode => ({ kind: 'intersection', types: [params.type, { kind: 'object', members: [{ key: 'stream', optional, type: named(type), doc: '' }] }] });
  const promise = (data: TypeNode) => generic('ApiPromise', data, ...error);
  return [
    { parameters: [...pathArgs, { ...params, optional: false, type: flag(false, 'true') }, options], returnType: promise(generic('AsyncIterable', streamed.events)) },
    { parameters: [...pathArgs, { ...params, type: flag(true, 'false | null') }, options], returnType: promise(streamed.answer) },
    { parameters: [...pathArgs, params, options], returnType: promise(unionOf([streamed.answer, generic('AsyncIterable', streamed.events)])) },
  ];
}

/** The error answers' statuses: exact codes (`404`), ranges (`4XX`), and `default` for every other. */
const EXACT_STATUS = /^[45]\d\d$/;
const STATUS_RANGE = /^[45]XX$/i;

const HUNDREDS = ['2', '3', '4', '5'];

/**
 * The statuses `declared` leaves, by hundreds (`StatusRange<2 | 3 | 5> | Exclude<StatusRange<4>,
 * 403 | 404>`): each `Exclude` then runs over one hundred literals, not over all four hundred.
 */
function statusesLeft(declared: readonly string[], ctx: TypeContext): TypeNode | undefined {
  const within = (h: string) => declared.filter((s) => s[0] === h);
  const whole = HUNDREDS.filter((h) => within(h).length === 0);
  if (whole.length === HUNDREDS.length) {
    ctx.onRuntimeType?.('HttpStatus');
    return named('HttpStatus');
  }
  ctx.onRuntimeType?.('StatusRange');
  const range = (hundreds: readonly string[]) => generic('StatusRange', unionOf(hundreds.map(named)));
  const parts = HUNDREDS.filter((h) => within(h).length > 0 && !within(h).some((s) => STATUS_RANGE.test(s))).map((h) => generic('Exclude', range([h]), unionOf(within(h).map(named))));
  const left = [...(whole.length > 0 ? [range(whole)] : []), ...parts];
  return left.length === 0 ? undefined : unionOf(left);
}

/** Does the operation declare an error answer with a body to type (else its error type is plain ApiError)? */
export function hasErrorTypes(op: Operation): boolean {
  const declared = (r: Response) => EXACT_STATUS.test(r.status) || STATUS_RANGE.test(r.status) || r.status === 'default';
  return op.errors.some((r) => declared(r) && errorBodyKind(r) !== undefined);
}

/**
 * How an error answer's body is typed, as the runtime reads it (JSON, else the text): by the
 * declared schema for a JSON (or wildcard) media type, as text for `text/*`; undefined when the
 * spec declares neither (the body is then `unknown`).
 */
function errorBodyKind(r: Response): 'schema' | 'text' | undefined {
  const type = r.mediaType?.toLowerCase() ?? '';
  if (type.startsWith('text/') && !/json/.test(type)) return 'text';
  return r.schema && (/json/.test(type) || type.includes('*')) ? 'schema' : undefined;
}

function errorBodyOf(r: Response, ctx: TypeContext): TypeNode {
  const kind = errorBodyKind(r);
  return kind === 'text' ? named('string') : kind === 'schema' ? typeNode(r.schema!, ctx) : named('unknown');
}

/**
 * The operation's error type: a union discriminated on `status`, one `ErrorAnswer` per body the
 * spec declares (the codes that share one together; a range less its exact codes; `default` as
 * every status left), then the rest (any other status, or none: a connection that failed) with an
 * unknown body. Checking `status` narrows `body`; the statuses are literals for that. The types
 * trust the spec, as a success's do: a body that breaks it (an HTML page from a proxy, a body
 * over maxResponseBytes) is still on the error as it came (text, or undefined).
 */
function errorTypeDeclaration(op: Operation, name: string, ctx: TypeContext): Doc {
  // Kept to one line each: Stripe's whole spec has 468 of them.
  const doc = docComment(`How \`${[...op.resource, op.methodName].join('.')}\` fails, by \`status\` (\`isApiError\` narrows to it).`);
  const exact = op.errors.filter((r) => EXACT_STATUS.test(r.status));
  const ranges = op.errors.filter((r) => STATUS_RANGE.test(r.status));
  const fallback = op.errors.find((r) => r.status === 'default');
  if (exact.length === 0 && ranges.length === 0 && fallback) {
    ctx.onRuntimeType?.('DefaultErrorAnswer');
    return typeAliasDeclaration(name, doc, generic('DefaultErrorAnswer', errorBodyOf(fallback, ctx)));
  }
  ctx.onRuntimeType?.('ErrorAnswer');
  const byBody = new Map<string, { statuses: string[]; body: TypeNode }>();
  for (const r of exact) {
    const body = errorBodyOf(r, ctx);
    const key = JSON.stringify(body);
    byBody.set(key, { statuses: [...(byBody.get(key)?.statuses ?? []), r.status], body });
  }
  const members = [...byBody.values()].map(({ statuses, body }) => generic('ErrorAnswer', unionOf(statuses.map(named)), body));
  for (const r of ranges) {
    ctx.onRuntimeType?.('StatusRange');
    const hundred = generic('StatusRange', named(r.status[0]!));
    const within = exact.filter((e) => e.status[0] === r.status[0]).map((e) => named(e.status));
    members.push(generic('ErrorAnswer', within.length === 0 ? hundred : generic('Exclude', hundred, unionOf(within)), errorBodyOf(r, ctx)));
  }
  // `default` is every status the operation does not list (OpenAPI 3.1, 4.8.16.1); without it
  // their bodies are unknown. A failure without an answer (a ConnectionError) has no status.
  const others = statusesLeft([...exact, ...ranges].map((r) => r.status), ctx);
  if (fallback && others) members.push(generic('ErrorAnswer', others, errorBodyOf(fallback, ctx)));
  const rest = fallback || !others ? named('undefined') : unionOf([others, named('undefined')]);
  members.push(generic('ErrorAnswer', rest, named('unknown')));
  return typeAliasDeclaration(name, doc, unionOf(members));
}

/** The runtime's query encoders (query-encode.ts) by OpenAPI style; `form` is `formQuery` or, without explode, `formFlatQuery`. */
const QUERY_ENCODERS: Record<string, string> = { deepObject: 'deepObjectQuery', spaceDelimited: 'spaceDelimitedQuery', pipeDelimited: 'pipeDelimitedQuery' };

function queryEncoderOf(p: { readonly style: string; readonly explode: boolean }): string {
  return Object.hasOwn(QUERY_ENCODERS, p.style) ? QUERY_ENCODERS[p.style]! : p.explode ? 'formQuery' : 'formFlatQuery';
}
/** The runtime's body encodings (body.ts) by kind; a profile's bracket notation (Stripe's) has its own. */
function bodyEncodingOf(body: BodyContent, brackets: boolean): string {
  switch (body.kind) {
    case 'json':
      return 'jsonBody';
    case 'form':
      return brackets ? 'bracketFormBody' : 'formBody';
    case 'multipart':
      return brackets ? 'bracketMultipartBody' : 'multipartBody';
    case 'raw':
      return 'rawBody';
  }
}

/** The media type to send, when it is not the encoding's own (`application/vnd.github+json`, `text/plain`). */
function ownMediaType(body: BodyContent): string | undefined {
  return (body.kind === 'json' && body.mediaType !== 'application/json') || body.kind === 'raw' ? body.mediaType : undefined;
}

/** Form properties the spec's `encoding` gives a style other than OpenAPI's default (form, exploded), with their query encoders. */
function formFieldsOf(body: RequestBody): [string, string][] {
  const form = body.brackets ? undefined : bodyContents(body).find((c) => c.kind === 'form');
  return Object.entries(form?.encoding ?? {})
    .filter(([, e]) => e.style !== 'form' || !e.explode)
    .map(([name, e]) => [name, queryEncoderOf(e)]);
}

/** The runtime's readers (response.ts) of success bodies that are not JSON. */
const RESPONSE_READERS = { text: 'textResponse', blob: 'blobResponse', any: 'anyResponse' } as const;

const EVENT_STREAM = 'text/event-stream';

/** The runtime constants an operation's spec names: its query encoders, body encoding, response reader. */
function runtimeValuesOf(op: Operation, components: ComponentIndex): string[] {
  const response = successKind(op, components);
  const body = op.requestBody;
  return [
    ...op.parameters.query.map(queryEncoderOf),
    ...(body ? bodyContents(body).map((c) => bodyEncodingOf(c, body.brackets === true)) : []),
    ...(body ? formFieldsOf(body).map(([, encoder]) => encoder) : []),
    ...(response === 'json' ? [] : [RESPONSE_READERS[response]]),
    ...(op.success.eventStream ? ['eventStream'] : []),
    ...(op.pagination ? ['listCall'] : []),
    ...(op.pagination && !isStripeList(op.pagination) ? [PAGERS[op.pagination.style]] : []),
  ];
}

/** Header parameters that carry an idempotency key (`Idempotency-Key`, `X-Idempotency-Key`). */
const IDEMPOTENCY_HEADER = /^(x-)?idempotency-key$/i;

/** The runtime's pagers (pagination.ts) by paging style. */
const PAGERS: Record<PagingStyle, string> = {
  'item-id': 'itemIdCursor',
  cursor: 'tokenCursor',
  'next-url': 'nextUrl',
  link: 'linkHeader',
  offset: 'offsetPaging',
  page: 'pageNumber',
};

/** Stripe's lists page as the runtime does by default (`STRIPE_LIST`): their specs name no paging. */
function isStripeList(p: Pagination): boolean {
  return p.style === 'item-id' && p.items === 'data' && p.more === 'has_more';
}

/** A string in the JavaScript the emitters write. */
const string = (value: string): ValueNode => ({ kind: 'string', value });

/** The OperationSpec's `paging`: the pager, then the places it reads, as the IR names them. */
function pagingLiteral(p: Pagination): ValueNode {
  const places = (['items', 'field', 'param', 'size', 'more', 'total'] as const).flatMap((key): ValueProperty[] => {
    const value = p[key];
    return value === undefined ? [] : [{ key, value: string(value) }];
  });
  return { kind: 'object', properties: [{ key: 'next', value: { kind: 'identifier', name: PAGERS[p.style] } }, ...places] };
}

/**
 * The OperationSpec literal: method, path template, its own security (`security`, when not the
 * document's), query encoders, header names, body encoding, response reader.
 */
export function operationSpecLiteral(op: Operation, components: ComponentIndex, security?: ValueNode): ValueNode {
  const fields: ValueProperty[] = [
    { key: 'method', value: string(op.method.toUpperCase()) },
    { key: 'path', value: string(op.path) },
  ];
  if (op.server !== undefined) fields.push({ key: 'server', value: string(op.server) });
  if (security) fields.push({ key: 'security', value: security });
  if (op.parameters.query.length > 0) {
    const encoders = op.parameters.query.map((p): ValueProperty => ({ key: objectKey(p.name), value: { kind: 'identifier', name: queryEncoderOf(p) } }));
    fields.push({ key: 'query', value: { kind: 'object', properties: encoders } });
  }
  if (op.parameters.header.length > 0) fields.push({ key: 'headers', value: { kind: 'array', items: op.parameters.header.map((p) => string(p.name)) } });
  // A declared idempotency key: the runtime makes one when the caller gives none, and may then retry.
  const idempotency = op.parameters.header.find((p) => IDEMPOTENCY_HEADER.test(p.name));
  if (idempotency) fields.push({ key: 'idempotencyHeader', value: string(idempotency.name) });
  const body = op.requestBody;
  if (body) {
    const encoding = (c: BodyContent): ValueNode => ({ kind: 'identifier', name: bodyEncodingOf(c, body.brackets === true) });
    fields.push({ key: 'body', value: encoding(body) });
    const mediaType = ownMediaType(body);
    if (mediaType !== undefined) fields.push({ key: 'mediaType', value: string(mediaType) });
    if (body.param !== undefined) fields.push({ key: 'bodyParam', value: string(body.param) });
    // Stripe's bracket encodings send an empty form anyway.
    if (body.required && !body.brackets) fields.push({ key: 'bodyRequired', value: { kind: 'identifier', name: 'true' } });
    if (body.alternatives) {
      const bodies = bodyContents(body).map((c): ValueProperty => ({ key: objectKey(c.mediaType), value: encoding(c) }));
      fields.push({ key: 'bodies', value: { kind: 'object', properties: bodies } });
    }
    const formFields = formFieldsOf(body);
    if (formFields.length > 0) {
      const encoders = formFields.map(([name, encoder]): ValueProperty => ({ key: objectKey(name), value: { kind: 'identifier', name: encoder } }));
      fields.push({ key: 'fields', value: { kind: 'object', properties: encoders } });
    }
  }
  if (op.pagination && !isStripeList(op.pagination)) fields.push({ key: 'paging', value: pagingLiteral(op.pagination) });
  const response = successKind(op, components);
  if (response !== 'json') fields.push({ key: 'response', value: { kind: 'identifier', name: RESPONSE_READERS[response] } });
  // A server may refuse `Accept: application/json` for an answer it declares as another JSON type or a stream.
  const accept = op.method === 'head' ? undefined : op.success.mediaType;
  if (response === 'json' && accept !== undefined && accept.split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    fields.push({ key: 'accept', value: string(accept) });
  }
  if (op.success.eventStream) fields.push({ key: 'events', value: { kind: 'identifier', name: 'eventStream' } });
  return { kind: 'object', properties: fields };
}

/** How the runtime reads a success body (OperationSpec's `response`); `any` by its actual Content-Type. */
type AnswerKind = 'json' | 'text' | 'blob' | 'any';

/**
 * How the runtime reads the operation's success body: a file (`format: binary`) or a redirect's
 * target (a download) is a Blob whatever the media type says.
 */
function successKind(op: Operation, components: ComponentIndex): AnswerKind {
  // A HEAD answer has no body: nothing to read; an event stream is read by `events`, its data as JSON.
  if (op.method === 'head' || op.success.mediaType === EVENT_STREAM) return 'json';
  if (/^3/.test(op.success.status)) return 'blob';
  const answer = shapeOf(op.success.schema, components);
  return answer?.kind === 'string' && answer.format === 'binary' ? 'blob' : responseKind(op.success.mediaType, answer?.kind);
}

/**
 * How the runtime reads a success body of this media type (OperationSpec's `response`): JSON
 * (also when there is none), text for `text/*` and textual application types; for a wildcard
 * type (`*\/*`), JSON when the schema is structured, else by the answer's own type; else a Blob.
 */
export function responseKind(mediaType: string | undefined, shape?: Schema['kind']): AnswerKind {
  const type = (mediaType ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  if (/[/+]json$/.test(type) || type === 'application/json') return 'json';
  if (type.includes('*')) return shape === undefined || shape === 'string' || shape === 'unknown' ? 'any' : 'json';
  if (type.startsWith('text/') || /^application\/(xml|[\w.-]+\+xml|javascript|x-www-form-urlencoded|x-yaml|yaml|x-ndjson)$/.test(type)) return 'text';
  return 'blob';
}

/** A method's name in an interface: `new(…)` there would declare a construct signature, so it is quoted. */
function methodKey(name: string): string {
  return name === 'new' ? stringLiteral(name) : name;
}

/** A key in an object literal the runtime reads: `__proto__` must be computed, or it sets the prototype. */
function objectKey(name: string): string {
  return name === '__proto__' ? `[${stringLiteral(name)}]` : propertyKey(name);
}

/**
 * The path parameters as positional arguments: a number where the spec says integer or number
 * (`droplets.retrieve(droplet.id)`), its literals for an enum, else a string. The runtime writes
 * each into the path as text.
 */
function pathArguments(op: Operation, ctx: TypeContext, components: ComponentIndex): SignatureParameter[] {
  return distinctArguments(op.parameters.path).map(({ name, param }) => {
    const shape = shapeOf(param.schema, components);
    const type = shape?.kind === 'integer' || shape?.kind === 'number' ? named('number') : shape?.kind === 'enum' && shape.values.every((v) => typeof v !== 'boolean') && shape.values.length > 0 ? typeNode(param.schema, ctx) : named('string');
    return { name, type };
  });
}

/** Argument names for the path parameters, made distinct (`{id}` and `{Id}` both read `id`). */
function distinctArguments(parameters: readonly Parameter[]): { name: string; param: Parameter }[] {
  const names = argumentNamesOf(parameters.map((p) => p.name));
  return parameters.map((param, i) => ({ name: names[i]!, param }));
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
