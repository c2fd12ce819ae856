// What every emitted file needs to know about the others, computed once per run: which files
// there are, each component's type name, each operation's params object and how `expand` is typed.
// `emitFiles` builds it and hands it to every emitter, which then only reads it.
import type { ApiModel, Operation, Property } from '../model/ir.js';
import { componentIndex, type ComponentIndex } from '../model/lookup.js';
import { errorTypeNameOf, methodsTypeNameOf } from '../naming/generated-names.js';
import { expandPlanOf, type ExpandPlan } from './expand-types.js';
import { hasErrorTypes, paramsProperties, resourceFilesOf, type ResourceFile } from './resource-files.js';
import { schemaFilesOf, type SchemaFile } from './schemas-file.js';

export interface EmitPlan {
  readonly model: ApiModel;
  readonly resources: readonly ResourceFile[];
  /** The component schemas by name, to resolve a `$ref`. */
  readonly components: ComponentIndex;
  readonly schemaFiles: readonly SchemaFile[];
  /** The exported type name of each component schema, by schema name. */
  readonly typeNames: ReadonlyMap<string, string>;
  /** Each operation's params object (query, header and body properties), by function name. */
  readonly params: ReadonlyMap<string, readonly Property[]>;
  /** How `expand` is typed; undefined when it is not (`expandTypes: false`). */
  readonly expand: ExpandPlan | undefined;
  /** The interface of each resource file's client methods, by file path (`Client` is made of them). */
  readonly methodsTypeNames: ReadonlyMap<string, string>;
  /** The error type of each operation that declares error answers, by function name. */
  readonly errorTypeNames: ReadonlyMap<string, string>;
}

export interface EmitPlanOptions {
  /**
   * Type `expand` by the response's paths and narrow results to what was expanded (the default).
   * `false` keeps `expand?: string[]` and `string | T` fields: the baseline scripts/bench-types.ts
   * measures the narrowing against.
   */
  readonly expandTypes?: boolean;
}

export function emitPlanOf(model: ApiModel, options: EmitPlanOptions = {}): EmitPlan {
  const resources = resourceFilesOf(model);
  const components = componentIndex(model.schemas);
  const params = new Map(model.operations.map((op) => [op.functionName, paramsProperties(components, op)]));
  const paramsOf = (op: Operation) => params.get(op.functionName)!;
  const expand = options.expandTypes === false ? undefined : expandPlanOf(model, { files: resources, paramsOf });
  // Every resource file's exports meet in index.ts: these names keep apart from all the others.
  const taken = new Set([
    ...model.schemas.map((s) => s.typeName),
    ...model.operations.flatMap((op) => [op.paramsTypeName, op.functionName]),
    ...(expand ? [...expand.declarations.keys(), expand.typeParameter] : []),
  ]);
  const methodsTypeNames = new Map(resources.map((r) => [r.path, methodsTypeNameOf(r.resource, taken)]));
  const failing = model.operations.filter(hasErrorTypes);
  return {
    model,
    resources,
    components,
    schemaFiles: schemaFilesOf(model),
    typeNames: new Map(model.schemas.map((s) => [s.name, s.typeName])),
    params,
    expand,
    methodsTypeNames,
    errorTypeNames: new Map(failing.map((op) => [op.functionName, errorTypeNameOf(op.paramsTypeName, taken)])),
  };
}
