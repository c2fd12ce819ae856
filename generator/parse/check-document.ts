// Checks a loaded document before modelling: OpenAPI 3.0/3.1 only, every local $ref resolvable,
// validation against the OpenAPI schema with all of its findings reported at once, and schemas
// that are nothing but references to each other refused by name. A document the schema
// finds fault with is still understandable (a number for `info.version`, a missing title, a
// later draft's keyword): its findings are warnings, and errors only when `strict`.
import { alternatives, closestNames } from '../closest-name.js';
import { GeneratorError, type Problem } from '../errors.js';
import type { LoadedDocument } from './load-document.js';
import { createLocator, withLines, type Locator } from './locate.js';
import { findDanglingRefs, resolveLocalRef, type RefSite } from './refs.js';
import { findSchemaCycles } from './schema-cycles.js';
import { validateOpenApi } from './openapi-schema.js';
import { condenseIssues } from './validation-issues.js';

/**
 * Returns the warnings; throws on what cannot be generated (and, when `strict`, on any finding).
 * `refs` are the document's `$ref`s when the caller has collected them already.
 */
export function checkDocument(loaded: LoadedDocument, strict = false, refs?: readonly RefSite[]): Problem[] {
  const { file, document } = loaded;
  const locate = createLocator(loaded.text);
  checkVersion(file, document, locate);
  checkRefs(file, document, locate, refs);
  const warnings = checkSchema(file, document, locate, strict);
  const cycles = findSchemaCycles(file, document);
  if (cycles.length > 0) {
    const schemas = cycles.reduce((sum, cycle) => sum + cycle.names.length, 0);
    throw new GeneratorError(
      `${file}: ${plural(schemas, 'schema')} in ${plural(cycles.length, 'cycle')} of references with nothing in between`,
      withLines(cycles.map((cycle) => cycle.problem), locate),
      'recursion needs a shape in between: put the self-reference in a property, array items or additionalProperties',
    );
  }
  return warnings;
}

function checkVersion(file: string, document: Record<string, unknown>, locate: Locator): void {
  if (document.swagger !== undefined) {
    throw new GeneratorError(
      `${file}: this is a Swagger ${String(document.swagger)} document; Swagger 2.0 and OpenAPI 3.0 and 3.1 are supported`,
      withLines([{ file, pointer: '#/swagger', message: `swagger: ${String(document.swagger)}` }], locate),
      'convert it to OpenAPI 3 first, e.g. `npx swagger2openapi in.yaml -o out.yaml`',
    );
  }
  const version = document.openapi;
  if (typeof version !== 'string' || !/^3\.[01]\.\d+$/.test(version)) {
    const found = version === undefined ? 'no `openapi` field' : `openapi: ${JSON.stringify(version)}`;
    const place = version === undefined ? [] : withLines([{ file, pointer: '#/openapi', message: found }], locate);
    throw new GeneratorError(
      `${file}: not an OpenAPI 3.0 or 3.1 document (${found})`,
      place,
      'the document must start with `openapi: 3.0.x` or `openapi: 3.1.x` (a string), or `swagger: "2.0"`',
    );
  }
}

/** Every $ref that points nowhere, grouped by what it points at: "12 $refs point at 10 missing components". */
function checkRefs(file: string, document: Record<string, unknown>, locate: Locator, refs: readonly RefSite[] | undefined): void {
  const dangling = findDanglingRefs(document, refs);
  if (dangling.length === 0) return;
  // The spec's own `$ref`s into other files were brought in before (parse/bundle.ts), so any left
  // came with an overlay or a base spec, whose files are not the spec's.
  const external = dangling.filter((site) => !site.ref.startsWith('#'));
  if (external.length > 0) {
    throw new GeneratorError(
      `${file}: ${plural(external.length, '$ref')} to another file or a URL added by an overlay or a base spec; only the spec's own $refs are followed into other files`,
      withLines(external.map((site) => siteProblem(file, site, `$ref '${site.ref}'`)), locate),
      'put the $ref in the spec or a file it refers to (those files are brought in), or point it within the document',
    );
  }
  const byTarget = new Map<string, RefSite[]>();
  for (const site of dangling) byTarget.set(site.ref, [...(byTarget.get(site.ref) ?? []), site]);
  const targets = [...byTarget.keys()].sort();
  const what = targets.every((t) => t.startsWith('#/components/')) ? 'component' : 'target';
  const problems: Problem[] = targets.flatMap((target) => {
    const sites = byTarget.get(target)!;
    return sites.map((site) => siteProblem(file, site, `'${target}' does not exist`));
  });
  const missingList = targets.map((t) => `  missing: ${t} (${plural(byTarget.get(t)!.length, '$ref')})${didYouMean(document, t)}`).join('\n');
  throw new GeneratorError(
    `${file}: ${plural(dangling.length, '$ref')} point${dangling.length === 1 ? 's' : ''} at ${plural(targets.length, `missing ${what}`)}\n${missingList}\nreferenced from:`,
    withLines(problems, locate),
    'add the missing components, or fill them in from a base spec',
  );
}

/** `; did you mean #/components/schemas/Error?` when the target's last token is a typo of names beside it. */
function didYouMean(document: Record<string, unknown>, target: string): string {
  const slash = target.lastIndexOf('/');
  if (slash < 1) return '';
  const parent = resolveLocalRef(document, target.slice(0, slash));
  if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) return '';
  const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
  const unescape = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');
  const closest = closestNames(unescape(target.slice(slash + 1)), Object.keys(parent)).map((name) => `${target.slice(0, slash)}/${escape(name)}`);
  return closest.length === 0 ? '' : `; did you mean ${alternatives(closest)}?`;
}

function siteProblem(file: string, site: RefSite, message: string): Problem {
  return { file, pointer: `${site.pointer}/$ref`, message };
}

/**
 * What the official schema of the document's version (Swagger 2.0, OpenAPI 3.0 or 3.1) finds
 * fault with: warnings, or, when `strict`, an error listing them all.
 */
export function checkSchema(file: string, document: Record<string, unknown>, locate: Locator, strict: boolean): Problem[] {
  const issues = validateOpenApi(document);
  if (issues.length === 0) return [];
  const problems: Problem[] = condenseIssues(issues, document).map((finding) => ({ file, ...finding }));
  const version = document.swagger !== undefined ? `Swagger ${String(document.swagger)}` : `OpenAPI ${String(document.openapi)}`;
  if (!strict) return withLines(problems.map((p) => ({ ...p, message: `not valid ${version}: ${p.message}` })), locate);
  throw new GeneratorError(
    `${file}: the document is not valid ${version} (${plural(problems.length, 'problem')})`,
    withLines(problems, locate),
    'fix each place listed (all problems found are listed, not only the first)',
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
