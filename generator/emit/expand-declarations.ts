// The declarations a resource file gets for typed `expand`: the path unions it owns, imports of
// the ones other files own, and its params interfaces made generic in the paths.
import type { Property } from '../model/ir.js';
import { importDeclaration, typeAliasDeclaration, type InterfaceDeclaration } from './declarations.js';
import { isExpandParam, type ExpandPlan, type OperationExpand } from './expand-types.js';
import type { Doc } from './layout.js';
import { docComment } from './tsdoc.js';
import { named, readonlyArray, unionOf } from './type-expression.js';

/** `export type XExpandPath = 'a' | `a.${YExpandPath3}`;` for each union this file is the first to need. */
export function ownPathTypes(plan: ExpandPlan, filePath: string): Doc[] {
  return (plan.declaredIn.get(filePath) ?? []).map((t) => {
    const doc = docComment(`\`expand\` paths for \`${t.typeName}\`, at most ${t.depth} ${t.depth === 1 ? 'level' : 'levels'} deep.`);
    const members = t.members.map((m) => named(m));
    return typeAliasDeclaration(t.name, doc, unionOf(members));
  });
}

/** Imports of the path unions that other resource files declare: those its signatures and its own unions name. */
export function pathTypeImports(plan: ExpandPlan, filePath: string, usedBySignatures: readonly string[]): Doc[] {
  const own = plan.declaredIn.get(filePath) ?? [];
  const used = new Set([...usedBySignatures, ...own.flatMap((t) => t.references)]);
  const byFile = new Map<string, Set<string>>();
  for (const name of used) {
    const owner = plan.pathTypes.get(name)?.file;
    if (owner !== undefined && owner !== filePath) byFile.set(owner, (byFile.get(owner) ?? new Set()).add(name));
  }
  return [...byFile.entries()]
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([owner, names]) => importDeclaration([...names].sort(byCodeUnit), relativeModule(filePath, owner), true));
}

/**
 * The params interface with `expand` typed: generic in the accepted paths (defaulting to all of
 * them, so the bare name still types a params object), or `NothingToExpand[]` when the response
 * has nothing to expand.
 */
export function withTypedExpand(
  declaration: InterfaceDeclaration,
  params: readonly Property[],
  expand: OperationExpand,
  typeParameter: string,
): InterfaceDeclaration {
  const paths = expand.pathType;
  const note = paths ? `Paths from \`${paths}\`; the result's type shows those fields expanded.` : 'Nothing in this response can be expanded.';
  const doc = docComment(params.find(isExpandParam)?.schema.description, note);
  const type = paths ? named(typeParameter) : readonlyArray(named('NothingToExpand'));
  return {
    ...declaration,
    typeParameters: paths ? [{ name: typeParameter, constraint: readonlyArray(named(paths)), default: readonlyArray(named(paths)) }] : [],
    members: declaration.members.map((m) => (m.key === 'expand' ? { ...m, type, doc } : m)),
  };
}

/** The module specifier from one generated file to another: `resources/a/b.ts` → `resources/c.ts` is `../c.js`. */
export function relativeModule(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  const up = fromDirs.length - common;
  return `${up === 0 ? './' : '../'.repeat(up)}${toParts.slice(common).join('/').replace(/\.ts$/, '.js')}`;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
