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
  | 'boolean';

export interface OptionDeclaration {
  readonly kind: OptionKind;
  /** The command-line flag, without the dashes. The config file's key is the option's name. */
  readonly flag: string;
  /** The flag's argument as --help shows it, e.g. `<glob>`. */
  readonly argument?: string;
  /** One sentence or two for --help and the docs. */
  readonly help: string;
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
} as const satisfies OptionDeclarations;

type ValueOfKind<K extends OptionKind> = K extends 'boolean' ? boolean : readonly string[];

/** Values for the options of a declaration; an absent one takes its kind's default. */
export type OptionValues<D extends OptionDeclarations> = { readonly [K in keyof D]?: ValueOfKind<D[K]['kind']> };

/** What decides the output besides the spec. */
export type OutputOptions = OptionValues<typeof OUTPUT_OPTIONS>;

/** Any object carrying option values by name (other properties, such as callbacks, are ignored). */
type AnyValues = object;

const valueOf = (options: AnyValues, name: string) => (options as Record<string, boolean | readonly string[] | undefined>)[name];

const KINDS: Record<OptionKind, { readonly default: () => boolean | string[]; readonly record: (value: never) => unknown; readonly valid: (value: unknown) => boolean; readonly expected: string }> = {
  strings: { default: () => [], record: (value: readonly string[]) => [...value], valid: isStringList, expected: 'a list of strings' },
  files: { default: () => [], record: (value: readonly string[]) => value.map((file) => basename(file)), valid: isStringList, expected: 'a list of file paths' },
  boolean: { default: () => false, record: (value: boolean) => value, valid: (value) => typeof value === 'boolean', expected: 'true or false' },
};

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Every option with its value or its default, in the declaration's order. */
export function withDefaults(options: AnyValues, declarations: OptionDeclarations = OUTPUT_OPTIONS): Record<string, boolean | readonly string[]> {
  return Object.fromEntries(Object.entries(declarations).map(([name, d]) => [name, valueOf(options, name) ?? KINDS[d.kind].default()]));
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
  return KINDS[declaration.kind].valid(value) ? undefined : `must be ${KINDS[declaration.kind].expected}`;
}
