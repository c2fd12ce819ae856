// Octokit's own facts about GitHub's REST methods, read from the installed
// `@octokit/plugin-rest-endpoint-methods`: its endpoint table names every method (`issues.listForRepo`)
// with its route (`GET /repos/{owner}/{repo}/issues`). The table is the package's generated module;
// its `exports` do not list it, so it is imported by file.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface OctokitRoute {
  /** The dotted name a user calls, e.g. `issues.listForRepo`. */
  readonly name: string;
  readonly method: string;
  /** e.g. `/repos/{owner}/{repo}/issues`. */
  readonly path: string;
  /** The route's path parameters, in order. */
  readonly args: readonly string[];
}

type Table = Record<string, Record<string, [string, object?, { renamed?: unknown }?]>>;

/**
 * Every method of the table but the deprecated aliases (`renamed`: an old name kept for a method
 * that has a new one; the new name is in the table with the same route).
 */
export async function octokitRoutes(): Promise<{ routes: OctokitRoute[]; aliases: string[] }> {
  const main = createRequire(import.meta.url).resolve('@octokit/plugin-rest-endpoint-methods');
  const file = join(dirname(main), 'generated/endpoints.js');
  const { default: table } = (await import(pathToFileURL(file).href)) as { default: Table };
  const routes: OctokitRoute[] = [];
  const aliases: string[] = [];
  for (const [scope, methods] of Object.entries(table)) {
    for (const [method, [route, , decorations]] of Object.entries(methods)) {
      if (decorations?.renamed) {
        aliases.push(`${scope}.${method}`);
        continue;
      }
      const [verb, path] = route.split(' ') as [string, string];
      routes.push({ name: `${scope}.${method}`, method: verb, path, args: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!) });
    }
  }
  return { routes, aliases };
}
