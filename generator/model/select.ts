// Slicing a model: keep the operations that match `--include` patterns (path globs such as
// `/v1/financial_connections/**`, or `tag:<name>`), and the schemas their references reach.
import type { ApiModel, Operation, Schema } from './ir.js';

export function selectOperations(model: ApiModel, includes: readonly string[]): ApiModel {
  if (includes.length === 0) return model;
  const matchers = includes.map(toMatcher);
  const operations = model.operations.filter((op) => matchers.some((matches) => matches(op)));
  const reachable = schemaClosure(model, operations);
  return { ...model, operations, schemas: model.schemas.filter((s) => reachable.has(s.name)) };
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

/** Names of every component schema reachable from the operations, expansions included. */
export function schemaClosure(model: ApiModel, operations: readonly Operation[]): Set<string> {
  const byName = new Map(model.schemas.map((s) => [s.name, s.schema]));
  const seen = new Set<string>();
  const pending: Schema[] = operations.flatMap(schemasOfOperation);
  while (pending.length > 0) {
    const schema = pending.pop()!;
    for (const target of directRefs(schema)) {
      if (seen.has(target)) continue;
      seen.add(target);
      const next = byName.get(target);
      if (next) pending.push(next);
    }
  }
  return seen;
}

function schemasOfOperation(op: Operation): Schema[] {
  const { path, query, header, cookie } = op.parameters;
  return [
    ...[...path, ...query, ...header, ...cookie].map((p) => p.schema),
    ...(op.requestBody ? [op.requestBody.schema] : []),
    ...[op.success, ...op.errors].flatMap((r) => (r.schema ? [r.schema] : [])),
  ];
}

/** Component names referenced by a schema, not following refs. */
export function directRefs(schema: Schema): string[] {
  switch (schema.kind) {
    case 'ref':
      return [schema.target];
    case 'array':
      return directRefs(schema.items);
    case 'object':
      return [
        ...schema.properties.flatMap((p) => [...directRefs(p.schema), ...(p.expansionResources ?? []).flatMap(directRefs)]),
        ...(typeof schema.additionalProperties === 'object' ? directRefs(schema.additionalProperties) : []),
      ];
    case 'union':
      return schema.variants.flatMap(directRefs);
    case 'intersection':
      return schema.parts.flatMap(directRefs);
    default:
      return [];
  }
}
