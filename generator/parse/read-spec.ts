// The parse phase in one call: load the file (Swagger 2.0 converted to OpenAPI 3.0), bring in
// the files it refers to, apply overlays, fill dangling references from base specs, then check it
// is an OpenAPI 3.x document we can model.
import { bundle, hasExternalRefs } from './bundle.js';
import { checkDocument } from './check-document.js';
import { loadDocument, type LoadedDocument } from './load-document.js';
import { applyOverlay } from './overlay.js';
import { convertSwagger2 } from './swagger2.js';
import { collectRefs } from './refs.js';
import { fillDanglingRefs } from './resolve-from.js';

export interface ReadOptions {
  /** Overlay 1.0 files, applied in order. */
  readonly overlays?: readonly string[];
  /** Base specs that dangling `$ref`s are filled from, tried in order. */
  readonly resolveFrom?: readonly string[];
  /** Refuse a document the OpenAPI schema finds fault with, instead of warning. */
  readonly strict?: boolean;
}

/** The parse phase, Swagger 2.0 converted to OpenAPI 3.0 first (the converter is asynchronous). */
export async function readAnySpec(file: string, options: ReadOptions = {}): Promise<LoadedDocument> {
  return readLoaded(await convertSwagger2(loadDocument(file), options.strict === true), options);
}

function readLoaded(read: LoadedDocument, options: ReadOptions): LoadedDocument {
  // Other files a spec refers to are brought in first: overlays and checks see one document.
  // The walk for `$ref`s (tens of milliseconds on the whole Stripe spec) is made once, and its
  // findings reused by the checks while nothing has changed the document.
  const refs = collectRefs(read.document);
  const loaded = hasExternalRefs(read.document, refs) ? bundle(read) : read;
  let document = loaded.document;
  for (const overlay of options.overlays ?? []) document = applyOverlay(document, loadDocument(overlay, '--overlay'));
  if ((options.resolveFrom ?? []).length > 0) {
    document = fillDanglingRefs(document, (options.resolveFrom ?? []).map((base) => loadDocument(base, '--resolve-from'))).document;
  }
  const result = { ...loaded, document };
  const unchanged = loaded === read && (options.overlays ?? []).length === 0 && (options.resolveFrom ?? []).length === 0 ? refs : undefined;
  return { ...result, warnings: [...(read.warnings ?? []), ...checkDocument(result, options.strict === true, unchanged)] };
}
