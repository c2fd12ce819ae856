// Flags of `diff`, parsed with node:util like the generator's (args.ts), and documented in HELP.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GeneratorError } from '../errors.js';
import { FAIL_ON, type FailOn } from '../diff/outcome.js';
import { RULE_IDS, RULES } from '../diff/rules.js';
import { flagError } from './flag-errors.js';
import { GENERATOR_NAME } from '../version.js';

export type Format = 'text' | 'markdown' | 'json' | 'changelog';

const FORMATS: readonly Format[] = ['text', 'markdown', 'json', 'changelog'];

export const HELP = `Usage: ${GENERATOR_NAME} diff <old-spec> <new-spec> [options]

Tells what changed between two versions of an API and whether code written against the old one
may break. Either spec may be a file or a git revision, <rev>:<path> (e.g. HEAD:spec/api.yaml,
with the path from the repository root).

Options:
  --include <glob>        compare only matching operations (repeatable): a path glob such as
                          '/v1/financial_connections/**', or 'tag:<name>'
  --format <format>       text (default), markdown (PR comments), json, or changelog (a release
                          note: breaking changes first, then warnings, what is new, the rest)
  --ignore-file <file>    accepted changes (YAML or JSON: rule, at, reason, expires): reported as
                          ignored and never failing the run, until their expiry date
  --fail-on <severity>    exit 1 when a change is at least this severe: breaking (default),
                          warning, any (info too) or none (never)
  --enum-additions <sev>  severity of a new enum value in a response: warning (default) or info
                          (Stripe's view: adding a value is backwards-compatible)
  --surface               also compare the generated TypeScript client's exported names and
                          signatures (generates both clients in memory; slower)
  --rules                 list every rule with its severity and why, then exit
  --debug                 on an internal error, print the stack trace
  --help                  this text

Exit code: 0 when no change reaches --fail-on, 1 when one does (or on a usage or spec error,
printed on stderr as "error: …"), 2 on an internal error.`;

export interface DiffCliOptions {
  readonly oldSpec: string;
  readonly newSpec: string;
  readonly include: readonly string[];
  readonly format: Format;
  readonly ignoreFile?: string;
  readonly failOn: FailOn;
  readonly enumAdditions: 'warning' | 'info';
  readonly surface: boolean;
  readonly rules: boolean;
  readonly debug: boolean;
  readonly help: boolean;
}

export function parseDiffArgs(argv: readonly string[]): DiffCliOptions {
  const options = {
    include: { type: 'string', multiple: true, default: [] },
    format: { type: 'string', default: 'text' },
    'ignore-file': { type: 'string' },
    'fail-on': { type: 'string', default: 'breaking' },
    'enum-additions': { type: 'string', default: 'warning' },
    surface: { type: 'boolean', default: false },
    rules: { type: 'boolean', default: false },
    debug: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  } satisfies NonNullable<ParseArgsConfig['options']>;
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw flagError(error, Object.keys(options));
  }
  const { values, positionals } = parsed;
  const help = values.help;
  const rules = values.rules;
  if (!help && !rules && positionals.length !== 2) {
    throw new GeneratorError(
      positionals.length < 2 ? 'give two specs to compare: the old one, then the new one' : `expected two specs, got ${positionals.length}: ${positionals.join(' ')}`,
      [],
      `${GENERATOR_NAME} diff <old-spec> <new-spec>, e.g. ${GENERATOR_NAME} diff HEAD:spec/api.yaml spec/api.yaml`,
    );
  }
  return {
    oldSpec: positionals[0] ?? '',
    newSpec: positionals[1] ?? '',
    include: values.include,
    format: oneOf('--format', values.format, FORMATS),
    ...(values['ignore-file'] !== undefined ? { ignoreFile: values['ignore-file'] } : {}),
    failOn: oneOf('--fail-on', values['fail-on'], FAIL_ON),
    enumAdditions: oneOf('--enum-additions', values['enum-additions'], ['warning', 'info'] as const),
    surface: values.surface,
    rules,
    debug: values.debug,
    help,
  };
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new GeneratorError(`${flag} must be one of ${allowed.join(', ')}; got '${value}'`, [], 'run with --help to see every flag');
}

/** `--rules`: the profile, one rule a line. */
export function rulesText(): string {
  const width = Math.max(...RULE_IDS.map((id) => id.length));
  return RULE_IDS.map((id) => `${id.padEnd(width)}  ${RULES[id].severity.padEnd(8)}  ${RULES[id].why}`).join('\n') + '\n';
}
