// The layout of generated code, exactly as prettier lays it out: each construct the emitters
// print is described here as the document prettier's own printer builds for it (groups, indents,
// optional line breaks), and prettier's document printer (`prettier/doc`, no parser) fits it into
// 100 columns. Formatting the output afterwards is then a check rather than a pass:
// test/generator/prettier-clean.test.ts formats every generated file and requires no change.
import { builders, printer, utils } from 'prettier/doc';

export type Doc = builders.Doc;

const { align, group, indent, line, softline, hardline, ifBreak, join, indentIfBreak, literalline, markAsRoot } = builders;
export { align, group, hardline, ifBreak, indent, join, line, softline };
/** Whether a document holds a forced line break (prettier's own test, which some of its layouts ask). */
export const willBreak = (doc: Doc): boolean => utils.willBreak(doc);

const PRINT_OPTIONS = { printWidth: 100, tabWidth: 2, useTabs: false } as const;

export function printDoc(doc: Doc): string {
  return printer.printDocToString(doc, PRINT_OPTIONS as Parameters<typeof printer.printDocToString>[1]).formatted;
}

/** `a, b, c` that breaks into one item per line with a trailing comma: `(…)`, `<…>`, `[…]`. */
export function bracketList(open: string, items: readonly Doc[], close: string, trailingComma = true): Doc {
  return group([open, indent([softline, join([',', line], [...items])]), trailingComma ? ifBreak(',') : '', softline, close]);
}

/** `{ a, b }` that breaks into one item per line: object literals and import lists. */
export function braceList(items: readonly Doc[]): Doc {
  if (items.length === 0) return '{}';
  return group(['{', indent([line, join([',', line], [...items])]), ifBreak(','), line, '}']);
}

/** `= value` (or `: value`) when it may move to the next line: prettier's "fluid" assignment layout. */
export function fluidAssignment(left: Doc, operator: string, right: Doc): Doc {
  return group([group(left), ...fluidTail(operator, right)]);
}

/** The operator and the value of a fluid assignment: the line after the operator breaks only if the value cannot fit otherwise. */
export function fluidTail(operator: string, right: Doc): Doc[] {
  const id = Symbol('assignment');
  return [operator, group(indent(line), { id }), indentIfBreak(right, { groupId: id })];
}

/** `= value` that breaks after the operator first: prettier's layout for strings and unions. */
export function breakAfterOperator(left: Doc, operator: string, right: Doc): Doc {
  return group([group(left), operator, group(indent([line, right]))]);
}

/** A `/** … *\/` block as prettier prints it: single-line as written, multi-line re-indented. */
function commentDoc(block: string): Doc {
  const lines = block.split('\n');
  if (lines.length === 1) return block;
  // Each line after the first re-indented to where the comment starts. Trailing blanks go, except
  // that two spaces stay (a Markdown line break): hence literal line breaks, which keep them.
  const trailing = (text: string) => text.replace(/[\t ]+$/, (blanks) => (blanks.endsWith('  ') ? '  ' : ''));
  return markAsRoot(join(literalline, lines.map((text, i) => (i === 0 ? text : ` ${trailing(text.trimStart())}`))));
}

/** A doc comment (or '') before what it documents. */
export function withComment(block: string, doc: Doc): Doc {
  return block === '' ? doc : [commentDoc(block), hardline, doc];
}

/**
 * A string literal as prettier writes it: in single quotes unless the text holds more of them
 * than double quotes; backslashes, that quote, line breaks and other control characters escaped
 * (the rest as JSON escapes them), and U+2028/U+2029, which end a line in older JavaScript.
 */
export function stringLiteral(value: string): string {
  const quote = count(value, "'") > count(value, '"') ? '"' : "'";
  // JSON's escapes with its `\"` undone: every backslash left starts an escape, so a quote is never part of one.
  const body = JSON.stringify(value).slice(1, -1).replaceAll('\\"', '"').replaceAll(quote, `\\${quote}`);
  return `${quote}${body.replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029')}${quote}`;
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** A value in the JavaScript the emitters write: operation specs, path arguments, the client object. */
export type ValueNode =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'identifier'; readonly name: string }
  /** `expanded`: one property per line whether or not it would fit, as an object written that way stays. */
  | { readonly kind: 'object'; readonly properties: readonly ValueProperty[]; readonly expanded?: boolean }
  | { readonly kind: 'array'; readonly items: readonly ValueNode[] }
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly string[] };

export interface ValueProperty {
  readonly key: string;
  readonly value: ValueNode;
  /** A doc comment block before it, or ''. */
  readonly doc?: string;
}

export function valueDoc(node: ValueNode): Doc {
  switch (node.kind) {
    case 'string':
      return stringLiteral(node.value);
    case 'identifier':
      return node.name;
    case 'array':
      return group(['[', indent([softline, join([',', line], node.items.map((item) => group(valueDoc(item)))), ifBreak(',')]), softline, ']']);
    case 'call':
      return [node.callee, bracketList('(', node.args, ')')];
    case 'object': {
      const properties = node.properties.map((p) => withComment(p.doc ?? '', propertyDoc(p.key, p.value)));
      if (!node.expanded) return braceList(properties);
      return ['{', indent([hardline, join([',', hardline], properties)]), ',', hardline, '}'];
    }
  }
}

// Prettier keeps an argument this short on the line of its call (a "lone short argument").
const SHORT_ARGUMENT = 25;

/**
 * `key: value`, or shorthand `key` when the value is the same name. Prettier never breaks after a
 * key narrower than 5 columns, breaks after the colon first for a string or a call with one short
 * argument, and otherwise lets the value choose ("fluid").
 */
export function propertyDoc(key: string, value: ValueNode): Doc {
  if (value.kind === 'identifier' && value.name === key) return key;
  const printed = valueDoc(value);
  if (key.length < 5) return group([group(key), ': ', printed]);
  const poorlyBreakable = value.kind === 'call' && value.args.length === 1 && value.args[0]!.length <= SHORT_ARGUMENT;
  if (value.kind === 'string' || poorlyBreakable) return breakAfterOperator(key, ':', printed);
  return fluidAssignment(key, ':', printed);
}
