// Checks a loaded document before modelling: OpenAPI 3.0/3.1 only, every local $ref resolvable,
// and swagger-parser's schema validation with all of its findings reported at once.
import { createRequire } from 'node:module';
import { GeneratorError, type Problem } from '../errors.js';
import type { LoadedDocument } from './load-document.js';
import { createLocator, withLines } from './locate.js';
import { findDanglingRefs } from './refs.js';

// swagger-parser's own validator for the OpenAPI JSON schema. Called on the raw document (its
// public `validate()` dereferences first): error pointers then name the document's own places,
// and a 4 MB spec validates in a quarter of the time.
const require = createRequire(import.meta.url);
const validateAgainstOpenApiSchema = require('@apidevtools/swagger-parser/lib/validators/schema.js') as (
  api: unknown,
) => void;

interface AjvIssue {
  readonly instancePath: string;
  readonly message?: string;
  readonly keyword: string;
  readonly params?: Record<string, unknown>;
}

export function checkDocument(loaded: LoadedDocument): void {
  const { file, document } = loaded;
  checkVersion(file, document);
  const locate = createLocator(loaded.text);
  const dangling = findDanglingRefs(document);
  if (dangling.length > 0) {
    const problems = dangling.map((site) => ({
      file,
      pointer: `${site.pointer}/$ref`,
      message: site.ref.startsWith('#') ? `$ref '${site.ref}' points at nothing` : `external $ref '${site.ref}' is not supported`,
    }));
    throw new GeneratorError(
      `${file}: ${dangling.length} dangling $ref${dangling.length === 1 ? '' : 's'}`,
      withLines(problems, locate),
      'add the missing components, or fill them from a base spec',
    );
  }
  try {
    validateAgainstOpenApiSchema(document);
  } catch (error) {
    const issues = ((error as { details?: AjvIssue[] }).details ?? []).filter((i) => i.keyword !== 'if');
    if (issues.length === 0) throw new GeneratorError(`${file}: invalid OpenAPI document: ${(error as Error).message}`);
    const problems: Problem[] = issues.map((issue) => ({
      file,
      pointer: '#' + issue.instancePath,
      message: describeIssue(issue),
    }));
    throw new GeneratorError(
      `${file}: the document does not validate as OpenAPI ${String(document.openapi)} (${problems.length} problem${problems.length === 1 ? '' : 's'})`,
      withLines(dedupe(problems), locate),
      'fix each place listed; swagger-parser reports them all',
    );
  }
}

function checkVersion(file: string, document: Record<string, unknown>): void {
  if (document.swagger !== undefined) {
    throw new GeneratorError(
      `${file}: this is a Swagger ${String(document.swagger)} document; only OpenAPI 3.0 and 3.1 are supported`,
      [{ file, pointer: '#/swagger', message: `swagger: ${String(document.swagger)}` }],
      'convert it first, e.g. `npx swagger2openapi in.yaml -o out.yaml`',
    );
  }
  const version = document.openapi;
  if (typeof version !== 'string' || !/^3\.[01]\.\d+$/.test(version)) {
    throw new GeneratorError(
      `${file}: not an OpenAPI 3.0 or 3.1 document (openapi: ${JSON.stringify(version) ?? 'missing'})`,
      [],
      'the document must start with `openapi: 3.0.x` or `openapi: 3.1.x`',
    );
  }
}

function describeIssue(issue: AjvIssue): string {
  const params = issue.params ?? {};
  if (typeof params.additionalProperty === 'string') return `unexpected property '${params.additionalProperty}'`;
  if (typeof params.missingProperty === 'string') return `missing required property '${params.missingProperty}'`;
  if (Array.isArray(params.allowedValues)) return `${issue.message ?? 'invalid'}: ${params.allowedValues.map(String).join(', ')}`;
  return issue.message ?? issue.keyword;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.pointer} ${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
