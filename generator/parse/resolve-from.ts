// `--resolve-from <spec>`: fills a slice's dangling component references from a base spec (the
// whole API it was cut from), following what the filled components reference in turn. What no
// base has stays dangling, for the usual error to name.
import type { LoadedDocument } from './load-document.js';
import { pointerTokens } from './locate.js';
import { findDanglingRefs, resolveLocalRef } from './refs.js';

export interface Filled {
  readonly document: Record<string, unknown>;
  /** Pointers filled, with the base file each came from. */
  readonly filled: readonly { readonly pointer: string; readonly from: string }[];
}

export function fillDanglingRefs(document: Record<string, unknown>, bases: readonly LoadedDocument[]): Filled {
  let current = document;
  const filled: { pointer: string; from: string }[] = [];
  const tried = new Set<string>();
  for (;;) {
    const wanted = [...new Set(findDanglingRefs(current).map((site) => site.ref))].filter((ref) => !tried.has(ref));
    if (wanted.length === 0) return { document: current, filled };
    for (const ref of wanted) {
      tried.add(ref);
      for (const base of bases) {
        const value = resolveLocalRef(base.document, ref);
        if (value === undefined) continue;
        current = withValueAt(current, pointerTokens(ref), structuredClone(value));
        filled.push({ pointer: ref, from: base.file });
        break;
      }
    }
  }
}

/** A copy of `document` with `value` set at the path, copying only the containers on the way. */
function withValueAt(document: Record<string, unknown>, tokens: readonly string[], value: unknown): Record<string, unknown> {
  if (tokens.length === 0) return document;
  const [head, ...rest] = tokens as [string, ...string[]];
  const child = document[head];
  const container = child !== null && typeof child === 'object' && !Array.isArray(child) ? (child as Record<string, unknown>) : {};
  return { ...document, [head]: rest.length === 0 ? value : withValueAt(container, rest, value) };
}
