// `generate`: every client of the config file (or the one the flags describe) → its folder,
// printing each phase with its duration; `--check` compares instead of writing; `--watch` keeps
// going. Each client is written atomically; one client's failure does not stop the others.
import { formatLocation, GeneratorError } from '../errors.js';
import { check, generate, type Phase } from '../generate.js';
import { parseGenerateArgs, generateHelp } from './args.js';
import { selectClients, shownPath, type Client, type ClientSelection } from './clients.js';
import { Progress } from './progress.js';
import { report } from './run-cli.js';
import { GENERATOR_VERSION } from '../version.js';
import { watch } from './watch.js';

export async function run(argv: readonly string[], usage: string): Promise<number> {
  const args = parseGenerateArgs(argv);
  if (args.help) {
    console.log(generateHelp(usage));
    return 0;
  }
  if (args.version) {
    console.log(GENERATOR_VERSION);
    return 0;
  }
  if (args.check && args.watch) throw new GeneratorError('--check and --watch do not go together', [], 'use --check in CI, --watch while editing a spec');
  const progress = new Progress(process.stderr, { quiet: args.quiet === true, env: process.env });
  const select = () => selectClients(args);
  const debug = args.debug === true;
  if (args.watch) return watch(select, (selection, referenced) => generateAll(selection, progress, debug, referenced), progress, debug);
  return args.check ? checkAll(select(), progress, debug, args.verbose === true) : generateAll(select(), progress, debug);
}

/** Runs `work` for each client; a failing client is reported and the rest still run. `phases`: log each phase's timing. */
async function eachClient(
  selection: ClientSelection,
  progress: Progress,
  debug: boolean,
  work: (client: Client, phases: PhaseLog) => Promise<number>,
  phases = true,
): Promise<number> {
  let exitCode = 0;
  const several = selection.clients.length > 1;
  for (const [i, client] of selection.clients.entries()) {
    if (several && phases) progress.log(`${client.name}:`);
    const label = several ? `${client.name} (${i + 1}/${selection.clients.length})` : client.name;
    const log: PhaseLog = {
      onPhaseStart: (phase) => progress.update(`${label}: ${phase}…`),
      onPhase: (phase, ms) => (phases ? progress.log(`  ${phase.padEnd(7)} ${ms.toFixed(0).padStart(6)} ms`) : undefined),
    };
    try {
      exitCode = Math.max(exitCode, await work(client, log));
    } catch (error) {
      progress.done();
      exitCode = Math.max(exitCode, report(inTermsOf(client, error), debug));
    } finally {
      progress.done();
    }
  }
  return exitCode;
}

interface PhaseLog {
  readonly onPhaseStart: (phase: Phase) => void;
  readonly onPhase: (phase: Phase, ms: number) => void;
}

const shown = (path: string) => shownPath(process.cwd(), path);

/** `referenced`: told the other files of each split spec (for `--watch`). */
export function generateAll(selection: ClientSelection, progress: Progress, debug: boolean, referenced?: (files: readonly string[]) => void): Promise<number> {
  return eachClient(selection, progress, debug, async (client, phases) => {
    const result = await generate(client.spec, client.out, { ...client.options, regenerate: client.regenerate, ...phases });
    referenced?.(result.referencedFiles);
    const where = shown(client.out);
    if (result.upToDate) {
      progress.log(`${where}: unchanged (spec and generator as last run)`);
      return 0;
    }
    for (const w of result.warnings) progress.log(`warning: ${formatLocation(w)}${w.message}`);
    for (const path of result.removed) progress.log(`removed ${where}/${path} (not generated from this spec)`);
    progress.log(
      result.changed.length === 0 ? `${where}: unchanged (${result.files.length} files)` : `${where}: wrote ${result.files.length} files (${result.changed.length} changed)`,
    );
    return 0;
  });
}

function checkAll(selection: ClientSelection, progress: Progress, debug: boolean, verbose: boolean): Promise<number> {
  return eachClient(selection, progress, debug, async (client, phases) => {
    const { stale, missing, extra, edited } = await check(client.spec, client.out, { ...client.options, regenerate: client.regenerate, ...phases });
    const where = shown(client.out);
    if (stale.length === 0 && extra.length === 0) {
      progress.log(`${where} is up to date with ${shown(client.spec)}`);
      return 0;
    }
    progress.done();
    // Errors, so printed even under --quiet.
    console.error(`${where} is stale: it differs from a fresh generation from ${shown(client.spec)}. Files that differ:`);
    const why = (path: string) =>
      edited.includes(path) ? ' (edited since it was generated: its manifest hash does not match)' : missing.includes(path) ? ' (missing: deleted, or not yet generated)' : '';
    for (const path of stale) console.error(`  ${where}/${path}${why(path)}`);
    for (const path of extra) console.error(`  ${where}/${path} (not generated from this spec: regenerating removes it)`);
    return 1;
  }, verbose);
}

/**
 * A hint speaks of the files as the command line names them (`--spec`, `--out`, `--overlay`); for
 * what the user gave otherwise (a config key, the spec argument) it says that instead.
 */
function inTermsOf(client: Client, error: unknown): unknown {
  if (!(error instanceof GeneratorError) || error.hint === undefined) return error;
  const hint = error.hint.replace(/--[a-z-]+/g, (flag) => client.givenAs[flag] ?? flag);
  return hint === error.hint ? error : new GeneratorError(error.message, error.problems, hint);
}
