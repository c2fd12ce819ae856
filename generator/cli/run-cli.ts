// How every command ends: a user error prints as one clear message and exits 1; anything else
// is our bug, printed with its stack only under --debug, exit 2.
import { GeneratorError } from '../errors.js';

export async function runCli(main: () => Promise<number>, debug: boolean): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof GeneratorError) {
      console.error(`error: ${error.format()}`);
      if (debug) console.error(error.stack);
      process.exitCode = 1;
      return;
    }
    console.error(`internal error (a bug in the generator, please report it): ${(error as Error)?.message ?? String(error)}`);
    if (debug) console.error((error as Error)?.stack);
    else console.error('run again with --debug for the stack trace');
    process.exitCode = 2;
  }
}
