// What a command line node:util's parser refuses is said in the generator's words: the flag, the
// known one it is closest to (`--ouput` → `--output`), and where the list is. Node's own text
// speaks of a positional argument after `--`, which is never what a mistyped flag means.
import { alternatives, closestNames } from '../closest-name.js';
import { GeneratorError } from '../errors.js';

const HELP = 'run with --help to see every flag';

/** The parser's error as a user error; `known` are the command's long flags, without dashes. */
export function flagError(error: unknown, known: readonly string[]): GeneratorError {
  const code = (error as { code?: unknown }).code;
  const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec((error as Error).message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown !== undefined) {
    const closest = closestNames(unknown.replace(/^-+/, ''), known).map((flag) => `--${flag}`);
    return new GeneratorError(`unknown flag ${unknown}${closest.length === 0 ? '' : `; did you mean ${alternatives(closest)}?`}`, [], HELP);
  }
  return new GeneratorError((error as Error).message, [], HELP);
}
