// Slicing a model: keep the operations that match `--include` patterns (path globs such as
// `/v1/financial_connections/**`, or `tag:<name>`), and the schemas their references reach.
import type { ApiModel, NamedSchema, ObjectSchema, Operation, Schema } from './ir.js';
import { componentIndex, operationSchemas, reachableComponents, refsOf } from './lookup.js';

export interface SelectOptions {
  /** Resources reached only through expansions become small open types instead of their full closure. */
  readonly pruneExternal?: boolean;
}

export function selectOperations(model: ApiModel, includes: readonly string[], options: SelectOptions = {}): ApiModel {
  if (includes.length === 0) return model;
  const matchers = includes.map(toMatcher);
  const operations = model.operations.filter((op) => matchers.some((matches) => matches(op)));
  const reachable = schemaClosure(model, operations, directRefs);
  if (!options.pruneExternal) return { ...model, operations, schemas: model.schemas.filter((s) => reachable.has(s.name)) };
  // What the slice needs in full: everything reachable without stepping through an expansion.
  const core = schemaClosure(model, operations, refsBesideExpansions);
  // The full schemas' expansions still name the resources outside: those stay, as stubs.
  const named = new Set(model.schemas.filter((s) => core.has(s.name)).flatMap((s) => directRefs(s.schema)));
  const schemas = model.schemas
    .filter((s) => core.has(s.name) || named.has(s.name))
    .map((s) => (core.has(s.name) ? s : { ...s, schema: openStub(s) }));
  return { ...model, operations, schemas };
}

/** `{ id, object, ...unknown }`: what an id in an expandable field points at, outside the slice. */
function openStub(named: NamedSchema): ObjectSchema {
  const original = named.schema.kind === 'object' ? named.schema : undefined;
  const object = original?.properties.find((p) => p.name === 'object');
  return {
    kind: 'object',
    nullable: false,
    description:
      `\`${named.name}\` lies outside the generated slice and is reached only through expansions: ` +
      'only its `id` and `object` are typed here; further properties are present at run time but typed `unknown`.',
    properties: [
      { name: 'id', required: true, schema: { kind: 'string', nullable: false } },
      ...(object ? [{ ...object, required: true }] : []),
    ],
    additionalProperties: true,
    expandableFields: [],
    ...(original?.resourceId ? { resourceId: original.resourceId } : {}),
  };
}

function toMatcher(pattern: string): (op: Operation) => boolean {
  if (pattern.startsWith('tag:')) {
    const tag = pattern.slice(4);
    return (op) => op.tags.includes(tag);
  }
  const glob = globToRegExp(pattern);
  return (op) => glob.test(op.path);
}

/** `**` spans segments, `*` stays within one, `?` is one character; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Names of every component schema the operations reach by the given edges. */
function schemaClosure(model: ApiModel, operations: readonly Operation[], edges: (schema: Schema) => string[]): Set<string> {
  return reachableComponents(componentIndex(model.schemas), operations.flatMap(operationSchemas), edges);
}

const directRefs = (schema: Schema): string[] => refsOf(schema, true);
const refsBesideExpansions = (schema: Schema): string[] => refsOf(schema, false);
