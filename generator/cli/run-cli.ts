// How every command ends: a user error prints as one clear message and exits 1; anything else
// is our bug, said to be one, printed with its stack only under --debug, exit 2.
import { readFileSync } from 'node:fs';
import { GeneratorError, type Problem } from '../errors.js';
import { createLocator, withLines } from '../parse/locate.js';

export async function runCli(main: () => Promise<number>, debug: boolean): Promise<void> {
  // Errors raised outside `main`'s promise chain (a stray callback) end the same way.
  const onStray = (error: unknown) => {
    process.exit(report(error, debug));
  };
  process.on('uncaughtException', onStray);
  process.on('unhandledRejection', onStray);
  try {
    process.exitCode = await main();
  } catch (error) {
    process.exitCode = report(error, debug);
  } finally {
    process.off('uncaughtException', onStray);
    process.off('unhandledRejection', onStray);
  }
}

/** Prints an error the way the CLI ends on it and returns the exit code: 1 for the user's fault, 2 for ours. */
export function report(error: unknown, debug: boolean): number {
  if (error instanceof GeneratorError) {
    const located = new GeneratorError(error.message, locateProblems(error.problems), error.hint);
    console.error(`error: ${located.format()}`);
    if (debug) console.error(error.stack);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`internal error (a bug in the generator, please report it): ${message}`);
  if (debug) console.error(error instanceof Error ? error.stack : error);
  else console.error('run again with --debug for the stack trace');
  return 2;
}

/**
 * Problems found after parsing (by the model, say) know their JSON pointer but not their line:
 * find it in the spec's text now, which costs a re-read only when there is an error to print.
 */
function locateProblems(problems: readonly Problem[]): Problem[] {
  const locators = new Map<string, ReturnType<typeof createLocator> | undefined>();
  const locatorFor = (file: string) => {
    if (!locators.has(file)) {
      let text: string | undefined;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      locators.set(file, text === undefined ? undefined : createLocator(text));
    }
    return locators.get(file);
  };
  return problems.map((problem) => {
    if (!problem.file || !problem.pointer || problem.line !== undefined) return problem;
    const locate = locatorFor(problem.file);
    if (!locate) return problem;
    try {
      return withLines([problem], locate)[0]!;
    } catch {
      // A file that no longer parses only costs the line number.
      return problem;
    }
  });
}
