// Top-level declarations as text, the one way emitters print them: each statement a string,
// files a blank line between statements (prettier then lays them out).
import { memberLines, type Member } from './type-expression.js';

export interface InterfaceDeclaration {
  readonly name: string;
  /** Each as written: `E extends readonly X[] = readonly X[]`. */
  readonly typeParameters?: readonly string[];
  /** The doc comment block, or ''. */
  readonly doc: string;
  readonly members: readonly Member[];
}

export function interfaceDeclaration(d: InterfaceDeclaration): string {
  const body = d.members.length === 0 ? '{}' : `{\n${memberLines(d.members).join('\n')}\n}`;
  return `${withDoc(d.doc)}export interface ${d.name}${typeParameterList(d.typeParameters)} ${body}`;
}

export function typeAliasDeclaration(name: string, doc: string, type: string): string {
  return `${withDoc(doc)}export type ${name} = ${type};`;
}

export interface FunctionDeclaration {
  readonly name: string;
  readonly doc: string;
  readonly typeParameters?: readonly string[];
  /** Each as written: `params?: Params`. */
  readonly parameters: readonly string[];
  readonly returnType: string;
  /** The statements of its body. */
  readonly body: string;
}

export function functionDeclaration(d: FunctionDeclaration): string {
  const signature = `${d.name}${typeParameterList(d.typeParameters)}(${d.parameters.join(', ')}): ${d.returnType}`;
  return `${withDoc(d.doc)}export function ${signature} {\n${d.body}\n}`;
}

/** A file of statements, a blank line between each two. */
export function printFile(statements: readonly string[]): string {
  return `${statements.join('\n\n')}\n`;
}

function withDoc(doc: string): string {
  return doc === '' ? '' : `${doc}\n`;
}

function typeParameterList(parameters: readonly string[] | undefined): string {
  return parameters && parameters.length > 0 ? `<${parameters.join(', ')}>` : '';
}
