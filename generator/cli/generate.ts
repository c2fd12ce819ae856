// `npm run generate`: spec → generated/, printing each phase with its duration.
import { relative } from 'node:path';
import { formatLocation } from '../errors.js';
import type { OutputOptions, Phase } from '../generate.js';
import type { NameSource } from '../naming/client-names.js';
import { isUpToDate, runFingerprint } from '../write/noop-cache.js';
import { HELP, parseCliArgs } from './args.js';
import { runCli } from './run-cli.js';

/** True when the last run wrote this output from this spec with this generator; false when unsure. */
function upToDate(spec: string, out: string, options: OutputOptions): boolean {
  try {
    return isUpToDate(out, runFingerprint(spec, options));
  } catch {
    return false; // e.g. a missing spec: the full run reports it properly
  }
}

const argv = process.argv.slice(2);
await runCli(async () => {
  const options = parseCliArgs(argv);
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  const log = (line: string) => {
    if (!options.quiet) console.error(line);
  };
  const onPhase = (phase: Phase, ms: number) => log(`  ${phase.padEnd(7)} ${ms.toFixed(0).padStart(6)} ms`);
  // The heavy pipeline (parser, ts-morph, prettier) loads only when there is work to do.
  const outputOptions: OutputOptions = {
    include: options.include,
    overlays: options.overlay,
    resolveFrom: options['resolve-from'],
    pruneExternal: options['prune-external'],
    names: options.names as NameSource,
  };
  // A strict run must see the warnings, which the shortcut does not replay.
  if (!options.check && !options.strict && upToDate(options.spec, options.out, outputOptions)) {
    log(`${relative(process.cwd(), options.out) || options.out}: unchanged (spec and generator as last run)`);
    return 0;
  }
  const { check, generate } = await import('../generate.js');
  if (options.check) {
    const { stale, extra } = await check(options.spec, options.out, { ...outputOptions, strict: options.strict, onPhase });
    if (stale.length === 0 && extra.length === 0) {
      log(`${options.out} is up to date with ${options.spec}`);
      return 0;
    }
    console.error(`${options.out} is stale; run \`npm run generate\`. Files that differ:`);
    for (const path of stale) console.error(`  ${path}`);
    for (const path of extra) console.error(`  ${path} (would be removed)`);
    return 1;
  }
  const { changed, files, warnings } = await generate(options.spec, options.out, { ...outputOptions, strict: options.strict, onPhase });
  for (const w of warnings) log(`warning: ${formatLocation(w)}${w.message}`);
  const where = relative(process.cwd(), options.out) || options.out;
  log(changed.length === 0 ? `${where}: unchanged (${files.length} files)` : `${where}: wrote ${files.length} files (${changed.length} changed)`);
  return 0;
}, argv.includes('--debug'));
