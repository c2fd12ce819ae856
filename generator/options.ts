// The options that decide the output besides the spec, declared once. The command line's flags,
// the config file's keys, the no-op fingerprint, the manifest's record and the watcher's list of
// files all come from this table, so an option cannot reach the output without reaching them all
// (one missing from the fingerprint would make a run say "unchanged" over a stale output).
import { basename } from 'node:path';

/** How an option's value is read and recorded. */
export type OptionKind =
  /** A list of strings (repeatable flag). */
  | 'strings'
  /** A list of file paths: their contents count for the fingerprint, the manifest names them by file name only. */
  | 'files'
  /** An on/off switch, off unless given. */
  | 'boolean'
  /** One of the declaration's `choices`; the first is the default. */
  | 'choice';

export interface OptionDeclaration {
  readonly kind: OptionKind;
  /** The command-line flag, without the dashes. The config file's key is the option's name. */
  readonly flag: string;
  /** The flag's argument as --help shows it, e.g. `<glob>`. */
  readonly argument?: string;
  /** One sentence or two for --help and the docs. */
  readonly help: string;
  /** For a `choice`: the values it may take, the default first. */
  readonly choices?: readonly string[];
}

export type OptionDeclarations = Readonly<Record<string, OptionDeclaration>>;

export const OUTPUT_OPTIONS = {
  include: {
    kind: 'strings',
    flag: 'include',
    argument: '<glob>',
    help: "keep only matching operations (repeatable): a path glob such as '/v1/financial_connections/**' (`*` one segment, `**` any), or 'tag:<name>'; the schemas emitted are the closure of their references",
  },
  overlays: {
    kind: 'files',
    flag: 'overlay',
    argument: '<file>',
    help: 'apply an OpenAPI Overlay 1.0 document first (repeatable, in order); a target that is not valid JSONPath or selects nothing is an error',
  },
  resolveFrom: {
    kind: 'files',
    flag: 'resolve-from',
    argument: '<spec>',
    help: 'fill dangling $refs from a base spec, e.g. the whole API a slice was cut from (repeatable, tried in order); what no base has is still reported',
  },
  pruneExternal: {
    kind: 'boolean',
    flag: 'prune-external',
    help: 'with --include: resources reached only through expansions leading out of the slice become small open types (`id`, `object`, further properties `unknown`)',
  },
  names: {
    kind: 'choice',
    flag: 'names',
    argument: '<from>',
    choices: ['auto', 'path', 'operation-id', 'namespace', 'tag'],
    help: "where client names come from: 'path' (the naming rule), 'operation-id' (methods from each operationId), 'namespace' (GitHub's `issues/list-for-repo` → `issues.listForRepo`), 'tag' (resources by first tag, methods from operationIds), or 'auto' (the default: 'namespace' when nearly all operationIds are namespaced, else 'path')",
  },
  paging: {
    kind: 'files',
    flag: 'paging',
    argument: '<file>',
    help: "declare how lists page (repeatable): a YAML or JSON file mapping operationIds (or 'GET /path') to what an x-pagination extension would say, e.g. `issues/list-for-repo: { style: link }`; it wins over the spec's own",
  },
  strict: {
    kind: 'boolean',
    flag: 'strict',
    help: 'treat every warning as an error, so that no output is written (a spec the OpenAPI schema finds fault with, a construct typed as unknown, a name changed to avoid a collision)',
  },
  emit: {
    kind: 'choice',
    flag: 'emit',
    argument: '<lang>',
    choices: ['ts', 'js'],
    help: "'ts' (the default): TypeScript sources; 'js': ES modules and their declarations (one .d.ts for the resources, one for the schemas), for projects that do not compile TypeScript (same behaviour, same types)",
  },
} as const satisfies OptionDeclarations;

type ValueOf<D extends OptionDeclaration> = D['kind'] extends 'boolean'
  ? boolean
  : D['kind'] extends 'choice'
    ? D extends { readonly choices: readonly (infer C)[] }
      ? C
      : string
    : readonly string[];

/** Values for the options of a declaration; an absent one takes its kind's default. */
export type OptionValues<D extends OptionDeclarations> = { readonly [K in keyof D]?: ValueOf<D[K]> };

/** What decides the output besides the spec. */
export type OutputOptions = OptionValues<typeof OUTPUT_OPTIONS>;

/** Any object carrying option values by name (other properties, such as callbacks, are ignored). */
type AnyValues = object;

type Value = boolean | string | readonly string[];

const valueOf = (options: AnyValues, name: string) => (options as Record<string, Value | undefined>)[name];

interface Kind {
  readonly default: (declaration: OptionDeclaration) => Value;
  readonly record: (value: never) => unknown;
  readonly valid: (value: unknown, declaration: OptionDeclaration) => boolean;
  readonly expected: (declaration: OptionDeclaration) => string;
}

const KINDS: Record<OptionKind, Kind> = {
  strings: { default: () => [], record: (value: readonly string[]) => [...value], valid: isStringList, expected: () => 'a list of strings' },
  files: { default: () => [], record: (value: readonly string[]) => value.map((file) => basename(file)), valid: isStringList, expected: () => 'a list of file paths' },
  boolean: { default: () => false, record: (value: boolean) => value, valid: (value) => typeof value === 'boolean', expected: () => 'true or false' },
  choice: {
    default: (d) => d.choices![0]!,
    record: (value: string) => value,
    valid: (value, d) => typeof value === 'string' && d.choices!.includes(value),
    expected: (d) => `one of ${d.choices!.map((c) => `'${c}'`).join(', ')}`,
  },
};

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Every option with its value or its default, in the declaration's order. */
export function withDefaults(options: AnyValues, declarations: OptionDeclarations = OUTPUT_OPTIONS): Record<string, Value> {
  return Object.fromEntries(Object.entries(declarations).map(([name, d]) => [name, valueOf(options, name) ?? KINDS[d.kind].default(d)]));
}

/** The options as the manifest records them: file names only, so output does not depend on where files live. */
export function recordedOptions(options: AnyValues, declarations: OptionDeclarations = OUTPUT_OPTIONS): Record<string, unknown> {
  const values = withDefaults(options, declarations);
  return Object.fromEntries(Object.entries(declarations).map(([name, d]) => [name, KINDS[d.kind].record(values[name] as never)]));
}

/** The files the options name (overlays, base specs): what the output depends on besides the spec. */
export function optionFiles(options: AnyValues, declarations: OptionDeclarations = OUTPUT_OPTIONS): string[] {
  return Object.entries(declarations).flatMap(([name, d]) => (d.kind === 'files' ? [...((valueOf(options, name) as readonly string[] | undefined) ?? [])] : []));
}

/** Why a value given for an option (in a config file) is not one, or undefined when it is fine. */
export function invalidValue(declaration: OptionDeclaration, value: unknown): string | undefined {
  const kind = KINDS[declaration.kind];
  return kind.valid(value, declaration) ? undefined : `must be ${kind.expected(declaration)}`;
}
