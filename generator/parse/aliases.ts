// YAML anchors and aliases make a document a graph, not a tree. Two shapes of it would hang or
// crash everything downstream, which walks the document as a tree: a node that contains itself,
// and aliases nested so deep that the tree they stand for is astronomically large.
import { GeneratorError, pointerOf } from '../errors.js';
import { createLocator, withLines } from './locate.js';

/** Twenty times Stripe's whole API (about 100,000 nodes), far below a hang. */
export const MAX_EXPANDED_NODES = 2_000_000;

export function checkAliases(file: string, text: string, document: unknown): void {
  const onPath = new Set<object>();
  const path: (string | number)[] = [];
  // The size of the tree each shared node stands for, counted once per node.
  const sizes = new Map<object, number>();
  const sizeOf = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    if (onPath.has(node)) {
      const problem = { file, pointer: pointerOf(path), message: 'this node is an alias of a node that encloses it' };
      throw new GeneratorError(
        `${file}: a YAML alias makes the document contain itself`,
        withLines([problem], createLocator(text)),
        'a spec must be a tree: replace the alias with a $ref, which may be recursive',
      );
    }
    onPath.add(node);
    let size = 1;
    for (const [key, value] of Object.entries(node)) {
      path.push(Array.isArray(node) ? Number(key) : key);
      size += sizeOf(value);
      path.pop();
    }
    onPath.delete(node);
    sizes.set(node, size);
    return size;
  };
  const size = sizeOf(document);
  if (size > MAX_EXPANDED_NODES) {
    throw new GeneratorError(
      `${file}: YAML aliases expand the document to ${size.toExponential(1)} nodes (the limit is ${MAX_EXPANDED_NODES.toExponential(0)})`,
      [],
      'use $ref for shared schemas instead of nesting aliases of aliases',
    );
  }
}
