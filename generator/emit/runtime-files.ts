// The runtime a client ships: templates/runtime's own files as written (their tests live elsewhere),
// and the profile's runtime module from templates/runtime/vendors/ only for that profile's clients.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeModule } from '../model/ir.js';
import { RUNTIME_DIR } from '../paths.js';

/** Where a vendor's runtime module goes in the output, `/`-separated. */
export const vendorModulePath = (module: RuntimeModule): string => `runtime/vendors/${module.file}`;

/** The specifier that imports `path` (an output file) from the output's top level. */
export const topLevelSpecifier = (path: string): string => `./${path.replace(/\.ts$/, '.js')}`;

export function runtimeFiles(module: RuntimeModule | null): { path: string; contents: string }[] {
  const generic = readdirSync(RUNTIME_DIR)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => ({ path: `runtime/${name}`, contents: readFileSync(join(RUNTIME_DIR, name), 'utf8') }));
  if (!module) return generic;
  return [...generic, { path: vendorModulePath(module), contents: readFileSync(join(RUNTIME_DIR, 'vendors', module.file), 'utf8') }];
}
