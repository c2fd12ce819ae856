// Which clients a run generates: the ones a config file (codegen.config.json or .yaml) lists,
// with the command line's flags over one of them, or the one `--spec` and the flags describe. Paths in
// a config file are relative to the file; paths on the command line to the working directory.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { GeneratorError, pointerOf, type Problem } from '../errors.js';
import { invalidValue, OUTPUT_OPTIONS, type OptionDeclarations, type OutputOptions } from '../options.js';
import { loadDocument } from '../parse/load-document.js';
import { CONFIG_FILES, type GivenAs } from './args.js';

export interface Client {
  /** How messages name it: the config's `name`, else its output folder. */
  readonly name: string;
  readonly spec: string;
  readonly out: string;
  readonly options: OutputOptions;
  /**
   * How the user gave the files hints speak of, by the flag hints name them with: `--spec` →
   * `'spec' of client widgets in codegen.config.json` for a client of a config file.
   */
  readonly givenAs: Readonly<Record<string, string>>;
}

export interface ClientSelection {
  /** The config file read, if any. */
  readonly configFile?: string;
  readonly clients: readonly Client[];
}

export interface Wanted {
  readonly config?: string | undefined;
  readonly client?: string | undefined;
  readonly spec?: string | undefined;
  readonly out?: string | undefined;
  readonly options: OutputOptions;
  readonly givenAs?: GivenAs;
}

const DEFAULT_OUT = 'generated';
const HINT = 'see "The config file" in docs/generator.md';
/** The keys a client takes besides the output options. */
const CLIENT_KEYS = ['name', 'spec', 'out'] as const;

/** Paths are read and shown relative to the working directory (error lines are looked up by them too). */
export function selectClients(wanted: Wanted): ClientSelection {
  const cwd = process.cwd();
  // `--spec` alone names a client completely: the config found in the folder is not consulted
  // (one given with --config, or a --client chosen from it, is).
  const standalone = wanted.spec !== undefined && wanted.config === undefined && wanted.client === undefined;
  const configFile =
    wanted.config !== undefined ? resolve(cwd, wanted.config) : standalone ? undefined : CONFIG_FILES.map((f) => join(cwd, f)).find((f) => existsSync(f));
  const fromFlags = (base: Partial<Client>): Client => {
    return {
      name: wanted.out ?? base.name ?? DEFAULT_OUT,
      spec: wanted.spec ?? base.spec!,
      out: wanted.out ?? base.out ?? DEFAULT_OUT,
      options: { ...base.options, ...wanted.options },
      // What a flag gave, the flag names; what the config gave, the config's key.
      givenAs: {
        ...base.givenAs,
        ...(wanted.spec !== undefined ? { '--spec': wanted.givenAs?.spec ?? '--spec' } : {}),
        ...(wanted.out !== undefined ? { '--out': wanted.givenAs?.out ?? '--out' } : {}),
        ...Object.fromEntries(Object.keys(wanted.options).map((name) => [`--${OUTPUT_OPTIONS[name as keyof typeof OUTPUT_OPTIONS].flag}`, `--${OUTPUT_OPTIONS[name as keyof typeof OUTPUT_OPTIONS].flag}`])),
      },
    };
  };
  if (configFile === undefined) {
    if (wanted.spec === undefined) {
      throw new GeneratorError(
        `no spec to generate from: no --spec, and no ${CONFIG_FILES.join(' or ')} in ${cwd}`,
        [],
        'give --spec <file> (and --out <dir>), or write a codegen.config.json listing your clients',
      );
    }
    if (wanted.client !== undefined) throw new GeneratorError(`--client ${wanted.client}: there is no config file to choose from`, [], HINT);
    return { clients: [fromFlags({})] };
  }
  const all = readConfig(configFile);
  const chosen = wanted.client === undefined ? all : all.filter((c) => c.name === wanted.client);
  if (chosen.length === 0) {
    throw new GeneratorError(`--client ${wanted.client}: ${shownPath(cwd, configFile)} has no such client`, [], `choose one of: ${all.map((c) => c.name).join(', ')}`);
  }
  const overrides = wanted.spec !== undefined || wanted.out !== undefined || Object.keys(wanted.options).length > 0;
  if (!overrides) return { configFile, clients: chosen };
  if (chosen.length > 1) {
    throw new GeneratorError(
      `${shownPath(cwd, configFile)} lists ${chosen.length} clients; flags override the settings of one`,
      [],
      `add --client <name>, one of: ${chosen.map((c) => c.name).join(', ')}`,
    );
  }
  return { configFile, clients: [fromFlags(chosen[0]!)] };
}

/** Reads and checks a config file: every problem is listed with its key, pointer and line. */
export function readConfig(configFile: string, declarations: OptionDeclarations = OUTPUT_OPTIONS): Client[] {
  const cwd = process.cwd();
  // Messages name files as the user sees them from the working directory.
  const file = shownPath(cwd, configFile);
  if (!existsSync(configFile)) throw new GeneratorError(`${file}: no such config file`, [], 'check the path given to --config');
  let document: Record<string, unknown>;
  try {
    ({ document } = loadDocument(file));
  } catch (error) {
    // The reader's own hints speak of specs; the message and its place stand.
    if (error instanceof GeneratorError) throw new GeneratorError(error.message, error.problems, HINT);
    throw error;
  }
  const problems: Problem[] = [];
  const problem = (tokens: (string | number)[], message: string) => problems.push({ file, pointer: pointerOf(tokens), message });
  for (const key of Object.keys(document)) if (key !== 'clients') problem([key], `unknown key '${key}' (a config file holds 'clients')`);
  const entries = document['clients'];
  if (!Array.isArray(entries) || entries.length === 0) {
    problem(['clients'], "'clients' must be a list of one or more clients, each with 'spec' and 'out'");
    throw configError(file, problems);
  }
  const path = (given: string) => shownPath(cwd, resolve(dirname(configFile), given));
  const optionKeys = Object.keys(declarations);
  const known = [...CLIENT_KEYS, ...optionKeys];
  const clients: Client[] = [];
  entries.forEach((entry: unknown, i) => {
    const at = (...tokens: (string | number)[]) => ['clients', i, ...tokens];
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problem(at(), "a client must be an object with 'spec' and 'out'");
      return;
    }
    const fields = entry as Record<string, unknown>;
    for (const key of Object.keys(fields)) if (!known.includes(key)) problem(at(key), `unknown key '${key}' (known: ${known.join(', ')})`);
    for (const key of CLIENT_KEYS) {
      const value = fields[key];
      if (value === undefined ? key !== 'name' : typeof value !== 'string' || value === '') problem(at(key), `'${key}' must be a non-empty string`);
    }
    const options: Record<string, unknown> = {};
    for (const key of optionKeys) {
      if (fields[key] === undefined) continue;
      const invalid = invalidValue(declarations[key]!, fields[key]);
      if (invalid) problem(at(key), `'${key}' ${invalid}`);
      else options[key] = fields[key];
    }
    if (typeof fields['spec'] !== 'string' || typeof fields['out'] !== 'string') return;
    const name = typeof fields['name'] === 'string' ? fields['name'] : fields['out'];
    const key = (k: string) => `'${k}' of client ${name} in ${file}`;
    clients.push({
      name,
      givenAs: { '--spec': key('spec'), '--out': key('out'), ...Object.fromEntries(Object.entries(declarations).map(([name, d]) => [`--${d.flag}`, key(name)])) },
      spec: path(fields['spec']),
      out: path(fields['out']),
      options: Object.fromEntries(Object.entries(options).map(([name, value]) => [name, declarations[name]!.kind === 'files' ? (value as string[]).map(path) : value])),
    });
  });
  clients.forEach((client, i) => {
    const earlier = clients.findIndex((c) => c.name === client.name || c.out === client.out);
    if (earlier < i) problem(['clients', i], `two clients named '${client.name}' or writing to the same folder (${client.out})`);
  });
  if (problems.length > 0) throw configError(file, problems);
  return clients;
}

function configError(file: string, problems: readonly Problem[]): GeneratorError {
  return new GeneratorError(`${file}: the config is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'})`, problems, HINT);
}

/** A path as the user would type it: relative to `cwd` when it lies below it, else as it is. */
export function shownPath(cwd: string, path: string): string {
  const below = relative(cwd, path);
  return below === '' ? '.' : below.startsWith('..') || isAbsolute(below) ? path : below;
}
