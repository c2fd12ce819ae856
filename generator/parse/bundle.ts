// Multi-file specs: `$ref`s to other files (relative paths, YAML or JSON, with or without a JSON
// pointer, nested to any depth) are brought into one document. A schema reached through another
// file becomes a component of its own (`components/schemas/<name>`, named after the pointer's last
// token or the file), so that its name survives and recursion through files still ends; anything
// else (a path item, a response, a parameter, a description) is put in place. Generation never
// touches the network: a URL `$ref` is an error, and so is a broken one, named on both sides.
import { createHash } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';
import { escapePointerToken, GeneratorError, pointerOf, type Problem } from '../errors.js';
import { numberedName } from '../naming/identifiers.js';
import { loadDocument, type LoadedDocument } from './load-document.js';
import { createLocator, refTokens, withLines, type Locator } from './locate.js';
import { collectRefs, type RefSite } from './refs.js';

type Raw = Record<string, unknown>;

/** Does the document refer to anything outside itself? (`sites`: its `$ref`s, when collected already.) */
export function hasExternalRefs(document: unknown, sites: readonly RefSite[] = collectRefs(document)): boolean {
  return sites.some((site) => !site.ref.startsWith('#'));
}

// Keys whose value is a schema, and keys whose values (each one) or items are, inside a schema.
const SCHEMA_VALUED = new Set(['items', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties', 'additionalItems']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

/** What a node is: plain data, a schema, or a map or list of schemas (`properties`, `allOf`). */
type Mode = 'data' | 'schema' | 'schemas';

interface SourceFile {
  readonly loaded: LoadedDocument;
  locate?: Locator;
}

export function bundle(root: LoadedDocument): LoadedDocument {
  const files = new Map<string, SourceFile>([[resolve(root.file), { loaded: root }]]);
  const rootFile = resolve(root.file);
  const rootSchemas = (((root.document.components ?? {}) as Raw).schemas ?? {}) as Raw;
  const names = new Set(Object.keys(rootSchemas));
  const hoisted = new Map<string, { name: string; walked?: boolean; schema?: unknown }>();
  const inlined = new Map<string, unknown>();
  const inlining = new Set<string>();
  const problems: Problem[] = [];
  const display = displayer(root);

  const fileOf = (path: string, from: { file: string; tokens: readonly (string | number)[] }): SourceFile | undefined => {
    let source = files.get(path);
    if (source) return source;
    try {
      source = { loaded: loadDocument(path) };
    } catch (error) {
      if (!(error instanceof GeneratorError)) throw error;
      problems.push(referrer(from, `$ref into ${display(path)}, which cannot be read: ${error.message.replace(/^[^:]*: /, '')}`), ...error.problems);
      return undefined;
    }
    files.set(path, source);
    return source;
  };

  const referrer = (from: { file: string; tokens: readonly (string | number)[] }, message: string): Problem => {
    const source = files.get(from.file)!;
    source.locate ??= createLocator(source.loaded.text);
    const pointer = pointerOf([...from.tokens, '$ref']);
    return withLines([{ file: display(from.file), pointer, message }], source.locate)[0]!;
  };

  function follow(ref: string, siblings: Raw, file: string, tokens: readonly (string | number)[], mode: Mode): unknown {
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash);
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(filePart)) {
      problems.push(referrer({ file, tokens }, `$ref to a URL ('${ref}'): generation never fetches anything; download the document and refer to the file`));
      return { ...siblings };
    }
    const target = targetFile(filePart, file);
    if (target === rootFile) return { $ref: fragment === '' ? '#' : fragment, ...siblings };
    const source = fileOf(target, { file, tokens });
    if (!source) return { ...siblings };
    const pointerTokens = refTokens(fragment);
    const value = valueAt(source.loaded.document, pointerTokens);
    if (value === undefined) {
      source.locate ??= createLocator(source.loaded.text);
      const deepest = deepestExisting(source.loaded.document, pointerTokens);
      const there = withLines([{ file: display(target), pointer: pointerOf(deepest), message: `has no ${fragment === '' ? 'content' : `'${fragment}'`} (this is the nearest part that exists)` }], source.locate)[0]!;
      problems.push(referrer({ file, tokens }, `$ref '${ref}' points at nothing`), there);
      return { ...siblings };
    }
    const key = refKey(target, fragment);
    const isSchema = mode === 'schema' || (mode === 'data' && pointerTokens[0] === 'components' && pointerTokens[1] === 'schemas' && pointerTokens.length === 3);
    if (isSchema) {
      let entry = hoisted.get(key);
      if (!entry) hoisted.set(key, (entry = { name: numberedName(schemaNameOf(target, pointerTokens), names) }));
      if (!entry.walked) {
        entry.walked = true;
        entry.schema = walk(value, target, pointerTokens, 'schema');
      }
      return { $ref: `#/components/schemas/${escapePointerToken(entry.name)}`, ...siblings };
    }
    const inlineKey = `${key}\u0000${mode}`;
    if (inlined.has(inlineKey)) return inlined.get(inlineKey);
    if (inlining.has(inlineKey)) {
      problems.push(referrer({ file, tokens }, `$ref '${ref}' leads back to itself through other files`));
      return { ...siblings };
    }
    inlining.add(inlineKey);
    const content = walk(value, target, pointerTokens, mode);
    inlining.delete(inlineKey);
    inlined.set(inlineKey, content);
    return content;
  }

  function walk(node: unknown, file: string, tokens: readonly (string | number)[], mode: Mode): unknown {
    if (node === null || typeof node !== 'object') return node;
    const raw = node as Raw;
    if (!Array.isArray(node) && typeof raw.$ref === 'string' && (file !== rootFile || !raw.$ref.startsWith('#'))) {
      const { $ref: ref, ...siblings } = raw;
      return follow(ref as string, walkEntries(siblings, file, tokens, mode), file, tokens, mode);
    }
    if (mode === 'schemas') {
      return Array.isArray(node)
        ? node.map((item, i) => walk(item, file, [...tokens, i], 'schema'))
        : Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, walk(v, file, [...tokens, k], 'schema')]));
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, file, [...tokens, i], mode));
    return walkEntries(raw, file, tokens, mode);
  }

  function walkEntries(raw: Raw, file: string, tokens: readonly (string | number)[], mode: Mode): Raw {
    const parent = tokens[tokens.length - 1];
    const out: Raw = {};
    for (const [key, value] of Object.entries(raw)) {
      // Examples, defaults and enums are data, not schemas; extensions are the author's.
      const child: Mode =
        mode === 'schema'
          ? SCHEMA_VALUED.has(key) ? 'schema' : SCHEMA_MAPS.has(key) || SCHEMA_LISTS.has(key) ? 'schemas' : 'data'
          : key === 'schema' ? 'schema' : key === 'schemas' && parent === 'components' ? 'schemas' : 'data';
      out[key] = walk(value, file, [...tokens, key], child);
    }
    return out;
  }

  // A component of the root that is only a reference to another file's schema gives that schema
  // its name (`Error: {$ref: common.json#/Error}` is `Error`, not an alias of `Error2`).
  for (const [name, value] of Object.entries(rootSchemas)) {
    const ref = (value as Raw | null)?.$ref;
    if (typeof ref !== 'string' || ref.startsWith('#') || Object.keys(value as Raw).length !== 1 || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) continue;
    const hash = ref.indexOf('#');
    const key = refKey(targetFile(hash === -1 ? ref : ref.slice(0, hash), rootFile), hash === -1 ? '' : ref.slice(hash));
    if (!hoisted.has(key)) hoisted.set(key, { name });
  }
  const document = walk(root.document, rootFile, [], 'data') as Raw;
  if (problems.length > 0) {
    const refs = problems.filter((p) => p.file === display(root.file) || p.message.startsWith('$ref')).length;
    throw new GeneratorError(
      `${root.file}: ${refs} $ref${refs === 1 ? '' : 's'} across files cannot be followed`,
      problems,
      'fix each reference listed (the referring place, then the referred file where it exists)',
    );
  }
  if (hoisted.size > 0) {
    const components = { ...((document.components ?? {}) as Raw) };
    const schemas = { ...((components.schemas ?? {}) as Raw) };
    for (const { name, schema } of hoisted.values()) if (schema !== undefined) schemas[name] = schema;
    components.schemas = schemas;
    document.components = components;
  }
  const referencedFiles = Object.fromEntries(
    [...files].filter(([path]) => path !== rootFile).map(([path, { loaded }]) => [path, createHash('sha256').update(loaded.text).digest('hex')]),
  );
  return { ...root, document, referencedFiles };
}

function targetFile(filePart: string, from: string): string {
  return filePart === '' ? from : resolve(dirname(from), decodeURIComponent(filePart));
}

function refKey(file: string, fragment: string): string {
  return `${file}${fragment === '' ? '#' : fragment}`;
}

function valueAt(document: unknown, tokens: readonly string[]): unknown {
  let node = document;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Raw)[token];
  }
  return node;
}

function deepestExisting(document: unknown, tokens: readonly string[]): string[] {
  const found: string[] = [];
  let node = document;
  for (const token of tokens) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) break;
    node = (node as Raw)[token];
    found.push(token);
  }
  return found;
}

/** `schemas.yaml#/Pet` → `Pet`; `pet.yaml` → `pet`. */
function schemaNameOf(file: string, tokens: readonly string[]): string {
  const last = tokens[tokens.length - 1];
  if (last !== undefined && !/^\d+$/.test(last)) return last;
  return file.replace(/^.*[\\/]/, '').replace(/\.(ya?ml|json)$/i, '') || 'Schema';
}

/** Other files as the user would write them: beside the root file's path as given. */
function displayer(root: LoadedDocument): (file: string) => string {
  const rootDir = dirname(resolve(root.file));
  return (file) => (file === resolve(root.file) ? root.file : join(dirname(root.file), relative(rootDir, file)));
}
