// The declarations a resource file gets for typed `expand`: the tables it owns, imports of the ones
// other files own, and its params interfaces made generic in the paths.
import type { Property } from '../model/ir.js';
import { importDeclaration, interfaceDeclaration, typeAliasDeclaration, type InterfaceDeclaration } from './declarations.js';
import type { ExpandDeclaration } from './expand-tables.js';
import { isExpandParam, type ExpandPlan, type OperationExpand } from './expand-types.js';
import type { Doc } from './layout.js';
import { docComment } from './tsdoc.js';
import { generic, named, readonlyArray } from './type-expression.js';

/** The tables this file is the first to need. */
export function ownExpandDeclarations(plan: ExpandPlan, filePath: string): Doc[] {
  return (plan.declaredIn.get(filePath) ?? []).map((d) =>
    d.kind === 'table' ? interfaceDeclaration({ name: d.name, doc: docComment(describe(d)), members: d.members }) : typeAliasDeclaration(d.name, docComment(describe(d)), d.type!),
  );
}

function describe(d: ExpandDeclaration): string {
  return `\`expand\` fields of \`${d.typeName}\`, each with the table of what it expands to.`;
}

/** Imports of the tables that other resource files declare: those its signatures and its own declarations name. */
export function expandImports(plan: ExpandPlan, filePath: string, usedBySignatures: readonly string[]): Doc[] {
  const own = plan.declaredIn.get(filePath) ?? [];
  const used = new Set([...usedBySignatures, ...own.flatMap((d) => d.references)]);
  const byFile = new Map<string, Set<string>>();
  for (const name of used) {
    const owner = plan.declarations.get(name)?.file;
    if (owner !== undefined && owner !== filePath) byFile.set(owner, (byFile.get(owner) ?? new Set()).add(name));
  }
  return [...byFile.entries()]
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([owner, names]) => importDeclaration([...names].sort(byCodeUnit), relativeModule(filePath, owner), true));
}

/**
 * The params interface with `expand` typed: generic in the paths (defaulting to any paths of the
 * response, so the bare name still types and checks a params object; unconstrained, as the
 * operation checks them), or `NothingToExpand[]` when the response has nothing to expand.
 */
export function withTypedExpand(
  declaration: InterfaceDeclaration,
  params: readonly Property[],
  expand: OperationExpand,
  typeParameter: string,
): InterfaceDeclaration {
  const table = expand.table;
  const note = table ? `Paths through \`${table}\`; the result's type shows those fields expanded.` : 'Nothing in this response can be expanded.';
  const doc = docComment(params.find(isExpandParam)?.schema.description, note);
  const type = table ? named(typeParameter) : readonlyArray(named('NothingToExpand'));
  return {
    ...declaration,
    typeParameters: table ? [{ name: typeParameter, default: generic('ExpandPathArray', named(table)) }] : [],
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
