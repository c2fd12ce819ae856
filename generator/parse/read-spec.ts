// The parse phase in one call: load the file, then check it is an OpenAPI 3.x document we can model.
import { checkDocument } from './check-document.js';
import { loadDocument, type LoadedDocument } from './load-document.js';

export function readSpec(file: string): LoadedDocument {
  const loaded = loadDocument(file);
  checkDocument(loaded);
  return loaded;
}
