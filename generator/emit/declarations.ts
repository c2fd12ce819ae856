// Top-level declarations, the one way emitters print them: each a document laid out as prettier
// lays it out (layout.ts), a file their sequence with a blank line between each two.
import { braceList, bracketList, fluidAssignment, fluidTail, group, hardline, ifBreak, indent, join, line, softline, printDoc, stringLiteral, valueDoc, willBreak, withComment, type Doc, type ValueNode } from './layout.js';
import { isHuggedUnion, objectTypeDoc, typeArgumentsDoc, typeDoc, unionMembersDoc, type Member, type TypeNode } from './type-expression.js';

export interface TypeParameter {
  readonly name: string;
  /** `const E`: infers literal tuples from the call. */
  readonly isConst?: boolean;
  readonly constraint?: TypeNode;
  readonly default: TypeNode;
}

export interface InterfaceDeclaration {
  readonly name: string;
  readonly typeParameters?: readonly TypeParameter[];
  /** The doc comment block, or ''. */
  readonly doc: string;
  readonly members: readonly Member[];
}

export function interfaceDeclaration(d: InterfaceDeclaration): Doc {
  return withComment(d.doc, ['export interface ', d.name, typeParametersDoc(d.typeParameters), ' ', objectTypeDoc(d.members)]);
}

export function typeAliasDeclaration(name: string, doc: string, type: TypeNode): Doc {
  const left = `type ${name}`;
  // A union that breaks moves to the next line whole, one member per line; anything else stays after `=` if it can.
  const alias =
    type.kind === 'union' && !isHuggedUnion(type.types)
      ? group([group(left), ' =', group(indent([line, unionMembersDoc(type.types)]))])
      : fluidAssignment(left, ' =', typeDoc(type, 'bare'));
  return withComment(doc, ['export ', alias, ';']);
}

export interface Parameter {
  readonly name: string;
  readonly optional?: boolean;
  readonly type: TypeNode;
}

export interface FunctionDeclaration {
  readonly name: string;
  readonly doc: string;
  readonly typeParameters?: readonly TypeParameter[];
  readonly parameters: readonly Parameter[];
  readonly returnType: TypeNode;
  /** Its body's statements. */
  readonly body: Doc;
}

export function functionDeclaration(d: FunctionDeclaration): Doc {
  return withComment(d.doc, ['export function ', signatureDoc(d), ' {', indent([hardline, d.body]), hardline, '}']);
}

/** One overload of a function: `export function name(parameters): ReturnType;`, the implementation after the last. */
export function overloadDeclaration(d: Omit<FunctionDeclaration, 'body'>): Doc {
  return withComment(d.doc, ['export function ', signatureDoc(d), ';']);
}

/** A method of an interface or object type: `name<T…>(parameters): ReturnType;`. */
export function methodSignature(m: Omit<FunctionDeclaration, 'body'>): Doc {
  return withComment(m.doc, [signatureDoc(m), ';']);
}

/** `name<T…>(parameters): ReturnType`, as prettier lays out a function's and a method's alike. */
function signatureDoc(d: Omit<FunctionDeclaration, 'body' | 'doc'>): Doc {
  const parameters = d.parameters.map((p) => [p.name, p.optional ? '?' : '', ': ', typeDoc(p.type, 'annotation')]);
  const parametersDoc = ['(', indent([softline, join([',', line], parameters)]), ifBreak(','), softline, ')'];
  const returnType = typeDoc(d.returnType, 'annotation');
  // Parameters and return type form one group: when the signature does not fit, the parameters
  // break first, except that a lone parameter stays on the line when the return type breaks
  // anyway (prettier's shouldGroupFunctionParameters; a method may take only `options`). Prettier
  // also allows one type parameter without constraint or default; every one printed here has a default.
  const lone = d.parameters.length === 1 && (d.typeParameters ?? []).length === 0 && (d.returnType.kind === 'object' || willBreak(returnType));
  return [d.name, typeParametersDoc(d.typeParameters), group([lone ? group(parametersDoc) : parametersDoc, ': ', returnType])];
}

/** `const NAME = value as const satisfies Type;` */
export function constDeclaration(name: string, value: ValueNode, satisfies: string): Doc {
  return group(['const ', fluidAssignment(name, ' =', [valueDoc(value), ` as const satisfies ${satisfies}`]), ';']);
}

/** `receiver.method<T…>(args…)`, optionally cast: `… as T`. */
export function callDoc(callee: string, typeArguments: readonly TypeNode[], args: readonly Doc[]): Doc {
  return group([callee, typeArguments.length > 0 ? typeArgumentsDoc(typeArguments) : '', bracketList('(', args, ')')]);
}

export function importDeclaration(names: readonly string[], from: string, typeOnly: boolean): Doc {
  // A single name never breaks (prettier keeps `{ A }` whole).
  const list = names.length === 1 ? `{ ${names[0]} }` : braceList(names);
  return [typeOnly ? 'import type ' : 'import ', list, ' from ', stringLiteral(from), ';'];
}

/** A file of statements, a blank line between each two. */
export function printFile(statements: readonly Doc[]): string {
  if (statements.length === 0) return '';
  return printDoc([join([hardline, hardline], [...statements]), hardline]);
}

function typeParametersDoc(parameters: readonly TypeParameter[] | undefined): Doc {
  if (!parameters || parameters.length === 0) return '';
  return bracketList(
    '<',
    parameters.map((p) =>
      group([p.isConst ? 'const ' : '', p.name, ...(p.constraint ? fluidTail(' extends', typeDoc(p.constraint, 'bare')) : []), ...fluidTail(' =', typeDoc(p.default, 'bare'))]),
    ),
    '>',
  );
}
