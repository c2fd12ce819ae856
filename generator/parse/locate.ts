// Finds the line and column of a JSON pointer in the spec's text, for error messages only:
// building a position-aware tree of a 4 MB spec costs a second, so it happens lazily.
import { createRequire } from 'node:module';
import type { LineCounter, Node } from 'yaml';
import type { Problem } from '../errors.js';

// The yaml package is loaded when a YAML spec has something to locate, not by every run.
const yamlPackage = () => createRequire(import.meta.url)('yaml') as typeof import('yaml');

export type Locator = (pointer: string) => { line: number; column: number } | undefined;

export function createLocator(text: string): Locator {
  // Decided at the first lookup: most runs have nothing to locate, and telling JSON from YAML
  // parses the whole text once more.
  let json: boolean | undefined;
  let tree: { root: unknown; lines: LineCounter } | undefined;
  return (pointer) => {
    json ??= isJson(text);
    if (json) return jsonPosition(text, pointerTokens(pointer));
    const { LineCounter, parseDocument, isMap, isSeq } = yamlPackage();
    if (!tree) {
      const lines = new LineCounter();
      const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false, uniqueKeys: false });
      tree = { root: doc.contents, lines };
    }
    let node: unknown = tree.root;
    let keyNode: unknown;
    for (const token of pointerTokens(pointer)) {
      keyNode = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value) === token);
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node)) {
        node = node.items[Number(token)];
      } else break;
    }
    const range = ((keyNode ?? node) as Node | undefined)?.range;
    if (!range) return undefined;
    const { line, col } = tree.lines.linePos(range[0]);
    return { line, column: col };
  };
}

// A JSON spec is located by scanning its text along the pointer instead: the yaml package's tree
// of GitHub's 13 MB JSON took 8 s and 450 MB. Same answers: the key a pointer ends at, else the
// deepest value reached; line and column counted from 1.
function isJson(text: string): boolean {
  if (!/^\s*[[{]/.test(text)) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function jsonPosition(text: string, tokens: readonly string[]): { line: number; column: number } | undefined {
  let at = skipBlanks(text, 0);
  let found = at;
  for (const token of tokens) {
    found = at; // a token not found leaves the value reached, not its key
    const next = text[at] === '{' ? memberKey(text, at, token) : text[at] === '[' ? itemStart(text, at, Number(token)) : null;
    if (next === undefined) return undefined; // an item past the end, as the tree gives
    if (next === null) break;
    found = next.found;
    at = next.value;
  }
  const before = text.slice(0, found);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: found - lineStart + 1 };
}

/** In the object at `at`: where the member `key` is (its key) and its value starts; null when absent. */
function memberKey(text: string, at: number, key: string): { found: number; value: number } | null {
  let i = skipBlanks(text, at + 1);
  while (text[i] === '"') {
    const keyEnd = stringEnd(text, i);
    const name = JSON.parse(text.slice(i, keyEnd)) as string;
    const value = skipBlanks(text, skipBlanks(text, keyEnd) + 1);
    if (name === key) return { found: i, value };
    i = skipBlanks(text, valueEnd(text, value));
    if (text[i] === ',') i = skipBlanks(text, i + 1);
  }
  return null;
}

/** In the array at `at`: where item `index` starts (found and value alike); undefined past the end. */
function itemStart(text: string, at: number, index: number): { found: number; value: number } | undefined {
  let i = skipBlanks(text, at + 1);
  for (let n = 0; text[i] !== ']'; n++) {
    if (n === index) return { found: i, value: i };
    i = skipBlanks(text, valueEnd(text, i));
    if (text[i] === ',') i = skipBlanks(text, i + 1);
  }
  return undefined;
}

function skipBlanks(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  return i;
}

/** The offset just after the string that starts at `i`. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  return text.length;
}

/** The offset just after the value that starts at `i`. */
function valueEnd(text: string, i: number): number {
  if (text[i] === '"') return stringEnd(text, i);
  if (text[i] !== '{' && text[i] !== '[') {
    let j = i;
    while (j < text.length && !',}] \n\r\t'.includes(text[j]!)) j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '"') j = stringEnd(text, j) - 1;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return j + 1;
  }
  return text.length;
}

export function withLines(problems: readonly Problem[], locate: Locator): Problem[] {
  return problems.map((p) => (p.pointer && p.line === undefined ? { ...p, ...locate(p.pointer) } : p));
}

/** The tokens of a JSON pointer as this generator writes them (RFC 6901 escapes, no URI encoding). */
export function pointerTokens(pointer: string): string[] {
  const body = pointer.replace(/^#/, '');
  if (body === '') return [];
  return body
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The tokens of a `$ref` as a spec author writes it: a URI fragment, so `%20` stands for a space
 * (RFC 6901 §6: percent-decode first, then split). A `%` that starts no escape is kept as it is.
 */
export function refTokens(ref: string): string[] {
  let fragment = ref.replace(/^#/, '');
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // Not percent-encoded after all: take the text as it stands.
  }
  return pointerTokens(fragment);
}
