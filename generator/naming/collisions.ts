// Names that would meet in the generated code: operations sharing a client name, a method and a
// sub-resource of the same name, params types whose singular forms meet, and types or functions
// sharing index.ts's namespace.
import { escapePointerToken, GeneratorError, type Problem } from '../errors.js';
import type { NamedSchema, Operation } from '../model/ir.js';
import { camelCase } from './case.js';
import { dottedName, type ClientName } from './client-names.js';
import { paramsTypeNameOf } from './generated-names.js';

interface Named {
  readonly name: ClientName;
  readonly pointer: string;
}

/**
 * A resource cannot have a method and a sub-resource of the same name (`invoices.upcoming()` and
 * `invoices.upcoming.lines.list()`): the sub-resource's operations move up into the parent, named
 * by their path under it (`invoices.upcomingLinesList()`).
 */
export function foldChildrenThatShadowMethods<T extends Named>(sources: readonly T[]): T[] {
  const methods = new Set(sources.map((s) => dottedName(s.name)));
  return sources.map((source) => {
    const { resource, methodName } = source.name;
    for (let depth = 1; depth < resource.length; depth++) {
      if (!methods.has(resource.slice(0, depth + 1).join('.'))) continue;
      const folded = [...resource.slice(depth), methodName];
      return { ...source, name: { resource: resource.slice(0, depth), methodName: camelCase(folded.join('_')) } };
    }
    return source;
  });
}

/** The operations, refused when two share a client name. */
export function distinctClientNames<T extends Named>(file: string, sources: readonly T[]): T[] {
  const claimed = new Map<string, string>();
  const collisions: Problem[] = [];
  for (const source of sources) {
    const key = dottedName(source.name);
    const previous = claimed.get(key);
    if (previous) collisions.push({ file, pointer: source.pointer, message: `is also named '${key}', like ${previous}` });
    else claimed.set(key, source.pointer);
  }
  if (collisions.length > 0) {
    throw new GeneratorError(
      `${file}: ${collisions.length} operation${collisions.length === 1 ? '' : 's'} would get a name already taken`,
      collisions,
      "give one of each pair its own name with `x-codegen-name: 'resource.path.method'` on the operation",
    );
  }
  return [...sources];
}

/**
 * Singular params type names can meet (`/v1/account` and `/v1/accounts/{account}` both read
 * `AccountRetrieveParams`): those operations keep the resource's own (plural) form instead.
 */
export function keepParamsTypesApart(operations: readonly Operation[]): Operation[] {
  const count = new Map<string, number>();
  for (const op of operations) count.set(op.paramsTypeName, (count.get(op.paramsTypeName) ?? 0) + 1);
  return operations.map((op) =>
    (count.get(op.paramsTypeName) ?? 0) > 1 ? { ...op, paramsTypeName: paramsTypeNameOf(op, false) } : op,
  );
}

/** Schema types and params types share one namespace in the generated code; so do the standalone functions. */
export function checkGeneratedNames(file: string, schemas: readonly NamedSchema[], operations: readonly Operation[]): void {
  const owners = new Map<string, string>();
  const problems: Problem[] = [];
  const claim = (typeName: string, pointer: string) => {
    const previous = owners.get(typeName);
    if (previous) problems.push({ file, pointer, message: `becomes type '${typeName}', like ${previous}` });
    else owners.set(typeName, pointer);
  };
  for (const s of schemas) claim(s.typeName, `#/components/schemas/${escapePointerToken(s.name)}`);
  for (const o of operations) claim(o.paramsTypeName, operationPointer(o));
  // Standalone functions share index.ts's namespace too (`things.list` and `thingsList` both read `thingsList`).
  const functions = new Map<string, string>();
  for (const o of operations) {
    const previous = functions.get(o.functionName);
    if (previous) problems.push({ file, pointer: operationPointer(o), message: `becomes function '${o.functionName}', like ${previous}` });
    else functions.set(o.functionName, operationPointer(o));
  }
  if (problems.length > 0) {
    throw new GeneratorError(
      `${file}: ${problems.length} generated name${problems.length === 1 ? '' : 's'} would collide`,
      problems,
      'rename one of each pair (or, for an operation, set `x-codegen-name`)',
    );
  }
}

function operationPointer(op: Operation): string {
  return `#/paths/${escapePointerToken(op.path)}/${op.method}`;
}
