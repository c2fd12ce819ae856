// The runtime a client ships: templates/runtime's own files as written (their tests live elsewhere),
// and the profile's runtime module, a folder of templates/runtime/vendors/, only for that profile's clients.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuntimeModule } from '../model/ir.js';
import { RUNTIME_DIR } from '../paths.js';

/** Where a vendor's runtime module's entry goes in the output, `/`-separated. */
export const vendorModulePath = (module: RuntimeModule): string => `runtime/vendors/${module.dir}/index.ts`;

/** The specifier that imports `path` (an output file) from the output's top level. */
export const topLevelSpecifier = (path: string): string => `./${path.replace(/\.ts$/, '.js')}`;

export function runtimeFiles(module: RuntimeModule | null): { path: string; contents: string }[] {
  const vendor = module ? filesOf(`vendors/${module.dir}`) : [];
  return [...filesOf(''), ...vendor];
}

/** The `.ts` files of one folder under templates/runtime (not its subfolders), as `runtime/…` paths. */
function filesOf(folder: string): { path: string; contents: string }[] {
  const dir = join(RUNTIME_DIR, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => ({ path: ['runtime', folder, name].filter(Boolean).join('/'), contents: readFileSync(join(dir, name), 'utf8') }));
}
