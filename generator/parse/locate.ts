// Finds the line and column of a JSON pointer in the spec's text, for error messages only:
// building a position-aware tree of a 4 MB spec costs a second, so it happens lazily.
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import type { Problem } from '../errors.js';

export type Locator = (pointer: string) => { line: number; column: number } | undefined;

export function createLocator(text: string): Locator {
  let tree: { root: unknown; lines: LineCounter } | undefined;
  return (pointer) => {
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
