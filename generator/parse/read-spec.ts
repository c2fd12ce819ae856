// The parse phase in one call: load the file, apply overlays, fill dangling references from base
// specs, then check it is an OpenAPI 3.x document we can model.
import { bundle, hasExternalRefs } from './bundle.js';
import { checkDocument } from './check-document.js';
import { loadDocument, type LoadedDocument } from './load-document.js';
import { applyOverlay } from './overlay.js';
import { fillDanglingRefs } from './resolve-from.js';

export interface ReadOptions {
  /** Overlay 1.0 files, applied in order. */
  readonly overlays?: readonly string[];
  /** Base specs that dangling `$ref`s are filled from, tried in order. */
  readonly resolveFrom?: readonly string[];
  /** Refuse a document the OpenAPI schema finds fault with, instead of warning. */
  readonly strict?: boolean;
}

export function readSpec(file: string, options: ReadOptions = {}): LoadedDocument {
  const read = loadDocument(file);
  // Other files a spec refers to are brought in first: overlays and checks see one document.
  const loaded = hasExternalRefs(read.document) ? bundle(read) : read;
  let document = loaded.document;
  for (const overlay of options.overlays ?? []) document = applyOverlay(document, loadDocument(overlay));
  if ((options.resolveFrom ?? []).length > 0) {
    document = fillDanglingRefs(document, (options.resolveFrom ?? []).map((base) => loadDocument(base))).document;
  }
  const result = { ...loaded, document };
  return { ...result, warnings: checkDocument(result, options.strict === true) };
}
