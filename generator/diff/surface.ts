// The generated client's public surface: every name `index.ts` exports, with its kind and its
// type or signature as TypeScript prints it. The files are read by ts-morph into an in-memory
// project and type-checked there, so re-exports, aliases and the client object that
// `createClient` returns are seen as a user's editor sees them. Comments are not surface.
import { Project, ts } from 'ts-morph';
import type { GeneratedFile } from '../emit/emit-files.js';

export interface SurfaceEntry {
  readonly name: string;
  /** `interface`, `type`, `function`, `const`, `class`, `method` (a client method), … */
  readonly kind: string;
  /** The declaration without comments: the type, the signature, or the members joined. */
  readonly text: string;
  /** For object-like types: each member's printed text, by name. */
  readonly members?: Readonly<Record<string, string>>;
}

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  strict: true,
  exactOptionalPropertyTypes: true,
  noEmit: true,
  skipLibCheck: true,
};
const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });
const TYPE_FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

/** One project for every client read in a process, each in a folder of its own: the library files parse once. */
let project: Project | undefined;
let clients = 0;

/** Exported names of the client whose files are given, sorted. */
export function exportedSurface(files: readonly GeneratedFile[]): SurfaceEntry[] {
  project ??= new Project({ useInMemoryFileSystem: true, compilerOptions: OPTIONS });
  const root = `/client-${++clients}/`;
  const sources = files.filter((f) => f.path.endsWith('.ts')).map((f) => project!.createSourceFile(root + f.path, f.contents));
  try {
    const program = project.getProgram().compilerObject;
    const checker = program.getTypeChecker();
    const index = program.getSourceFile(`${root}index.ts`);
    const module = index && checker.getSymbolAtLocation(index);
    if (!module) return [];
    const entries = checker.getExportsOfModule(module).flatMap((symbol) => entriesOf(symbol, checker));
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } finally {
    for (const source of sources) project.removeSourceFile(source);
  }
}

function entriesOf(exported: ts.Symbol, checker: ts.TypeChecker): SurfaceEntry[] {
  const name = exported.getName();
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const declaration = symbol.declarations?.[0];
  if (!declaration) return [];
  const print = (node: ts.Node) => printer.printNode(ts.EmitHint.Unspecified, node, declaration.getSourceFile()).replace(/\s+/g, ' ');
  if (ts.isInterfaceDeclaration(declaration)) {
    const heritage = (declaration.heritageClauses ?? []).map(print).join(' ');
    return [objectEntry(name, 'interface', declaration.members, print, `${typeParametersOf(declaration, print)}${heritage}`)];
  }
  if (ts.isTypeAliasDeclaration(declaration)) {
    if (ts.isTypeLiteralNode(declaration.type)) return [objectEntry(name, 'type', declaration.type.members, print, typeParametersOf(declaration, print))];
    return [{ name, kind: 'type', text: `${typeParametersOf(declaration, print)}${print(declaration.type)}` }];
  }
  if (ts.isFunctionDeclaration(declaration)) {
    const parameters = declaration.parameters.map(print).join(', ');
    const signature = `${typeParametersOf(declaration, print)}(${parameters})`;
    const text = `${signature}: ${declaration.type ? print(declaration.type) : '(inferred)'}`;
    // An object returned (the client): its callable members are surface too, by the path a user
    // calls them by. A promise's (an operation's ApiPromise) are not: they are the runtime's.
    const returned = checker.getSignatureFromDeclaration(declaration)?.getReturnType();
    const methods = returned && !returned.getProperty('then') ? callableMembers(returned, `${name}()`, checker, declaration) : [];
    return [{ name, kind: 'function', text }, ...methods];
  }
  if (ts.isVariableDeclaration(declaration)) {
    const type = declaration.type ? print(declaration.type) : checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, declaration), declaration, TYPE_FLAGS);
    return [{ name, kind: 'const', text: type }];
  }
  if (ts.isClassDeclaration(declaration)) {
    const members = declaration.members
      .filter((m) => !hasModifier(m, ts.SyntaxKind.PrivateKeyword))
      .map((m) => print(stripBody(m)).replace(/;$/, ''));
    return [{ name, kind: 'class', text: `{ ${members.join('; ')} }` }];
  }
  if (ts.isEnumDeclaration(declaration)) return [{ name, kind: 'enum', text: declaration.members.map(print).join(', ') }];
  return [{ name, kind: ts.SyntaxKind[declaration.kind], text: print(declaration) }];
}

function objectEntry(
  name: string,
  kind: string,
  members: ts.NodeArray<ts.TypeElement>,
  print: (node: ts.Node) => string,
  head: string,
): SurfaceEntry {
  const byName: Record<string, string> = {};
  members.forEach((member, i) => {
    const key = member.name ? print(member.name) : `[${ts.SyntaxKind[member.kind]} ${i}]`;
    byName[key] = print(member);
  });
  const body = Object.keys(byName).map((key) => byName[key]).join(' ');
  return { name, kind, text: `${head}{ ${body} }`.trim(), members: byName };
}

/** `client.financialConnections.accounts.list`-style leaves of an object type: name → signature. */
function callableMembers(type: ts.Type, prefix: string, checker: ts.TypeChecker, at: ts.Node, depth = 0): SurfaceEntry[] {
  if (depth > 6) return [];
  return checker.getPropertiesOfType(type).flatMap((property) => {
    const propertyType = checker.getTypeOfSymbolAtLocation(property, at);
    const name = `${prefix}.${property.getName()}`;
    if (propertyType.getCallSignatures().length > 0) {
      return [{ name, kind: 'method', text: checker.typeToString(propertyType, at, TYPE_FLAGS) }];
    }
    return propertyType.flags & ts.TypeFlags.Object ? callableMembers(propertyType, name, checker, at, depth + 1) : [];
  });
}

function typeParametersOf(declaration: { readonly typeParameters?: ts.NodeArray<ts.TypeParameterDeclaration> | undefined }, print: (node: ts.Node) => string): string {
  return declaration.typeParameters ? `<${declaration.typeParameters.map(print).join(', ')}>` : '';
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** A class member's signature: a method or constructor without its body, a property without its initializer. */
function stripBody(member: ts.ClassElement): ts.Node {
  const f = ts.factory;
  if (ts.isMethodDeclaration(member)) {
    return f.createMethodSignature(undefined, member.name, member.questionToken, member.typeParameters, member.parameters, member.type);
  }
  if (ts.isConstructorDeclaration(member)) return f.createConstructSignature(undefined, member.parameters, undefined);
  if (ts.isPropertyDeclaration(member)) return f.createPropertySignature(ts.getModifiers(member)?.filter((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword), member.name, member.questionToken, member.type);
  return member;
}
