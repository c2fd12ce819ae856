// swagger-parser validates with Ajv against the OpenAPI JSON schema, and Ajv reports every branch
// of every `oneOf` it tried: one typo in a parameter yields eight lines, most about branches the
// author never meant (a `$ref` they did not write, a path parameter they are not declaring).
// This turns Ajv's list into the problems a person would name: one per place, said plainly.
import { escapePointerToken } from '../errors.js';
import type { AjvIssue } from './openapi-schema.js';

export interface Finding {
  /** JSON pointer (`#/...`) of the place the problem is about. */
  readonly pointer: string;
  readonly message: string;
}

const SUMMARY_KEYWORDS = new Set(['oneOf', 'anyOf', 'if']);

export function condenseIssues(issues: readonly AjvIssue[], document: unknown): Finding[] {
  let kept = pickBranches(issues);
  kept = kept.filter(
    (issue) => !isSummaryOfDeeper(issue, kept) && !isUnwrittenRef(issue, kept, document) && !isSummaryOfName(issue, kept),
  );
  return dedupe(mergeEnums(kept).map(toFinding));
}

/**
 * For each failed `oneOf`/`anyOf`, keep the branch the author most likely meant: the one with
 * the fewest errors. When every branch fails on the same property's allowed values (the
 * property that tells the branches apart, such as a parameter's `in`), that is the one problem.
 */
function pickBranches(issues: readonly AjvIssue[]): AjvIssue[] {
  const dropped = new Set<AjvIssue>();
  for (const summary of issues.filter((i) => i.keyword === 'oneOf' || i.keyword === 'anyOf')) {
    const branches = new Map<string, AjvIssue[]>();
    for (const issue of issues) {
      const branch = branchOf(issue, summary);
      if (branch !== undefined) branches.set(branch, [...(branches.get(branch) ?? []), issue]);
    }
    if (branches.size < 2) continue;
    const groups = [...branches.values()];
    const discriminator = sharedEnumPath(groups);
    const keep =
      discriminator !== undefined
        ? groups.flat().filter((i) => i.instancePath === discriminator && i.keyword === 'enum')
        : groups.filter((g) => g.length === Math.min(...groups.map((x) => x.length))).flat();
    for (const issue of groups.flat()) if (!keep.includes(issue)) dropped.add(issue);
  }
  return issues.filter((i) => !dropped.has(i));
}

/** Which branch of `summary`'s oneOf/anyOf an issue came from, if any. */
function branchOf(issue: AjvIssue, summary: AjvIssue): string | undefined {
  if (!isAtOrBelow(issue.instancePath, summary.instancePath)) return undefined;
  const prefix = `${summary.schemaPath}/`;
  if (!issue.schemaPath.startsWith(prefix)) return undefined;
  return /^\d+/.exec(issue.schemaPath.slice(prefix.length))?.[0];
}

function sharedEnumPath(groups: readonly AjvIssue[][]): string | undefined {
  const first = groups[0]!.find((i) => i.keyword === 'enum')?.instancePath;
  if (first === undefined) return undefined;
  return groups.every((g) => g.some((i) => i.keyword === 'enum' && i.instancePath === first)) ? first : undefined;
}

/** "matches no branch of oneOf" says nothing when a more precise issue sits at or below it. */
function isSummaryOfDeeper(issue: AjvIssue, all: readonly AjvIssue[]): boolean {
  if (!SUMMARY_KEYWORDS.has(issue.keyword)) return false;
  return all.some((other) => other !== issue && !SUMMARY_KEYWORDS.has(other.keyword) && isAtOrBelow(other.instancePath, issue.instancePath));
}

/** "must have required property '$ref'" comes from the Reference branch when no `$ref` was written. */
function isUnwrittenRef(issue: AjvIssue, all: readonly AjvIssue[], document: unknown): boolean {
  if (issue.keyword !== 'required' || issue.params?.missingProperty !== '$ref') return false;
  const node = valueAt(document, issue.instancePath);
  if (node !== null && typeof node === 'object' && '$ref' in node) return false;
  return all.some((other) => other !== issue && !SUMMARY_KEYWORDS.has(other.keyword) && isAtOrBelow(other.instancePath, issue.instancePath));
}

/** "property name must be valid" says less than the issue that names the rule it broke. */
function isSummaryOfName(issue: AjvIssue, all: readonly AjvIssue[]): boolean {
  if (issue.keyword !== 'propertyNames') return false;
  return all.some((other) => other !== issue && other.propertyName === issue.params?.propertyName && other.instancePath === issue.instancePath);
}

/** One issue per place for enums: "must be one of: path, query, header, cookie". */
function mergeEnums(issues: readonly AjvIssue[]): AjvIssue[] {
  const merged = new Map<string, AjvIssue>();
  const out: AjvIssue[] = [];
  for (const issue of issues) {
    if (issue.keyword !== 'enum') {
      out.push(issue);
      continue;
    }
    const values = (issue.params?.allowedValues as unknown[] | undefined) ?? [];
    const previous = merged.get(issue.instancePath);
    if (previous) {
      const union = [...new Set([...(previous.params?.allowedValues as unknown[]), ...values])];
      const replacement = { ...previous, params: { ...previous.params, allowedValues: union } };
      out[out.indexOf(previous)] = replacement;
      merged.set(issue.instancePath, replacement);
    } else {
      const copy = { ...issue, params: { ...issue.params, allowedValues: values } };
      merged.set(issue.instancePath, copy);
      out.push(copy);
    }
  }
  return out;
}

function toFinding(issue: AjvIssue): Finding {
  const params = issue.params ?? {};
  if (issue.propertyName !== undefined) {
    // The rule is about a key (a component's name, say): point at that key.
    const message = issue.message?.replace(/^must/, 'the name must') ?? 'the name is not allowed';
    return { pointer: `#${issue.instancePath}/${escapePointerToken(issue.propertyName)}`, message };
  }
  const pointer = '#' + issue.instancePath;
  if (typeof params.additionalProperty === 'string') {
    return { pointer: `${pointer}/${escapePointerToken(params.additionalProperty)}`, message: `unexpected property '${params.additionalProperty}'` };
  }
  if (typeof params.missingProperty === 'string') return { pointer, message: `missing required property '${params.missingProperty}'` };
  if (issue.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return { pointer, message: `must be one of: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  if (SUMMARY_KEYWORDS.has(issue.keyword)) return { pointer, message: 'matches none of the forms OpenAPI allows here' };
  return { pointer, message: issue.message ?? issue.keyword };
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.pointer} ${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isAtOrBelow(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

function valueAt(document: unknown, instancePath: string): unknown {
  let node = document;
  for (const raw of instancePath.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
