// How each operation's `expand` parameter and result are typed. An operation whose params have an
// `expand` array of strings gets a `const` type parameter whose every path is checked against its
// response's table of expandable fields (`CheckedExpandPath<ChargeExpandable, E[number]>`, see
// expand-tables.ts), and a result type that shows those paths expanded (`Expand` and
// `ExpandedListPromise` in runtime/expand.ts). The tables are written by the generator rather than
// derived by the type checker from the schema types: the spec's `x-expandableFields` reach no
// generated type, and a table is what tsc reads cheapest, one field at a time. All tables live in
// one types-only module (EXPAND_TABLES_FILE), so that no resource file holds other files' tables.
import type { ApiModel, Operation, Property } from '../model/ir.js';
import { freeName } from '../naming/identifiers.js';
import { expandTables, type ExpandDeclaration } from './expand-tables.js';

/** The module that declares every table (types only); resource files import theirs from it. */
export const EXPAND_TABLES_FILE = 'expandable.ts';

export interface ExpandPlan {
  /** By operation function name; operations without an `expand` array are absent. */
  readonly operations: ReadonlyMap<string, OperationExpand>;
  /** Every table, in the order the operations first need them (EXPAND_TABLES_FILE prints them so). */
  readonly tables: readonly ExpandDeclaration[];
  /** The operation functions' type parameter: `E`, unless a generated type already has that name. */
  readonly typeParameter: string;
}

export interface OperationExpand {
  /** The response's table; undefined when it has nothing to expand. */
  readonly table: string | undefined;
}

export interface PlanInputs {
  /** Resource files in output order, each with its operations. */
  readonly files: readonly { readonly operations: readonly Operation[] }[];
  /** An operation's params object (query, header and body properties). */
  readonly paramsOf: (op: Operation) => readonly Property[];
}

/** The plan for a model (part of the emit plan, so computed once per run). */
export function expandPlanOf(model: ApiModel, { files, paramsOf }: PlanInputs): ExpandPlan {
  const taken = new Set([
    ...model.schemas.map((s) => s.typeName),
    ...model.operations.flatMap((op) => [op.paramsTypeName, op.functionName]),
  ]);
  const tables = expandTables(model, taken);
  const operations = new Map<string, OperationExpand>();
  for (const op of files.flatMap((f) => f.operations)) {
    if (!paramsOf(op).some(isExpandParam)) continue;
    const root = op.success.schema;
    operations.set(op.functionName, { table: root ? tables.ofResponse(root, op.paramsTypeName.replace(/Params$/, '')) : undefined });
  }
  const all = tables.all();
  for (const d of all) taken.add(d.name);
  return { operations, tables: all, typeParameter: freeName('E', taken) };
}

/** `expand` as Stripe declares it: an array of strings. */
export function isExpandParam(p: Property): boolean {
  return p.name === 'expand' && p.schema.kind === 'array' && p.schema.items.kind === 'string';
}
