// How each operation's `expand` parameter and result are typed. An operation whose params have an
// `expand` array of strings gets a `const` type parameter constrained to its response's expand
// paths (one exported string-literal union per response type, e.g.
// `FinancialConnectionsAccountExpandPath`), and a result type that shows those paths expanded
// (`Expand` and `ExpandedListPromise` in runtime/expand.ts). The unions are precomputed here
// rather than derived by the type checker: a lookup in a literal union is the cheapest check tsc
// can make, and the unions stay readable in the generated code and in error messages.
import type { ApiModel, Operation, Property } from '../model/ir.js';
import { pathFinder } from './expand-paths.js';

export interface ExpandPlan {
  /** By operation function name; operations without an `expand` array are absent. */
  readonly operations: ReadonlyMap<string, OperationExpand>;
  /** Each path union by its type name: its paths and the resource file that declares it. */
  readonly pathTypes: ReadonlyMap<string, PathType>;
  /** The operation functions' type parameter: `E`, unless a generated type already has that name. */
  readonly typeParameter: string;
}

export interface OperationExpand {
  /** The union of accepted paths; undefined when the response has nothing to expand. */
  readonly pathType: string | undefined;
}

export interface PathType {
  readonly name: string;
  readonly paths: readonly string[];
  /** Path of the resource file that declares it; the others import it from there. */
  readonly file: string;
}

export interface PlanInputs {
  /** Resource files in output order, each with its operations. */
  readonly files: readonly { readonly path: string; readonly operations: readonly Operation[] }[];
  /** An operation's params object (query, header and body properties). */
  readonly paramsOf: (op: Operation) => readonly Property[];
}

const plans = new WeakMap<ApiModel, ExpandPlan>();

/** The plan for a model, computed once: every resource file of a run shares it. */
export function expandPlanOf(model: ApiModel, inputs: PlanInputs): ExpandPlan {
  let plan = plans.get(model);
  if (!plan) plans.set(model, (plan = buildPlan(model, inputs)));
  return plan;
}

function buildPlan(model: ApiModel, { files, paramsOf }: PlanInputs): ExpandPlan {
  const finder = pathFinder(model);
  const taken = new Set([
    ...model.schemas.map((s) => s.typeName),
    ...model.operations.flatMap((op) => [op.paramsTypeName, op.functionName]),
  ]);
  const schemaTypeNames = new Map(model.schemas.map((s) => [s.name, s.typeName]));
  const operations = new Map<string, OperationExpand>();
  const pathTypes = new Map<string, PathType>();
  const nameByRoot = new Map<string, string>();

  for (const file of files) {
    for (const op of file.operations) {
      if (!paramsOf(op).some(isExpandParam)) continue;
      const root = op.success.schema;
      const paths = root ? finder.pathsOf(root) : [];
      if (paths.length === 0) {
        operations.set(op.functionName, { pathType: undefined });
        continue;
      }
      // A named response type shares one union wherever it is returned; an inline one is the operation's own.
      const rootKey = root?.kind === 'ref' ? `ref:${root.target}` : `op:${op.functionName}`;
      let name = nameByRoot.get(rootKey);
      if (name === undefined) {
        const base = root?.kind === 'ref' ? schemaTypeNames.get(root.target) ?? 'Response' : op.paramsTypeName.replace(/Params$/, '');
        name = freeName(`${base}ExpandPath`, taken);
        taken.add(name);
        nameByRoot.set(rootKey, name);
        pathTypes.set(name, { name, paths, file: file.path });
      }
      operations.set(op.functionName, { pathType: name });
    }
  }
  return { operations, pathTypes, typeParameter: freeName('E', taken) };
}

/** `expand` as Stripe declares it: an array of strings. */
export function isExpandParam(p: Property): boolean {
  return p.name === 'expand' && p.schema.kind === 'array' && p.schema.items.kind === 'string';
}

function freeName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}${n}`)) return `${wanted}${n}`;
}
