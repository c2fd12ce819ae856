// How each operation's `expand` parameter and result are typed. An operation whose params have an
// `expand` array of strings gets a `const` type parameter constrained to its response's expand
// paths (a string-literal union, e.g. `FinancialConnectionsAccountExpandPath`, see
// expand-paths.ts), and a result type that shows those paths expanded (`Expand` and
// `ExpandedListPromise` in runtime/expand.ts). The unions are precomputed here rather than
// derived by the type checker from the schema types: a lookup in a literal union is the cheapest
// check tsc can make, the spec's `x-expandableFields` reach no generated type, and the unions stay
// readable in the generated code and in error messages.
import type { ApiModel, Operation, Property } from '../model/ir.js';
import { freeName } from '../naming/identifiers.js';
import { pathAliases, type PathAlias } from './expand-paths.js';

export interface ExpandPlan {
  /** By operation function name; operations without an `expand` array are absent. */
  readonly operations: ReadonlyMap<string, OperationExpand>;
  /** Each path union by its type name, with the resource file that declares it. */
  readonly pathTypes: ReadonlyMap<string, PathType>;
  /**
   * The unions each resource file declares, in declaration order, by file path: a file asks for
   * its own instead of filtering every union, so what it reads of the plan is what it prints.
   */
  readonly declaredIn: ReadonlyMap<string, readonly PathType[]>;
  /** The operation functions' type parameter: `E`, unless a generated type already has that name. */
  readonly typeParameter: string;
}

export interface OperationExpand {
  /** The union of accepted paths; undefined when the response has nothing to expand. */
  readonly pathType: string | undefined;
}

export interface PathType extends PathAlias {
  /** Path of the resource file that declares it (the first to need it); the others import it. */
  readonly file: string;
}

export interface PlanInputs {
  /** Resource files in output order, each with its operations. */
  readonly files: readonly { readonly path: string; readonly operations: readonly Operation[] }[];
  /** An operation's params object (query, header and body properties). */
  readonly paramsOf: (op: Operation) => readonly Property[];
}

/** The plan for a model (part of the emit plan, so computed once per run). */
export function expandPlanOf(model: ApiModel, { files, paramsOf }: PlanInputs): ExpandPlan {
  const taken = new Set([
    ...model.schemas.map((s) => s.typeName),
    ...model.operations.flatMap((op) => [op.paramsTypeName, op.functionName]),
  ]);
  const aliases = pathAliases(model, taken);
  const operations = new Map<string, OperationExpand>();
  const pathTypes = new Map<string, PathType>();
  for (const file of files) {
    for (const op of file.operations) {
      if (!paramsOf(op).some(isExpandParam)) continue;
      const root = op.success.schema;
      const pathType = root ? aliases.rootAlias(root, op.paramsTypeName.replace(/Params$/, '')) : undefined;
      operations.set(op.functionName, { pathType });
      // Aliases made for this operation's response belong to this file.
      for (const alias of aliases.all()) if (!pathTypes.has(alias.name)) pathTypes.set(alias.name, { ...alias, file: file.path });
    }
  }
  for (const alias of aliases.all()) taken.add(alias.name);
  const declaredIn = new Map<string, PathType[]>();
  for (const type of pathTypes.values()) declaredIn.set(type.file, [...(declaredIn.get(type.file) ?? []), type]);
  return { operations, pathTypes, declaredIn, typeParameter: freeName('E', taken) };
}

/** `expand` as Stripe declares it: an array of strings. */
export function isExpandParam(p: Property): boolean {
  return p.name === 'expand' && p.schema.kind === 'array' && p.schema.items.kind === 'string';
}
