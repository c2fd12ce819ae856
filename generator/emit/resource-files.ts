// One file per client resource (e.g. `resources/financial-connections/accounts.ts`): each
// operation's params type, its OperationSpec (data for the runtime) and a thin standalone
// function that tree-shakes on its own.
import { StructureKind, type StatementStructures } from 'ts-morph';
import type { ApiModel, Operation, Parameter, Property, Schema } from '../model/ir.js';
import { camelCase } from '../model/names.js';
import { docsOf, interfaceOf, schemaTypeContext } from './schemas-file.js';
import { printStatements } from './ts-project.js';
import { docText } from './tsdoc.js';
import { literal, typeExpression, type TypeContext } from './type-expression.js';

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
    return { path: `resources/${resource.map(kebabCase).join('/')}.ts`, resource, operations };
  });
}

export function emitResourceFile(model: ApiModel, file: ResourceFile): string {
  const referenced = new Set<string>();
  const base = schemaTypeContext(model);
  const ctx: TypeContext = { typeName: base.typeName, onReference: (name) => referenced.add(name) };
  const body: (string | StatementStructures)[] = file.operations.flatMap((op) => operationStatements(model, op, ctx));
  const up = '../'.repeat(file.path.split('/').length - 1);
  const schemaImports = [...referenced].map(base.typeName).sort();
  const used = { ApiPromise: file.operations.some((op) => !op.pagination), ListPromise: file.operations.some((op) => op.pagination) };
  const runtimeImports = ['ApiPromise', 'ListPromise', 'OperationSpec', 'RequestOptions', 'Transport'].filter(
    (name) => used[name as keyof typeof used] ?? true,
  );
  const imports = [
    `import type { ${runtimeImports.join(', ')} } from '${up}runtime/index.js';`,
    ...(schemaImports.length > 0 ? [`import type { ${schemaImports.join(', ')} } from '${up}schemas.js';`] : []),
  ];
  return printStatements(file.path, [imports.join('\n'), ...body]);
}

function operationStatements(model: ApiModel, op: Operation, ctx: TypeContext): (string | StatementStructures)[] {
  const params = paramsProperties(model, op);
  const paramsRequired = params.some((p) => p.required);
  const pathArgs = op.parameters.path.map((p) => ({ name: argumentName(p.name), param: p }));
  const specName = `${op.functionName}Spec`;
  const returnType = returnTypeOf(op, ctx);
  const call = op.pagination ? 'list' : 'request';
  const pathMap = pathArgs.map((a) => (a.name === a.param.name ? a.name : `${literal(a.param.name)}: ${a.name}`)).join(', ');
  const paramsDeclarations = params.length === 0 ? [] : [
    interfaceOf(
      op.paramsTypeName,
      { kind: 'object', nullable: false, properties: params, additionalProperties: false, expandableFields: [] },
      docsOf(`Parameters of \`${[...op.resource, op.methodName].join('.')}\`.`),
      ctx,
    ),
  ];
  // An operation without parameters takes none: an empty params type would accept anything.
  const paramsArgument = params.length === 0 ? [] : [{ name: 'params', type: op.paramsTypeName, hasQuestionToken: !paramsRequired }];
  return [
    ...paramsDeclarations,
    `const ${specName}: OperationSpec = ${operationSpecLiteral(op)};`,
    {
      kind: StructureKind.Function,
      name: op.functionName,
      isExported: true,
      docs: docsOf(docText(op.description ?? op.summary, `\`${op.method.toUpperCase()} ${op.path}\``) + (op.deprecated ? '\n@deprecated' : '')),
      parameters: [
        { name: 'transport', type: 'Transport' },
        ...pathArgs.map((a) => ({ name: a.name, type: 'string' })),
        ...paramsArgument,
        { name: 'options', type: 'RequestOptions', hasQuestionToken: true },
      ],
      returnType,
      statements: `return transport.${call}(${specName}, { ${pathMap} }, ${params.length === 0 ? 'undefined' : 'params'}, options);`,
    },
  ];
}

/** Everything but path parameters, as one object (the path ids are positional arguments). */
function paramsProperties(model: ApiModel, op: Operation): Property[] {
  const fromParameter = (p: Parameter): Property => ({
    name: p.name,
    required: p.required,
    schema: p.description ? { ...p.schema, description: p.description } : p.schema,
  });
  const bodySchema = resolved(model, op.requestBody?.schema);
  const bodyProperties = bodySchema?.kind === 'object' ? bodySchema.properties : [];
  return [...op.parameters.query.map(fromParameter), ...op.parameters.header.map(fromParameter), ...bodyProperties];
}

function resolved(model: ApiModel, schema: Schema | undefined): Schema | undefined {
  if (schema?.kind !== 'ref') return schema;
  return model.schemas.find((s) => s.name === schema.target)?.schema;
}

function returnTypeOf(op: Operation, ctx: TypeContext): string {
  const data = op.success.schema ? typeExpression(op.success.schema, ctx) : 'void';
  if (!op.pagination) return `ApiPromise<${data}>`;
  return `ListPromise<${data}, ${typeExpression(op.pagination.item, ctx)}>`;
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
  if (op.parameters.query.length > 0) {
    const styles = op.parameters.query.map((p) => {
      const style = QUERY_STYLES[p.style] ?? (p.explode ? 'form' : 'form-flat');
      return `${literal(p.name)}: ${literal(style)}`;
    });
    fields.push(`query: { ${styles.join(', ')} }`);
  }
  if (op.parameters.header.length > 0) fields.push(`headers: [${op.parameters.header.map((p) => literal(p.name)).join(', ')}]`);
  if (op.requestBody) fields.push(`body: ${literal(BODY_KINDS[op.requestBody.mediaType] ?? 'json')}`);
  return `{ ${fields.join(', ')} }`;
}

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await transport params options'.split(' '),
);

/** A path parameter's argument name: a camelCase identifier that is not a keyword or taken. */
export function argumentName(name: string): string {
  let id = camelCase(name) || 'id';
  if (/^[0-9]/.test(id)) id = '_' + id;
  return RESERVED.has(id) ? id + '_' : id;
}

export function kebabCase(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
