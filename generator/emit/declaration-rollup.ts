// `--emit js`: the declarations of the resource files and of the schema files, each rolled up into
// one `.d.ts` (`resources.d.ts`, `schemas.d.ts`). A user's `tsc` pays for every declaration file and
// import it resolves: on the whole Stripe client, 27 declaration files instead of 274 took its
// type-check from 1.06× to about 1.0× stripe-node's own types (docs/benchmarks.md). The JavaScript
// keeps one module per resource, and `resources.js` gathers them, so every `.d.ts` that declares
// values has its `.js`. Works on the files as transpiled, before prettier lays each out once.
import { posix } from 'node:path';
import { ts } from 'ts-morph';
import type { GeneratedFile } from './emit-files.js';

/** The folders rolled up, each into the module of its name beside it. */
const FOLDERS = ['resources', 'schemas'] as const;

interface Group {
  /** What the members become, e.g. `resources.d.ts`. */
  readonly path: string;
  readonly members: readonly GeneratedFile[];
}

export function rollUpDeclarations(files: readonly GeneratedFile[]): GeneratedFile[] {
  const groups: Group[] = FOLDERS.map((folder) => ({
    path: `${folder}.d.ts`,
    members: files.filter((f) => f.path.startsWith(`${folder}/`) && f.path.endsWith('.d.ts')),
  })).filter((g) => g.members.length > 0);
  if (groups.length === 0) return [...files];
  // Where a specifier that named a member now leads: the member's group (`.js`, as imports spell paths).
  const groupOf = new Map<string, string>();
  for (const group of groups) for (const member of group.members) groupOf.set(jsPath(member.path), jsPath(group.path));
  const groupModules = new Set(groupOf.values());
  const rolledAway = new Set(groups.flatMap((g) => [g.path, ...g.members.map((m) => m.path)]));
  const header = headerOf(groups[0]!.members[0]!);

  const kept = files.filter((f) => !rolledAway.has(f.path)).map((f) => (/\.(js|d\.ts)$/.test(f.path) ? pointAtGroups(f, groupOf, groupModules) : f));
  // A group whose members have JavaScript (the resources, not the schemas) gets a module gathering it.
  const paths = new Set(files.map((f) => f.path));
  const barrels = groups
    .map((g) => ({ path: jsPath(g.path), modules: g.members.map((m) => jsPath(m.path)).filter((p) => paths.has(p)) }))
    .filter((b) => b.modules.length > 0)
    .map((b) => ({ path: b.path, contents: header + b.modules.map((p) => `export * from './${p}';\n`).join('') }));
  return [...kept, ...barrels, ...groups.map((g) => rollUp(g, groupOf, header))].sort((a, b) => compare(a.path, b.path));
}

/** One group's members as one declaration file: their imports merged, their declarations in path order. */
function rollUp(group: Group, groupOf: ReadonlyMap<string, string>, header: string): GeneratedFile {
  const imports = new Map<string, Set<string>>();
  const declaredIn = new Map<string, string>();
  let body = '';
  for (const member of group.members) {
    const source = parse(member);
    for (const statement of source.statements) {
      if (ts.isImportDeclaration(statement)) {
        const target = targetOf(member.path, statement.moduleSpecifier, groupOf);
        if (target === jsPath(group.path)) continue; // a sibling, now in the same file
        const names = imports.get(target) ?? new Set<string>();
        // Everything a declaration file imports is a type, or a value only named in `typeof`.
        for (const element of namedImports(statement, member.path)) names.add(element.replace(/^type\s+/, ''));
        imports.set(target, names);
        continue;
      }
      if (isEmptyExport(statement)) continue; // `export {};` only marks a file as a module
      for (const name of declaredNames(statement)) {
        const earlier = declaredIn.get(name);
        if (earlier !== undefined && earlier !== member.path) {
          throw new Error(`${earlier} and ${member.path} both declare ${name}: their declarations cannot share ${group.path}`);
        }
        declaredIn.set(name, member.path);
      }
      body += source.text.slice(statement.getFullStart(), statement.getEnd());
    }
    body += '\n';
  }
  const importLines = [...imports.keys()]
    .sort(compare)
    .map((target) => `import type { ${[...imports.get(target)!].sort(byName).join(', ')} } from '${relativeSpecifier(group.path, target)}';\n`);
  return { path: group.path, contents: header + importLines.join('') + body };
}

interface MergedImport {
  /** The comments and line breaks before the first of the imports it stands for. */
  readonly leading: string;
  readonly typeOnly: boolean;
  readonly specifier: string;
  readonly names: Set<string>;
}

/**
 * A file outside the groups, its imports and re-exports of members now of their groups: one import
 * per group (one of types, one of values where it had both), each re-export once.
 */
function pointAtGroups(file: GeneratedFile, groupOf: ReadonlyMap<string, string>, groupModules: ReadonlySet<string>): GeneratedFile {
  const source = parse(file);
  const parts: (string | MergedImport)[] = [];
  const mergedImports = new Map<string, MergedImport>();
  const reexports = new Set<string>();
  for (const statement of source.statements) {
    const text = source.text.slice(statement.getFullStart(), statement.getEnd());
    const specifier = ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) ? statement.moduleSpecifier : undefined;
    const target = specifier === undefined ? undefined : targetOf(file.path, specifier, groupOf);
    if (specifier === undefined || target === undefined || !groupModules.has(target)) {
      parts.push(text);
    } else if (ts.isImportDeclaration(statement)) {
      const typeOnly = statement.importClause?.isTypeOnly === true;
      const key = `${typeOnly}:${target}`;
      const leading = source.text.slice(statement.getFullStart(), statement.getStart());
      const merged = mergedImports.get(key) ?? { leading, typeOnly, specifier: relativeSpecifier(file.path, target), names: new Set<string>() };
      for (const element of namedImports(statement, file.path)) merged.names.add(element);
      if (!mergedImports.has(key)) parts.push(merged);
      mergedImports.set(key, merged);
    } else {
      const rewritten = source.text.slice(statement.getFullStart(), specifier.getStart()) + `'${relativeSpecifier(file.path, target)}'` + source.text.slice(specifier.getEnd(), statement.getEnd());
      if (!reexports.has(rewritten.trim())) parts.push(rewritten);
      reexports.add(rewritten.trim());
    }
  }
  const text = parts.map((p) => (typeof p === 'string' ? p : `${p.leading}import ${p.typeOnly ? 'type ' : ''}{ ${[...p.names].sort(byName).join(', ')} } from '${p.specifier}';`));
  return { ...file, contents: headerOf(file) + text.join('') + '\n' };
}

/** The file without its header line, which would otherwise be read as the first statement's comment. */
function parse(file: GeneratedFile): ts.SourceFile {
  const kind = file.path.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(file.path, file.contents.slice(headerOf(file).length), ts.ScriptTarget.ES2022, true, kind);
}

const headerOf = (file: GeneratedFile) => file.contents.slice(0, file.contents.indexOf('\n') + 1);

/** `import { a, type B as C } from …` → `a`, `type B as C`. */
function namedImports(statement: ts.ImportDeclaration, path: string): string[] {
  const clause = statement.importClause;
  const bindings = clause?.namedBindings;
  if (!clause || clause.name || !bindings || !ts.isNamedImports(bindings)) {
    throw new Error(`${path}: only named imports can be rolled up, not ${statement.getText()}`);
  }
  return bindings.elements.map((e) => e.getText());
}

/** The output path a specifier leads to (`schemas/account.js`), or the group a member is now in. */
function targetOf(from: string, specifier: ts.Expression, groupOf: ReadonlyMap<string, string>): string {
  if (!ts.isStringLiteral(specifier)) throw new Error(`${from}: a module specifier that is not a string`);
  const resolved = posix.normalize(posix.join(posix.dirname(from), specifier.text));
  return groupOf.get(resolved) ?? resolved;
}

function relativeSpecifier(from: string, target: string): string {
  const relative = posix.relative(posix.dirname(from), target);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function isEmptyExport(statement: ts.Statement): boolean {
  return ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause !== undefined && ts.isNamedExports(statement.exportClause) && statement.exportClause.elements.length === 0;
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  const name = (statement as { readonly name?: ts.Node }).name;
  return name !== undefined && ts.isIdentifier(name) ? [name.text] : [];
}

const jsPath = (path: string) => path.replace(/\.d\.ts$/, '.js');
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: string, b: string) => compare(a.replace(/^type\s+/, ''), b.replace(/^type\s+/, ''));
