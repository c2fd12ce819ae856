// The declarations typed `expand` adds: the tables module (every table), each resource file's
// import of the tables its signatures name, and its params interfaces made generic in the paths.
import type { Property } from '../model/ir.js';
import { importDeclaration, interfaceDeclaration, printFile, typeAliasDeclaration, type InterfaceDeclaration } from './declarations.js';
import type { ExpandDeclaration } from './expand-tables.js';
import { EXPAND_TABLES_FILE, isExpandParam, type ExpandPlan, type OperationExpand } from './expand-types.js';
import type { Doc } from './layout.js';
import { docComment } from './tsdoc.js';
import { generic, named, readonlyArray } from './type-expression.js';

/** EXPAND_TABLES_FILE's text (without the header line): every table. */
export function emitExpandTablesFile(plan: ExpandPlan): string {
  return printFile(
    plan.tables.map((d) =>
      d.kind === 'table' ? interfaceDeclaration({ name: d.name, doc: docComment(describe(d)), members: d.members }) : typeAliasDeclaration(d.name, docComment(describe(d)), d.type!),
    ),
  );
}

function describe(d: ExpandDeclaration): string {
  return `\`expand\` fields of \`${d.typeName}\`, each with the table of what it expands to.`;
}

/** A resource file's import of the tables its signatures name (none: no import). */
export function expandImports(filePath: string, usedBySignatures: readonly string[]): Doc[] {
  const names = [...new Set(usedBySignatures)].sort(byCodeUnit);
  return names.length === 0 ? [] : [importDeclaration(names, relativeModule(filePath, EXPAND_TABLES_FILE), true)];
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
