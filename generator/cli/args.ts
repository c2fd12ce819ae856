// Command-line flags for `generate` and `model`, parsed with node:util and documented in one
// place (`--help` prints the text made here). The output options' flags come from their
// declaration (generator/options.ts); only the flags about running the command are listed here.
import { parseArgs } from 'node:util';
import { GeneratorError } from '../errors.js';
import { invalidValue, OUTPUT_OPTIONS, type OptionDeclarations, type OptionValues } from '../options.js';

export const CONFIG_FILES = ['codegen.config.json', 'codegen.config.yaml', 'codegen.config.yml'] as const;

interface CommandFlag {
  readonly type: 'string' | 'boolean';
  readonly argument?: string;
  readonly help: string;
}

const WHICH_CLIENT = {
  config: { type: 'string', argument: '<file>', help: `the config file; default: ${CONFIG_FILES.join(', ')} in the current directory, if there is one` },
  client: { type: 'string', argument: '<name>', help: 'only this client of the config file; flags override its settings (with one client, they do without --client)' },
  spec: { type: 'string', argument: '<file>', help: 'the spec to read (YAML or JSON); with it, the config file is read only if --config or --client names it' },
} as const satisfies Record<string, CommandFlag>;

const GENERATE_FLAGS = {
  ...WHICH_CLIENT,
  out: { type: 'string', argument: '<dir>', help: "where the client is written; overrides the config's (default without a config: generated)" },
} as const satisfies Record<string, CommandFlag>;

const RUN_FLAGS = {
  check: { type: 'boolean', help: 'write nothing; exit 1 naming, for every client, the files that differ from a fresh generation' },
  watch: { type: 'boolean', help: 'generate, then again whenever the config, a spec (or a file it refers to), an overlay or a base spec changes (Ctrl-C stops)' },
  quiet: { type: 'boolean', help: 'print nothing but errors' },
} as const satisfies Record<string, CommandFlag>;

const COMMON_FLAGS = {
  debug: { type: 'boolean', help: 'on an internal error, print the stack trace' },
  help: { type: 'boolean', help: 'this text' },
} as const satisfies Record<string, CommandFlag>;

type Strings<F> = { readonly [K in keyof F]?: F[K] extends { type: 'string' } ? string : boolean };

export type GenerateArgs<D extends OptionDeclarations = typeof OUTPUT_OPTIONS> = Strings<typeof GENERATE_FLAGS & typeof RUN_FLAGS & typeof COMMON_FLAGS> & {
  /** Only the output options given on the command line; the rest come from the config or their defaults. */
  readonly options: OptionValues<D>;
};

export type ModelArgs<D extends OptionDeclarations = typeof OUTPUT_OPTIONS> = Strings<typeof WHICH_CLIENT & typeof COMMON_FLAGS> & {
  readonly options: OptionValues<D>;
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
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { ...Object.fromEntries(Object.entries(flags).map(([name, f]) => [name, { type: f.type }])), ...optionFlags, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new GeneratorError((error as Error).message, [], 'run with --help to see every flag');
  }
  const options = Object.fromEntries(Object.entries(declarations).flatMap(([name, d]) => (values[d.flag] === undefined ? [] : [[name, values[d.flag]]])));
  for (const [name, d] of Object.entries(declarations)) {
    const invalid = name in options ? invalidValue(d, options[name]) : undefined;
    if (invalid) throw new GeneratorError(`--${d.flag} ${invalid}, not '${String(options[name])}'`, [], 'run with --help to see every flag');
  }
  return { ...Object.fromEntries(Object.keys(flags).map((name) => [name, values[name]])), options };
}

export function generateHelp(command: string, declarations: OptionDeclarations = OUTPUT_OPTIONS): string {
  return `Usage: ${command} [options]

Generates a TypeScript client from an OpenAPI 3.0/3.1 spec. Without --spec, the clients of the
config file (codegen.config.json or .yaml) are generated, each into its own folder.
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
  return `Usage: ${command} [options]

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
    .map(([name, f]) => helpEntry(`--${name}${f.argument ? ` ${f.argument}` : ''}`, f.help))
    .join('\n');
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
