// Where the generator finds its own files. The same code runs from the checkout (generator/*.ts
// through tsx) and installed as compiled JavaScript (node_modules/<name>/dist/generator/*.js), so
// nothing is found relative to the working directory or by a fixed number of `../`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding the generator's code: generator/ in the checkout, dist/generator/ installed. */
export const GENERATOR_DIR = dirname(fileURLToPath(import.meta.url));

/** The package's root: the nearest folder above the code with a package.json. */
export const PACKAGE_ROOT = findUp(GENERATOR_DIR, 'package.json');

export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
export const RUNTIME_DIR = join(TEMPLATES_DIR, 'runtime');

function findUp(from: string, file: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, file))) return dir;
    if (dirname(dir) === dir) throw new Error(`no ${file} above ${from}`);
  }
}
