// A component schema that is, through `$ref`, `allOf`, `anyOf` or `oneOf` alone, made of itself
// (`a: {$ref: b}`, `b: {allOf: [{$ref: a}]}`) names no shape at all: TypeScript rejects the alias
// (`type A = B; type B = A`). Recursion behind a property, array items or a map's values is
// fine and common (a tree's children); only recursion with nothing in between is refused.
import { escapePointerToken, type Problem } from '../errors.js';
import { findPolymorphism } from './polymorphism.js';
import { componentSchemaName, resolveLocalRef } from './refs.js';

type Raw = Record<string, unknown>;

export interface SchemaCycle {
  /** The schemas on the cycle, starting with the first by name; it closes back on the first. */
  readonly names: readonly string[];
  readonly problem: Problem;
}

export function findSchemaCycles(file: string, document: Raw): SchemaCycle[] {
  const schemas = (((document.components ?? {}) as Raw).schemas ?? {}) as Raw;
  const names = Object.keys(schemas).sort();
  const polymorphism = findPolymorphism(document);
  // A variant's `allOf` part naming its union parent stands for the parent's base, not the union.
  const edges = new Map(names.map((name) => {
    const targets = aliasTargets(schemas[name], document);
    for (const parent of polymorphism.get(name)?.keys() ?? []) targets.delete(parent);
    return [name, targets];
  }));
  const cycles: SchemaCycle[] = [];
  const reported = new Set<string>();
  for (const start of names) {
    const cycle = cycleFrom(start, edges);
    if (!cycle || cycle.some((n) => reported.has(n))) continue;
    cycle.forEach((n) => reported.add(n));
    cycles.push({
      names: cycle,
      problem: {
        file,
        pointer: `#/components/schemas/${escapePointerToken(start)}`,
        message: `${[...cycle, start].map((n) => `'${n}'`).join(' → ')}: nothing but references, so no shape`,
      },
    });
  }
  return cycles;
}

/** Component names a schema stands for directly: through $ref and the composition keywords. */
function aliasTargets(schema: unknown, document: Raw): Set<string> {
  const targets = new Set<string>();
  const followed = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const raw = node as Raw;
    if (typeof raw.$ref === 'string') {
      const name = componentSchemaName(raw.$ref);
      if (name !== undefined) targets.add(name);
      else if (!followed.has(raw.$ref)) {
        // A reference elsewhere in the document is inlined by the model: look through it.
        followed.add(raw.$ref);
        visit(resolveLocalRef(document, raw.$ref));
      }
      return;
    }
    for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
      const parts = raw[keyword];
      if (Array.isArray(parts)) parts.forEach(visit);
    }
  };
  visit(schema);
  return targets;
}

/** The names on a path from `start` back to itself, if there is one (depth first, sorted). */
function cycleFrom(start: string, edges: ReadonlyMap<string, Set<string>>): string[] | undefined {
  const seen = new Set<string>();
  const path: string[] = [];
  const walk = (name: string): boolean => {
    path.push(name);
    for (const next of [...(edges.get(name) ?? [])].sort()) {
      if (next === start) return true;
      if (!seen.has(next) && edges.has(next)) {
        seen.add(next);
        if (walk(next)) return true;
      }
    }
    path.pop();
    return false;
  };
  return walk(start) ? path : undefined;
}
