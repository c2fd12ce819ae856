// Command-line flags for `generate` and `model`, parsed with node:util and documented in one
// place (`--help` prints the text made here). The output options' flags come from their
// declaration (generator/options.ts); only the flags about running the command are listed here.
import { parseArgs } from 'node:util';
import { GeneratorError } from '../errors.js';
import { flagError } from './flag-errors.js';
import { invalidValue, OUTPUT_OPTIONS, type OptionDeclarations, type OptionValues } from '../options.js';

export const CONFIG_FILES = ['codegen.config.json', 'codegen.config.yaml', 'codegen.config.yml'] as const;

interface CommandFlag {
  readonly type: 'string' | 'boolean';
  readonly argument?: string;
  readonly help: string;
  /** Other spellings, as the OpenAPI tools users already run spell the flag (`-i`, `--input`). */
  readonly short?: string;
  readonly alias?: string;
}

const WHICH_CLIENT = {
  config: { type: 'string', argument: '<file>', help: `the config file; default: ${CONFIG_FILES.join(', ')} in the current directory, if there is one` },
  client: { type: 'string', argument: '<name>', help: 'only this client of the config file; flags override its settings (with one client, they do without --client)' },
  spec: {
    type: 'string',
    argument: '<file>',
    short: 'i',
    alias: 'input',
    help: 'the spec to read (YAML or JSON), also given as the first argument; with it, the config file is read only if --config or --client names it',
  },
} as const satisfies Record<string, CommandFlag>;

const GENERATE_FLAGS = {
  ...WHICH_CLIENT,
  out: { type: 'string', argument: '<dir>', short: 'o', alias: 'output', help: "where the client is written; overrides the config's (default without a config: generated)" },
} as const satisfies Record<string, CommandFlag>;

const RUN_FLAGS = {
  check: { type: 'boolean', help: 'write nothing; exit 1 naming, for every client, the files that differ from a fresh generation (one line per client; more with --verbose)' },
  watch: { type: 'boolean', help: 'generate, then again whenever the config, a spec (or a file it refers to), an overlay or a base spec changes (Ctrl-C stops)' },
  quiet: { type: 'boolean', help: 'print nothing but errors' },
  verbose: { type: 'boolean', help: 'with --check, also print each phase with its timing, as a generation does' },
} as const satisfies Record<string, CommandFlag>;

const COMMON_FLAGS = {
  debug: { type: 'boolean', help: 'on an internal error, print the stack trace' },
  version: { type: 'boolean', short: 'v', help: 'print the version' },
  help: { type: 'boolean', short: 'h', help: 'this text' },
} as const satisfies Record<string, CommandFlag>;

type Strings<F> = { readonly [K in keyof F]?: F[K] extends { type: 'string' } ? string : boolean };

export type GenerateArgs<D extends OptionDeclarations = typeof OUTPUT_OPTIONS> = Strings<typeof GENERATE_FLAGS & typeof RUN_FLAGS & typeof COMMON_FLAGS> & {
  /** Only the output options given on the command line; the rest come from the config or their defaults. */
  readonly options: OptionValues<D>;
  /** How each flag given was spelled (`--input`, `the spec argument`), for hints. */
  readonly givenAs: GivenAs;
};

export type GivenAs = { readonly spec?: string; readonly out?: string };

export type ModelArgs<D extends OptionDeclarations = typeof OUTPUT_OPTIONS> = Strings<typeof WHICH_CLIENT & typeof COMMON_FLAGS> & {
  readonly options: OptionValues<D>;
  readonly givenAs: GivenAs;
};

export function parseGenerateArgs<D extends OptionDeclarations = typeof OUTPUT_OPTIONS>(argv: readonly string[], declarations: D = OUTPUT_OPTIONS as unknown as D): GenerateArgs<D> {
  return parseWith(argv, { ...GENERATE_FLAGS, ...RUN_FLAGS, ...COMMON_FLAGS }, declarations) as GenerateArgs<D>;
}

export function parseModelArgs(argv: readonly string[]): ModelArgs {
  return parseWith(argv, { ...WHICH_CLIENT, ...COMMON_FLAGS }, OUTPUT_OPTIONS) as ModelArgs;
}

function parseWith(argv: readonly string[], flags: Record<string, CommandFlag>, declarations: OptionDeclarations): object {
  const optionFlags = Object.fromEntries(
    Object.values(declarations).map((d) => [d.flag, d.kind === 'boolean' ? { type: 'boolean' as const } : { type: 'string' as const, multiple: d.kind !== 'choice' }]),
  );
  const commandFlags = Object.entries(flags).flatMap(([name, f]) => [
    [name, { type: f.type, ...(f.short ? { short: f.short } : {}) }] as const,
    ...(f.alias ? [[f.alias, { type: f.type }] as const] : []),
  ]);
  let values: Record<string, unknown>;
  let positionals: string[];
  const parserOptions = { ...Object.fromEntries(commandFlags), ...optionFlags };
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], options: parserOptions, strict: true, allowPositionals: true }));
  } catch (error) {
    throw flagError(error, Object.keys(parserOptions));
  }
  // One value per flag whatever its spelling: `-i`, `--input`, `--spec` and the first argument are
  // one flag. How it was given is kept, for hints to speak of what the user typed.
  const givenAs: Record<string, string> = {};
  for (const [name, f] of Object.entries(flags)) {
    const ways = [
      [`--${name}`, values[name]],
      [`--${f.alias}`, f.alias ? values[f.alias] : undefined],
      ['the spec argument', name === 'spec' ? positionals[0] : undefined],
    ].filter(([, value]) => value !== undefined) as [string, unknown][];
    if (new Set(ways.map(([, value]) => value)).size > 1) {
      throw new GeneratorError(`${spellings(name, f)}${name === 'spec' ? ' or the first argument' : ''}: given twice (${ways.map(([, v]) => v).join(', ')})`, [], 'give it once');
    }
    values[name] = ways[0]?.[1];
    if (ways[0]) givenAs[name] = ways[0][0];
  }
  if (positionals.length > ('spec' in flags ? 1 : 0)) {
    throw new GeneratorError(`unexpected argument${positionals.length > 2 ? 's' : ''}: ${positionals.slice('spec' in flags ? 1 : 0).join(' ')}`, [], 'the only argument is the spec; run with --help to see every flag');
  }
  const options = Object.fromEntries(Object.entries(declarations).flatMap(([name, d]) => (values[d.flag] === undefined ? [] : [[name, values[d.flag]]])));
  for (const [name, d] of Object.entries(declarations)) {
    const invalid = name in options ? invalidValue(d, options[name]) : undefined;
    if (invalid) throw new GeneratorError(`--${d.flag} ${invalid}, not '${String(options[name])}'`, [], 'run with --help to see every flag');
  }
  return { ...Object.fromEntries(Object.keys(flags).map((name) => [name, values[name]])), options, givenAs };
}

export function generateHelp(command: string, declarations: OptionDeclarations = OUTPUT_OPTIONS): string {
  return `Usage: ${command} [<spec>] [options]

Generates a TypeScript client (or JavaScript with .d.ts: --emit js) from an OpenAPI 3.0/3.1 or
Swagger 2.0 spec. Without a spec, the clients of the config file (codegen.config.json or .yaml)
are generated, each into its own folder.
Other commands: diff <old-spec> <new-spec> (what changed between two versions), model (the IR
as JSON); each takes --help.

Which client:
${flagLines(GENERATE_FLAGS)}

What is generated (config file keys in brackets):
${optionLines(declarations)}

How it runs:
${flagLines({ ...RUN_FLAGS, ...COMMON_FLAGS })}`;
}

export function modelHelp(command: string): string {
  return `Usage: ${command} [<spec>] [options]

Prints the intermediate model (the IR the emitters read) as JSON, with the same client
selection and output options as generate.

${flagLines(WHICH_CLIENT)}
${optionLines(OUTPUT_OPTIONS)}
${flagLines(COMMON_FLAGS)}`;
}

const FLAG_WIDTH = 24;
const LINE_WIDTH = 100;

function flagLines(flags: Record<string, CommandFlag>): string {
  return Object.entries(flags)
    .map(([name, f]) => helpEntry(`${spellings(name, f)}${f.argument ? ` ${f.argument}` : ''}`, f.help))
    .join('\n');
}

/** `-i, --input, --spec`: every spelling of a flag. */
function spellings(name: string, f: CommandFlag): string {
  return [f.short && `-${f.short}`, f.alias && `--${f.alias}`, `--${name}`].filter(Boolean).join(', ');
}

function optionLines(declarations: OptionDeclarations): string {
  return Object.entries(declarations)
    .map(([name, d]) => helpEntry(`--${d.flag}${d.argument ? ` ${d.argument}` : ''}`, `[${name}] ${d.help}`))
    .join('\n');
}

/** `  --flag <arg>   text…`, the text wrapped and indented under itself. */
function helpEntry(flag: string, text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && FLAG_WIDTH + line.length + 1 + word.length > LINE_WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  const head = `  ${flag}`;
  const first = head.length < FLAG_WIDTH ? `${head.padEnd(FLAG_WIDTH)}${lines[0]}` : `${head}\n${' '.repeat(FLAG_WIDTH)}${lines[0]}`;
  return [first, ...lines.slice(1).map((l) => ' '.repeat(FLAG_WIDTH) + l)].join('\n');
}
