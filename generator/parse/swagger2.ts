// Swagger 2.0 is converted to OpenAPI 3.0 in memory by swagger2openapi (Mermade's converter,
// which openapi-generator's users rely on too), patching the small faults it knows how to fix.
// What did not carry over is said: each place the converter marked, and how many it patched.
import { createRequire } from 'node:module';
import { GeneratorError, type Problem } from '../errors.js';
import type { LoadedDocument } from './load-document.js';
import { forEachObject } from './refs.js';

type Raw = Record<string, unknown>;

interface ConverterOptions extends Raw {
  patches?: number;
}
interface Converter {
  convertObj(document: unknown, options: ConverterOptions): Promise<Raw>;
}

const WARNING_KEY = 'x-s2o-warning';

/** The document as OpenAPI 3.0 when it is Swagger 2.0 (with warnings); otherwise as it is. */
export async function convertSwagger2(loaded: LoadedDocument): Promise<LoadedDocument> {
  if (String(loaded.document.swagger) !== '2.0') return loaded;
  const converter = createRequire(import.meta.url)('swagger2openapi') as Converter;
  const options: ConverterOptions = { patch: true, warnOnly: true, warnProperty: WARNING_KEY, direct: true, resolve: false, source: loaded.file };
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
  const warnings: Problem[] = [
    { file: loaded.file, pointer: '#/swagger', message: 'Swagger 2.0, converted to OpenAPI 3.0 in memory; places below refer to the converted document' },
    ...markedPlaces(document).map(({ pointer, message }) => ({ file: loaded.file, pointer, message: `not carried over from Swagger 2.0: ${message}` })),
    ...((options.patches ?? 0) > 0 ? [{ file: loaded.file, message: `${options.patches} fault${options.patches === 1 ? '' : 's'} of the Swagger 2.0 document patched while converting` }] : []),
  ];
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
