// The generator's name and version, as package.json states them; both are stamped into output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './paths.js';

const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

export const GENERATOR_NAME: string = pkg.name;
export const GENERATOR_VERSION: string = pkg.version;

/** The name the generator had before it was renamed: an output folder written under it is still ours to replace. */
export const FORMER_NAMES: readonly string[] = ['stripe-fc-codegen'];
