// Validating a spec most of whose path items and components the run before found valid. In both
// OpenAPI schemas, `paths` and each `components` section check every entry on its own (by its key
// and value: `patternProperties`, `additionalProperties`, `unevaluatedProperties`,
// `propertyNames`), with nothing that counts or compares entries; test/generator/validate-chunks
// holds the installed schemas to that. So an entry found valid before, under the same validator,
// is valid wherever it now sits, and a document whose other entries and everything else validate
// with no finding has none. Only that answer is taken from the record: when anything is found, or
// nothing is known, the whole document is validated as before, so findings and their order are
// exactly a cold run's.
import { createHash } from 'node:crypto';
import { schemaVersionOf, validateOpenApi, validatorKey, type AjvIssue } from './openapi-schema.js';

/** What the run before left, and what this one found, for the output folder's record. */
export interface ValidationMemo {
  /** Entries (by hash) the last run's document held when it validated with no finding. */
  readonly known: ReadonlySet<string>;
  /** Set by this run: its document's entries, when it validates with no finding (else empty). */
  found?: readonly string[];
}

type Raw = Record<string, unknown>;

/** The sections of `components` in OpenAPI 3.0 and 3.1 (`pathItems` is 3.1's). */
export const COMPONENT_SECTIONS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks', 'pathItems'];

interface Entry {
  /** The container's path from the root, e.g. ['components', 'schemas']. */
  readonly container: readonly string[];
  readonly key: string;
  readonly hash: string;
}

export function validateWithMemo(document: Raw, memo: ValidationMemo | undefined): AjvIssue[] {
  if (!memo) return validateOpenApi(document);
  let entries: Entry[];
  try {
    entries = entriesOf(document);
  } catch {
    // An entry JSON cannot spell (a cycle through a shared node): nothing is reused.
    memo.found = [];
    return validateOpenApi(document);
  }
  if (memo.known.size > 0 && validateOpenApi(withoutEntries(document, entries.filter((e) => memo.known.has(e.hash)))).length === 0) {
    memo.found = entries.map((e) => e.hash);
    return [];
  }
  const issues = validateOpenApi(document);
  memo.found = issues.length === 0 ? entries.map((e) => e.hash) : [];
  return issues;
}

/** The hashes of a document's path items and components, as a run records them. */
export function entryHashes(document: Raw): string[] {
  return entriesOf(document).map((e) => e.hash);
}

/** Every path item and every component of every section, each hashed with its key, its container and the validator. */
function entriesOf(document: Raw): Entry[] {
  const version = schemaVersionOf(document);
  const validator = validatorKey(version);
  const containers: (readonly string[])[] = [['paths'], ...COMPONENT_SECTIONS.map((section) => ['components', section])];
  const entries: Entry[] = [];
  for (const container of containers) {
    const map = containerAt(document, container);
    if (!map) continue;
    for (const [key, value] of Object.entries(map)) {
      const hash = createHash('sha256').update(`${validator}\0${JSON.stringify(container)}\0${JSON.stringify(key)}\0`).update(exactJson(value)).digest('base64');
      entries.push({ container, key, hash });
    }
  }
  return entries;
}

/** The document with those entries left out; everything else, in its order, as it is. */
function withoutEntries(document: Raw, left: readonly Entry[]): Raw {
  const byContainer = new Map<string, Set<string>>();
  for (const e of left) {
    const id = JSON.stringify(e.container);
    byContainer.set(id, (byContainer.get(id) ?? new Set()).add(e.key));
  }
  const keep = (container: readonly string[], map: Raw): Raw => {
    const gone = byContainer.get(JSON.stringify(container));
    return gone ? Object.fromEntries(Object.entries(map).filter(([key]) => !gone.has(key))) : map;
  };
  const reduced: Raw = { ...document };
  if (isObject(document.paths)) reduced.paths = keep(['paths'], document.paths);
  if (isObject(document.components)) {
    const components: Raw = { ...document.components };
    for (const section of COMPONENT_SECTIONS) if (isObject(components[section])) components[section] = keep(['components', section], components[section]);
    reduced.components = components;
  }
  return reduced;
}

function containerAt(document: Raw, path: readonly string[]): Raw | undefined {
  let node: unknown = document;
  for (const step of path) node = isObject(node) ? node[step] : undefined;
  return isObject(node) ? node : undefined;
}

/**
 * A parsed value as text that tells apart what validation tells apart. JSON prints NaN and the
 * infinities (YAML's `.nan`, `.inf`) as `null`, so text with a null value in it is printed again
 * with those spelled out (text in a string that looks like one only costs that second print).
 */
function exactJson(value: unknown): string {
  const plain = JSON.stringify(value) ?? 'undefined';
  if (!NULL_VALUE.test(plain)) return plain;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { '\u0000number': String(v) } : v))!;
}

const NULL_VALUE = /[:,[]null[,\]}]|^null$/;

function isObject(value: unknown): value is Raw {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
