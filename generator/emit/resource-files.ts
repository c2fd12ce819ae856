// One file per client resource (e.g. `resources/financial-connections/accounts.ts`): each
// operation's params type, its OperationSpec (data for the runtime) and a thin standalone
// function that tree-shakes on its own. Operations with an `expand` array are generic in it (see
// expand-types.ts): the accepted paths are typed and the result shows what was expanded.
import { StructureKind, type StatementStructures } from 'ts-morph';
import type { ApiModel, Operation, Parameter, Property } from '../model/ir.js';
import { componentIndex, shapeOf, type ComponentIndex } from '../model/lookup.js';
import { argumentNamesOf, resourceFilePathOf, specConstNameOf } from '../naming/generated-names.js';
import { ownPathTypes, pathTypeImports, withTypedExpand } from './expand-declarations.js';
import { expandPlanOf, type ExpandPlan } from './expand-types.js';
import { docsOf, interfaceOf, schemaTypeContext } from './schemas-file.js';
import { printStatements } from './ts-project.js';
import { docText } from './tsdoc.js';
import { literal, propertyKey, typeExpression, type TypeContext } from './type-expression.js';

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

export interface ResourceEmitOptions {
  /**
   * Type `expand` by the response's paths and narrow results to what was expanded (the default).
   * `false` keeps `expand?: string[]` and `string | T` fields: the baseline scripts/bench-types.ts
   * measures the narrowing against.
   */
  readonly expandTypes?: boolean;
}

export function emitResourceFile(model: ApiModel, file: ResourceFile, options: ResourceEmitOptions = {}): string {
  const referenced = new Set<string>();
  const components = componentIndex(model.schemas);
  const base = schemaTypeContext(model);
  const runtimeTypes = new Set<string>();
  const ctx: TypeContext = { typeName: base.typeName, onReference: (name) => referenced.add(name), onRuntimeType: (name) => runtimeTypes.add(name) };
  const plan = options.expandTypes === false ? undefined : expandPlanOf(model, { files: resourceFilesOf(model), paramsOf: (op) => paramsProperties(components, op) });
  const emitted = file.operations.map((op) => operationStatements(components, op, ctx, plan));
  const body = [...(plan ? ownPathTypes(plan, file.path) : []), ...emitted.flatMap((e) => e.statements)];
  const up = '../'.repeat(file.path.split('/').length - 1);
  const schemaImports = [...referenced].map(base.typeName).sort();
  const used = new Set([...runtimeTypes, ...emitted.flatMap((e) => e.runtimeTypes)]);
  const runtimeImports = [...used, 'OperationSpec', 'RequestOptions', 'Transport'].sort(byCodeUnit);
  const imports = [
    `import type { ${runtimeImports.join(', ')} } from '${up}runtime/index.js';`,
    ...(schemaImports.length > 0 ? [`import type { ${schemaImports.join(', ')} } from '${up}schemas.js';`] : []),
    ...(plan ? pathTypeImports(plan, file.path, emitted.flatMap((e) => e.pathTypes)) : []),
  ];
  return printStatements(file.path, [imports.join('\n'), ...body]);
}

interface EmittedOperation {
  readonly statements: (string | StatementStructures)[];
  /** Runtime types the signature uses, to import. */
  readonly runtimeTypes: readonly string[];
  /** Expand path unions the signature uses, to declare or import. */
  readonly pathTypes: readonly string[];
}

function operationStatements(components: ComponentIndex, op: Operation, ctx: TypeContext, plan: ExpandPlan | undefined): EmittedOperation {
  const params = paramsProperties(components, op);
  const paramsRequired = params.some((p) => p.required);
  const pathArgs = distinctArguments(op.parameters.path);
  const specName = specConstNameOf(op.functionName);
  const expand = plan?.operations.get(op.functionName);
  const paths = expand?.pathType === undefined ? undefined : { type: expand.pathType, param: plan!.typeParameter };
  const result = resultOf(op, ctx, paths?.param);
  const call = op.pagination ? 'list' : 'request';
  const pathMap = pathArgs.map((a) => (a.name === a.param.name ? a.name : `${objectKey(a.param.name)}: ${a.name}`)).join(', ');
  const paramsInterface = () => {
    const declaration = interfaceOf(
      op.paramsTypeName,
      { kind: 'object', nullable: false, properties: params, additionalProperties: false, expandableFields: [] },
      docsOf(`Parameters of \`${[...op.resource, op.methodName].join('.')}\`.`),
      ctx,
    );
    return expand && plan ? withTypedExpand(declaration, params, expand, plan.typeParameter) : declaration;
  };
  const paramsDeclarations = params.length === 0 ? [] : [paramsInterface()];
  // An operation without parameters takes none: an empty params type would accept anything.
  const paramsType = paths ? `${op.paramsTypeName}<${paths.param}>` : op.paramsTypeName;
  const paramsArgument = params.length === 0 ? [] : [{ name: 'params', type: paramsType, hasQuestionToken: !paramsRequired }];
  const callText = `transport.${call}(${specName}, { ${pathMap} }, ${params.length === 0 ? 'undefined' : 'params'}, options)`;
  const statements: (string | StatementStructures)[] = [
    ...paramsDeclarations,
    // `as const` keeps every style a literal even under keys such as `constructor`, which
    // TypeScript would otherwise check against Object.prototype's member instead of the record.
    `const ${specName} = ${operationSpecLiteral(op)} as const satisfies OperationSpec;`,
    {
      kind: StructureKind.Function,
      name: op.functionName,
      isExported: true,
      docs: docsOf(docText(op.description ?? op.summary, `\`${op.method.toUpperCase()} ${op.path}\``) + (op.deprecated ? '\n@deprecated' : '')),
      // `const` infers `['ownership']` as that tuple, not string[], with no `as const` at the call.
      typeParameters: paths ? [{ name: paths.param, isConst: true, constraint: `readonly ${paths.type}[]`, default: '[]' }] : [],
      parameters: [
        { name: 'transport', type: 'Transport' },
        ...pathArgs.map((a) => ({ name: a.name, type: 'string' })),
        ...paramsArgument,
        { name: 'options', type: 'RequestOptions', hasQuestionToken: true },
      ],
      returnType: result.type,
      // A list narrowed by expand paths is the same pages, seen through a conditional type tsc
      // cannot infer the call's type arguments from: the call names them and the result is cast.
      statements: `return ${result.listTypeArguments ? `${callText.replace('(', `<${result.listTypeArguments}>(`)} as ${result.type}` : callText};`,
    },
  ];
  const nothingToExpand = expand !== undefined && expand.pathType === undefined && params.length > 0;
  return {
    statements,
    runtimeTypes: [...result.runtimeTypes, ...(nothingToExpand ? ['NothingToExpand'] : [])],
    pathTypes: paths ? [paths.type] : [],
  };
}

/** Everything but path parameters, as one object (the path ids are positional arguments). */
function paramsProperties(components: ComponentIndex, op: Operation): Property[] {
  const fromParameter = (p: Parameter): Property => ({
    name: p.name,
    required: p.required,
    schema: p.description ? { ...p.schema, description: p.description } : p.schema,
  });
  const bodySchema = shapeOf(op.requestBody?.schema, components);
  const bodyProperties = bodySchema?.kind === 'object' ? bodySchema.properties : [];
  // One object carries them all, so a name can appear once: the runtime sends a name the spec
  // lists as a query parameter in the query, so the query's (then the header's) declaration wins.
  const all = [...op.parameters.query.map(fromParameter), ...op.parameters.header.map(fromParameter), ...bodyProperties];
  return all.filter((p, i) => all.findIndex((q) => q.name === p.name) === i);
}

interface Result {
  readonly type: string;
  readonly runtimeTypes: readonly string[];
  /** For a list narrowed by expand paths: the call's own type arguments (page, item), before the cast. */
  readonly listTypeArguments?: string;
}

/** The function's return type; `paths` is the expand type parameter when the result narrows by it. */
function resultOf(op: Operation, ctx: TypeContext, paths: string | undefined): Result {
  const data = op.success.schema ? typeExpression(op.success.schema, ctx) : 'void';
  if (op.pagination) {
    const item = typeExpression(op.pagination.item, ctx);
    if (paths === undefined) return { type: `ListPromise<${data}, ${item}>`, runtimeTypes: ['ListPromise'] };
    return { type: `ExpandedListPromise<${data}, ${item}, ExpandPaths<${paths}>>`, runtimeTypes: ['ExpandedListPromise', 'ExpandPaths'], listTypeArguments: `${data}, ${item}` };
  }
  if (paths === undefined) return { type: `ApiPromise<${data}>`, runtimeTypes: ['ApiPromise'] };
  return { type: `ApiPromise<Expand<${data}, ExpandPaths<${paths}>>>`, runtimeTypes: ['ApiPromise', 'Expand', 'ExpandPaths'] };
}

const QUERY_STYLES: Record<string, string> = { deepObject: 'deepObject', spaceDelimited: 'spaceDelimited', pipeDelimited: 'pipeDelimited' };
const BODY_KINDS: Record<string, string> = {
  'application/x-www-form-urlencoded': 'form',
  'application/json': 'json',
  'multipart/form-data': 'multipart',
};

/** The OperationSpec literal: method, path template, query styles, header names, body kind. */
export function operationSpecLiteral(op: Operation): string {
  const fields = [`method: ${literal(op.method.toUpperCase())}`, `path: ${literal(op.path)}`];
  if (op.server !== undefined) fields.push(`server: ${literal(op.server)}`);
  if (op.parameters.query.length > 0) {
    const styles = op.parameters.query.map((p) => {
      const style = Object.hasOwn(QUERY_STYLES, p.style) ? QUERY_STYLES[p.style]! : p.explode ? 'form' : 'form-flat';
      return `${objectKey(p.name)}: ${literal(style)}`;
    });
    fields.push(`query: { ${styles.join(', ')} }`);
  }
  if (op.parameters.header.length > 0) fields.push(`headers: [${op.parameters.header.map((p) => literal(p.name)).join(', ')}]`);
  if (op.requestBody) {
    const kind = Object.hasOwn(BODY_KINDS, op.requestBody.mediaType) ? BODY_KINDS[op.requestBody.mediaType]! : 'json';
    fields.push(`body: ${literal(kind)}`);
  }
  if (op.pagination?.next === 'page') fields.push(`paging: 'page'`);
  // A file answer (`format: binary`, typed Blob) is read as bytes, not parsed as JSON.
  const answer = op.success.schema;
  if (answer?.kind === 'string' && answer.format === 'binary') fields.push(`response: 'binary'`);
  return `{ ${fields.join(', ')} }`;
}

/** A key in an object literal the runtime reads: `__proto__` must be computed, or it sets the prototype. */
function objectKey(name: string): string {
  return name === '__proto__' ? `[${literal(name)}]` : propertyKey(name);
}

/** Argument names for the path parameters, made distinct (`{id}` and `{Id}` both read `id`). */
function distinctArguments(parameters: readonly Parameter[]): { name: string; param: Parameter }[] {
  const names = argumentNamesOf(parameters.map((p) => p.name));
  return parameters.map((param, i) => ({ name: names[i]!, param }));
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
