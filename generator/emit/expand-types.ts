// How each operation's `expand` parameter and result are typed. An operation whose params have an
// `expand` array of strings gets a `const` type parameter whose every path is checked against its
// response's table of expandable fields (`CheckedExpandPath<ChargeExpandable, E[number]>`, see
// expand-tables.ts), and a result type that shows those paths expanded (`Expand` and
// `ExpandedListPromise` in runtime/expand.ts). The tables are written by the generator rather than
// derived by the type checker from the schema types: the spec's `x-expandableFields` reach no
// generated type, and a table is what tsc reads cheapest, one field at a time.
import type { ApiModel, Operation, Property } from '../model/ir.js';
import { freeName } from '../naming/identifiers.js';
import { expandTables, type ExpandDeclaration } from './expand-tables.js';

export interface ExpandPlan {
  /** By operation function name; operations without an `expand` array are absent. */
  readonly operations: ReadonlyMap<string, OperationExpand>;
  /** Each table by its type name, with the resource file that declares it. */
  readonly declarations: ReadonlyMap<string, DeclaredExpand>;
  /**
   * The declarations of each resource file, in declaration order, by file path: a file asks for
   * its own instead of filtering all of them, so what it reads of the plan is what it prints.
   */
  readonly declaredIn: ReadonlyMap<string, readonly DeclaredExpand[]>;
  /** The operation functions' type parameter: `E`, unless a generated type already has that name. */
  readonly typeParameter: string;
}

export interface OperationExpand {
  /** The response's table; undefined when it has nothing to expand. */
  readonly table: string | undefined;
}

export interface DeclaredExpand extends ExpandDeclaration {
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
  const tables = expandTables(model, taken);
  const operations = new Map<string, OperationExpand>();
  const declarations = new Map<string, DeclaredExpand>();
  for (const file of files) {
    for (const op of file.operations) {
      if (!paramsOf(op).some(isExpandParam)) continue;
      const root = op.success.schema;
      const table = root ? tables.ofResponse(root, op.paramsTypeName.replace(/Params$/, '')) : undefined;
      operations.set(op.functionName, { table });
      // Declarations made for this operation's response belong to this file.
      for (const d of tables.all()) if (!declarations.has(d.name)) declarations.set(d.name, { ...d, file: file.path });
    }
  }
  for (const d of tables.all()) taken.add(d.name);
  const declaredIn = new Map<string, DeclaredExpand[]>();
  for (const d of declarations.values()) declaredIn.set(d.file, [...(declaredIn.get(d.file) ?? []), d]);
  return { operations, declarations, declaredIn, typeParameter: freeName('E', taken) };
}

/** `expand` as Stripe declares it: an array of strings. */
export function isExpandParam(p: Property): boolean {
  return p.name === 'expand' && p.schema.kind === 'array' && p.schema.items.kind === 'string';
}
