// Many generated clients side by side, compiled in one compiler run: the fuzzer's random specs
// and the corpus's real ones. Each client's errors are traced back to its folder.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { GeneratedFile } from '../../generator/emit/emit-files.js';
import { typecheck, type CompilerName } from './typecheck.js';

/**
 * Writes a client, sharing one copy of the runtime between all clients (a symlink): the runtime
 * is the same for every spec, and the compiler then checks it once instead of once per client.
 */
export function writeClient(workDir: string, clientDir: string, files: readonly GeneratedFile[]): void {
  // Runtime files name the spec file in their first line, and the templates may be edited while
  // a long run goes on: one shared copy per distinct runtime.
  const runtime = files.filter((f) => f.path.startsWith('runtime/'));
  const hash = createHash('sha256');
  for (const file of runtime) hash.update(`${file.path}\0${file.contents}\0`);
  const shared = join(workDir, `shared-runtime-${hash.digest('hex').slice(0, 12)}`);
  for (const file of files) {
    const inRuntime = file.path.startsWith('runtime/');
    const target = inRuntime ? join(shared, file.path.slice('runtime/'.length)) : join(clientDir, file.path);
    if (inRuntime && existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  symlinkSync(shared, join(clientDir, 'runtime'), 'dir');
}

/**
 * Compiles the clients in `folders` (relative to `workDir`) in one run; returns each failing
 * folder's error lines (an error outside every folder is reported under `''`).
 */
export function compileClients(workDir: string, folders: readonly string[], compiler: CompilerName): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  if (folders.length === 0) return errors;
  // `legacy` module detection, as under a bundler's settings: a file is a module only by its own
  // import or export, whatever package.json says.
  const result = typecheck(workDir, compiler, folders.map((f) => `${f}/**/*.ts`), { moduleDetection: 'legacy' });
  if (result.ok) return errors;
  // tsc names files relative to the current directory: find the client's folder in the path.
  const prefix = `${basename(workDir)}/`;
  const byLength = [...folders].sort((a, b) => b.length - a.length);
  for (const line of result.output.split('\n')) {
    const normalized = line.replace(/\\/g, '/');
    const at = normalized.indexOf(prefix);
    const rest = at === -1 ? '' : normalized.slice(at + prefix.length);
    const folder = byLength.find((f) => rest.startsWith(`${f}/`)) ?? '';
    if (folder === '' && !/error TS/.test(line) && errors.size > 0) {
      // A continuation line of the previous diagnostic.
      const last = [...errors.keys()].pop()!;
      errors.get(last)!.push(line);
      continue;
    }
    errors.set(folder, [...(errors.get(folder) ?? []), line]);
  }
  return errors;
}
