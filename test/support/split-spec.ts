// A spec split over two files, for the tests of what a change to the referenced file alone must
// do (regenerate, be watched): api.yaml's one operation answers thing.yaml's `Thing`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes api.yaml and thing.yaml (`Thing` with one string property) into `dir`; returns api.yaml's path. */
export function writeSplitSpec(dir: string, property: string): string {
  const spec = join(dir, 'api.yaml');
  writeFileSync(spec, [
    'openapi: 3.0.3',
    'info: { title: Split, version: "1" }',
    'paths:',
    '  /things/{id}:',
    '    get:',
    '      operationId: getThing',
    '      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
    '      responses:',
    '        "200": { description: ok, content: { application/json: { schema: { $ref: "thing.yaml#/Thing" } } } }',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'thing.yaml'), thingSchema(property));
  return spec;
}

/** thing.yaml's text with `Thing`'s one property named `property`. */
export const thingSchema = (property: string) => `Thing:\n  type: object\n  properties:\n    ${property}: { type: string }\n`;
