// Validation against the official OpenAPI JSON schemas, exactly as swagger-parser does it. The
// validators are Ajv's standalone code, made when the package is built
// (scripts/build-validators.ts → parse/validators/), so a run neither compiles the schemas
// (a quarter of a second) nor writes anything outside its output folder.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { GeneratorError } from '../errors.js';

export interface AjvIssue {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params?: Record<string, unknown>;
  /** Set when the issue is about a key itself (a `propertyNames` rule), not its value. */
  readonly propertyName?: string;
}

type Validate = ((data: unknown) => boolean) & { errors?: AjvIssue[] | null };
type Version = '2.0' | '3.0' | '3.1';

const loaded = new Map<Version, Validate>();

/** Which of the three schemas validates a document. */
export const schemaVersionOf = (document: { openapi?: unknown; swagger?: unknown }): Version =>
  String(document.swagger) === '2.0' ? '2.0' : String(document.openapi).startsWith('3.1') ? '3.1' : '3.0';

/** The issues Ajv finds in a Swagger 2.0, OpenAPI 3.0 or 3.1 document (none when it is valid). */
export function validateOpenApi(document: { openapi?: unknown; swagger?: unknown }): AjvIssue[] {
  const version = schemaVersionOf(document);
  let validate = loaded.get(version);
  if (!validate) {
    validate = builtValidator(version);
    loaded.set(version, validate);
  }
  return validate(document) ? [] : [...(validate.errors ?? [])];
}

function builtValidator(version: Version): Validate {
  const module = `./validators/openapi-${version}.cjs`;
  if (!existsSync(fileURLToPath(new URL(module, import.meta.url)))) {
    throw new GeneratorError(`the ${version === '2.0' ? 'Swagger' : 'OpenAPI'} ${version} validator is not built (${module} is missing)`, [], 'in a checkout of the generator, run `npm run validators`');
  }
  return (createRequire(import.meta.url)(module) as { default: Validate }).default;
}
