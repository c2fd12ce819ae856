// Names that would meet in the generated code: operations sharing a client name, a method and a
// sub-resource of the same name, params types whose singular forms meet, and types or functions
// sharing index.ts's namespace. Naming must never make a valid spec unusable: each meeting is
// resolved deterministically, with a warning naming both places.
import { escapePointerToken, GeneratorError, type Problem } from '../errors.js';
import type { NamedSchema, Operation } from '../model/ir.js';
import { camelCase } from './case.js';
import { dottedName, type ClientName } from './client-names.js';
import { paramsTypeNameOf } from './generated-names.js';
import { numberedName, startsAsIdentifier } from './identifiers.js';

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

/**
 * Operations that would share a client name keep apart deterministically: an `x-codegen-name`
 * always keeps it; otherwise one on an item (`DELETE /droplets/{id}`) before one on the whole
 * collection (`DELETE /droplets`, by tag), as the call users make most, then the first by path and
 * method. Each later one is named after its `operationId` (less a leading word naming the
 * resource: `droplets_destroy_byTag` → `droplets.destroyByTag`), or else numbered; a warning names
 * both places. Two `x-codegen-name`s naming the same method are the author's contradiction and
 * refused.
 */
export function distinctClientNames<T extends Named & { readonly operation: Record<string, unknown> }>(
  file: string,
  sources: readonly T[],
  warnings: Problem[],
): T[] {
  const overridden = (s: T) => s.operation['x-codegen-name'] !== undefined;
  const claimed = new Map<string, T>();
  const clashes: Problem[] = [];
  for (const source of sources.filter(overridden)) {
    const key = dottedName(source.name);
    const previous = claimed.get(key);
    if (previous) clashes.push({ file, pointer: source.pointer, message: `x-codegen-name '${key}' is also given to ${previous.pointer}` });
    else claimed.set(key, source);
  }
  if (clashes.length > 0) {
    throw new GeneratorError(`${file}: ${clashes.length} x-codegen-name${clashes.length === 1 ? '' : 's'} already taken`, clashes, 'give each operation its own x-codegen-name');
  }
  const renamed = new Map<T, T>();
  const onItem = (s: T) => s.pointer.split('/')[2]?.endsWith('}') === true;
  const inClaimOrder = sources.filter((s) => !overridden(s)).sort((a, b) => Number(onItem(b)) - Number(onItem(a)));
  for (const source of inClaimOrder) {
    const key = dottedName(source.name);
    const previous = claimed.get(key);
    if (!previous) {
      claimed.set(key, source);
      continue;
    }
    const name = freeMethodName(source, (candidate) => claimed.has(dottedName(candidate)));
    const moved = { ...source, name: name.name };
    claimed.set(dottedName(name.name), moved);
    renamed.set(source, moved);
    warnings.push({ file, pointer: source.pointer, message: `would be named '${key}', like ${previous.pointer}; named '${dottedName(name.name)}' (${name.how}) instead` });
  }
  return sources.map((s) => renamed.get(s) ?? s);
}

function freeMethodName(source: Named & { readonly operation: Record<string, unknown> }, taken: (name: ClientName) => boolean): { name: ClientName; how: string } {
  const { resource, methodName } = source.name;
  const operationId = source.operation.operationId;
  if (typeof operationId === 'string') {
    const whole = startsAsIdentifier(camelCase(operationId));
    // `droplets_destroy_byTag` on `droplets` reads `destroyByTag`: the resource is said once.
    const prefix = camelCase(resource.at(-1) ?? '');
    const rest = prefix !== '' && whole.startsWith(prefix) && /^[A-Z]/.test(whole.slice(prefix.length)) ? startsAsIdentifier(camelCase(whole.slice(prefix.length))) : undefined;
    for (const methodName of [rest, whole].filter((m): m is string => m !== undefined && m !== '_')) {
      if (!taken({ resource, methodName })) return { name: { resource, methodName }, how: 'from its operationId' };
    }
  }
  for (let n = 2; ; n++) {
    const numbered = { resource, methodName: `${methodName}${n}` };
    if (!taken(numbered)) return { name: numbered, how: 'numbered' };
  }
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

/**
 * Schema types and params types share one namespace in the generated code; so do the standalone
 * functions. Schemas keep their names first (in name order), then params types and functions
 * (in operation order); a later one that meets an earlier one is numbered, with a warning.
 */
export function distinctGeneratedNames(
  file: string,
  schemas: readonly NamedSchema[],
  operations: readonly Operation[],
  warnings: Problem[],
): { schemas: NamedSchema[]; operations: Operation[] } {
  const types = new Map<string, string>();
  const functions = new Map<string, string>();
  const claim = (owners: Map<string, string>, wanted: string, pointer: string, what: string): string => {
    const taken = new Set(owners.keys());
    const previous = owners.get(wanted);
    const name = numberedName(wanted, taken);
    if (name !== wanted) warnings.push({ file, pointer, message: `would become ${what} '${wanted}', like ${previous}; named '${name}' instead` });
    owners.set(name, pointer);
    return name;
  };
  const namedSchemas = schemas.map((s) => {
    const typeName = claim(types, s.typeName, `#/components/schemas/${escapePointerToken(s.name)}`, 'type');
    return typeName === s.typeName ? s : { ...s, typeName };
  });
  const namedOperations = operations.map((o) => {
    const paramsTypeName = claim(types, o.paramsTypeName, operationPointer(o), 'type');
    const functionName = claim(functions, o.functionName, operationPointer(o), 'function');
    return paramsTypeName === o.paramsTypeName && functionName === o.functionName ? o : { ...o, paramsTypeName, functionName };
  });
  return { schemas: namedSchemas, operations: namedOperations };
}

function operationPointer(op: Operation): string {
  return `#/paths/${escapePointerToken(op.path)}/${op.method}`;
}
