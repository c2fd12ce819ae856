// Swagger 2.0 is converted to OpenAPI 3.0 in memory by swagger2openapi (Mermade's converter,
// which openapi-generator's users rely on too), patching the small faults it knows how to fix.
// The faults are found first, in the document as written (its places and lines), by the official
// Swagger 2.0 schema; then what did not carry over is said, at each place the converter marked.
import { createRequire } from 'node:module';
import { GeneratorError, type Problem } from '../errors.js';
import { checkSchema } from './check-document.js';
import type { LoadedDocument } from './load-document.js';
import { createLocator } from './locate.js';
import { forEachObject } from './refs.js';

type Raw = Record<string, unknown>;

interface Converter {
  convertObj(document: unknown, options: Raw): Promise<Raw>;
}

const WARNING_KEY = 'x-s2o-warning';

/**
 * The document as OpenAPI 3.0 when it is Swagger 2.0 (with warnings, errors when `strict`);
 * otherwise as it is.
 */
export async function convertSwagger2(loaded: LoadedDocument, strict = false): Promise<LoadedDocument> {
  if (String(loaded.document.swagger) !== '2.0') return loaded;
  const faults = checkSchema(loaded.file, loaded.document, createLocator(loaded.text), strict);
  const converter = createRequire(import.meta.url)('swagger2openapi') as Converter;
  const options: Raw = { patch: true, warnOnly: true, warnProperty: WARNING_KEY, direct: true, resolve: false, source: loaded.file };
  let document: Raw;
  try {
    document = await converter.convertObj(structuredClone(loaded.document), options);
  } catch (error) {
    throw new GeneratorError(
      `${loaded.file}: this Swagger 2.0 document cannot be converted to OpenAPI 3 (${(error as Error).message})`,
      [],
      'fix the place named, or convert it yourself and generate from the OpenAPI 3 document',
    );
  }
  const notCarried = markedPlaces(document).map(({ pointer, message }) => ({
    file: loaded.file,
    pointer,
    message: `not carried over from Swagger 2.0 (the place is in the converted OpenAPI 3.0 document): ${message}`,
  }));
  const warnings: Problem[] = [...faults, ...notCarried];
  return { ...loaded, document, warnings: [...(loaded.warnings ?? []), ...warnings] };
}

/** The places the converter marked with a warning, which it leaves in the document: removed here. */
function markedPlaces(document: Raw): { pointer: string; message: string }[] {
  const found: { pointer: string; message: string }[] = [];
  forEachObject(document, (node, pointer) => {
    if (typeof node[WARNING_KEY] !== 'string') return;
    found.push({ pointer: pointer(), message: node[WARNING_KEY] as string });
    delete node[WARNING_KEY];
  });
  return found;
}
