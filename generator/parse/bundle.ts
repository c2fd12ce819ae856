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

/** One place a `$ref` is written: its file and the tokens to the object holding it. */
interface Site {
  readonly file: string;
  readonly tokens: readonly (string | number)[];
}

export function bundle(root: LoadedDocument): LoadedDocument {
  const sources = new SourceFiles(root);
  const names = new HoistedNames(root, sources.rootFile);
  const document = new Walk(sources, names).walk(root.document, { file: sources.rootFile, tokens: [] }, 'data') as Raw;
  if (sources.problems.length > 0) {
    const display = sources.display(sources.rootFile);
    const refs = sources.problems.filter((p) => p.file === display || p.message.startsWith('$ref')).length;
    throw new GeneratorError(
      `${root.file}: ${refs} $ref${refs === 1 ? '' : 's'} across files cannot be followed`,
      sources.problems,
      'fix each reference listed (the referring place, then the referred file where it exists)',
    );
  }
  const schemas = names.schemas();
  if (Object.keys(schemas).length > 0) {
    const components = { ...((document.components ?? {}) as Raw) };
    components.schemas = { ...((components.schemas ?? {}) as Raw), ...schemas };
    document.components = components;
  }
  return { ...root, document, referencedFiles: sources.referencedFiles() };
}

/** The files of a split spec, each read once, and the problems found in them, placed by file and line. */
class SourceFiles {
  readonly rootFile: string;
  readonly problems: Problem[] = [];
  private readonly files = new Map<string, { readonly loaded: LoadedDocument; locate?: Locator }>();
  private readonly rootDir: string;

  constructor(private readonly root: LoadedDocument) {
    this.rootFile = resolve(root.file);
    this.rootDir = dirname(this.rootFile);
    this.files.set(this.rootFile, { loaded: root });
  }

  /** The parsed file at `path` (absolute), or undefined when it cannot be read (a problem says why, at `from`). */
  read(path: string, from: Site): LoadedDocument | undefined {
    const known = this.files.get(path);
    if (known) return known.loaded;
    try {
      const loaded = loadDocument(path);
      this.files.set(path, { loaded });
      return loaded;
    } catch (error) {
      if (!(error instanceof GeneratorError)) throw error;
      this.problems.push(this.at(from, `$ref into ${this.display(path)}, which cannot be read: ${error.message.replace(/^[^:]*: /, '')}`), ...error.problems);
      return undefined;
    }
  }

  /** A problem at the `$ref` of `site`. */
  at(site: Site, message: string): Problem {
    return this.placed(site.file, pointerOf([...site.tokens, '$ref']), message);
  }

  /** A problem at `pointer` in `file` (read already), with its line. */
  placed(file: string, pointer: string, message: string): Problem {
    const source = this.files.get(file)!;
    source.locate ??= createLocator(source.loaded.text);
    return withLines([{ file: this.display(file), pointer, message }], source.locate)[0]!;
  }

  /** A file as the user would write it: beside the root file's path as given. */
  display(file: string): string {
    return file === this.rootFile ? this.root.file : join(dirname(this.root.file), relative(this.rootDir, file));
  }

  /** The files other than the root, each with the sha256 of the text read. */
  referencedFiles(): Record<string, string> {
    return Object.fromEntries(
      [...this.files].filter(([path]) => path !== this.rootFile).map(([path, { loaded }]) => [path, createHash('sha256').update(loaded.text).digest('hex')]),
    );
  }
}

/**
 * The naming of hoisted components: a schema reached through another file becomes
 * `components/schemas/<name>`, named after the pointer's last token or the file, numbered when
 * taken. A component of the root that is only a reference to another file's schema gives that
 * schema its name (`Error: {$ref: common.json#/Error}` is `Error`, not an alias of `Error2`).
 */
class HoistedNames {
  private readonly taken: Set<string>;
  private readonly byKey = new Map<string, { readonly name: string; schema?: unknown }>();

  constructor(root: LoadedDocument, rootFile: string) {
    const rootSchemas = (((root.document.components ?? {}) as Raw).schemas ?? {}) as Raw;
    this.taken = new Set(Object.keys(rootSchemas));
    for (const [name, value] of Object.entries(rootSchemas)) {
      const ref = (value as Raw | null)?.$ref;
      if (typeof ref !== 'string' || ref.startsWith('#') || Object.keys(value as Raw).length !== 1 || isUrl(ref)) continue;
      const hash = ref.indexOf('#');
      const key = refKey(targetFile(hash === -1 ? ref : ref.slice(0, hash), rootFile), hash === -1 ? '' : ref.slice(hash));
      if (!this.byKey.has(key)) this.byKey.set(key, { name });
    }
  }

  /** The component name of the schema at `key`, and whether this is the first time it is met (it is then walked, once). */
  nameOf(key: string, file: string, tokens: readonly string[]): { name: string; first: boolean } {
    let entry = this.byKey.get(key);
    if (!entry) this.byKey.set(key, (entry = { name: numberedName(schemaNameOf(file, tokens), this.taken) }));
    return { name: entry.name, first: !('schema' in entry) };
  }

  /** Records the walked schema of a name `nameOf` gave. */
  define(key: string, schema: unknown): void {
    this.byKey.get(key)!.schema = schema;
  }

  /** The hoisted schemas by name, in the order they were first met. */
  schemas(): Raw {
    return Object.fromEntries([...this.byKey.values()].filter((e) => 'schema' in e).map((e) => [e.name, e.schema]));
  }
}

/**
 * The walk through the root document and whatever other files it reaches: a schema in another
 * file is hoisted (named by `HoistedNames`), anything else is put in place, once per target and
 * mode; a target that leads back to itself through files is a problem.
 */
class Walk {
  private readonly inlined = new Map<string, unknown>();
  private readonly inlining = new Set<string>();

  constructor(
    private readonly sources: SourceFiles,
    private readonly names: HoistedNames,
  ) {}

  walk(node: unknown, at: Site, mode: Mode): unknown {
    if (node === null || typeof node !== 'object') return node;
    const raw = node as Raw;
    if (!Array.isArray(node) && typeof raw.$ref === 'string' && (at.file !== this.sources.rootFile || !raw.$ref.startsWith('#'))) {
      const { $ref: ref, ...siblings } = raw;
      return this.follow(ref as string, this.walkEntries(siblings, at, mode), at, mode);
    }
    const child = (key: string | number): Site => ({ file: at.file, tokens: [...at.tokens, key] });
    if (mode === 'schemas') {
      return Array.isArray(node)
        ? node.map((item, i) => this.walk(item, child(i), 'schema'))
        : Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, this.walk(v, child(k), 'schema')]));
    }
    if (Array.isArray(node)) return node.map((item, i) => this.walk(item, child(i), mode));
    return this.walkEntries(raw, at, mode);
  }

  private walkEntries(raw: Raw, at: Site, mode: Mode): Raw {
    const parent = at.tokens[at.tokens.length - 1];
    const out: Raw = {};
    for (const [key, value] of Object.entries(raw)) {
      // Examples, defaults and enums are data, not schemas; extensions are the author's.
      const child: Mode =
        mode === 'schema'
          ? SCHEMA_VALUED.has(key) ? 'schema' : SCHEMA_MAPS.has(key) || SCHEMA_LISTS.has(key) ? 'schemas' : 'data'
          : key === 'schema' ? 'schema' : key === 'schemas' && parent === 'components' ? 'schemas' : 'data';
      out[key] = this.walk(value, { file: at.file, tokens: [...at.tokens, key] }, child);
    }
    return out;
  }

  /** What a `$ref` at `at` (with its walked siblings) stands for in the one document. */
  private follow(ref: string, siblings: Raw, at: Site, mode: Mode): unknown {
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash);
    if (isUrl(filePart)) {
      this.sources.problems.push(this.sources.at(at, `$ref to a URL ('${ref}'): generation never fetches anything; download the document and refer to the file`));
      return { ...siblings };
    }
    const target = targetFile(filePart, at.file);
    if (target === this.sources.rootFile) return { $ref: fragment === '' ? '#' : fragment, ...siblings };
    const source = this.sources.read(target, at);
    if (!source) return { ...siblings };
    const pointerTokens = refTokens(fragment);
    const value = valueAt(source.document, pointerTokens);
    if (value === undefined) {
      const there = this.sources.placed(target, pointerOf(deepestExisting(source.document, pointerTokens)), `has no ${fragment === '' ? 'content' : `'${fragment}'`} (this is the nearest part that exists)`);
      this.sources.problems.push(this.sources.at(at, `$ref '${ref}' points at nothing`), there);
      return { ...siblings };
    }
    const key = refKey(target, fragment);
    const isSchema = mode === 'schema' || (mode === 'data' && pointerTokens[0] === 'components' && pointerTokens[1] === 'schemas' && pointerTokens.length === 3);
    if (isSchema) {
      const { name, first } = this.names.nameOf(key, target, pointerTokens);
      if (first) {
        // Defined before walking, so a schema reached again from inside itself is a reference.
        this.names.define(key, undefined);
        this.names.define(key, this.walk(value, { file: target, tokens: pointerTokens }, 'schema'));
      }
      return { $ref: `#/components/schemas/${escapePointerToken(name)}`, ...siblings };
    }
    const inlineKey = `${key}\u0000${mode}`;
    if (this.inlined.has(inlineKey)) return this.inlined.get(inlineKey);
    if (this.inlining.has(inlineKey)) {
      this.sources.problems.push(this.sources.at(at, `$ref '${ref}' leads back to itself through other files`));
      return { ...siblings };
    }
    this.inlining.add(inlineKey);
    const content = this.walk(value, { file: target, tokens: pointerTokens }, mode);
    this.inlining.delete(inlineKey);
    this.inlined.set(inlineKey, content);
    return content;
  }
}

const isUrl = (ref: string) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref);

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
