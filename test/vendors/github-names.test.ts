// An Octokit user finds the methods they know: generated from GitHub's own description (as
// `@octokit/openapi` ships it), every route of Octokit's endpoint table (read from the installed
// `@octokit/plugin-rest-endpoint-methods`) that the description has is on the model under Octokit's
// dotted name with the same path arguments. No flag: GitHub's operationIds are all namespaced
// (`issues/list-for-repo`), so the names are grouped by namespace on their own.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build-model.js';
import { readAnySpec } from '../../generator/parse/read-spec.js';
import { githubSpec } from '../corpus/documents.js';
import { parity, percent, type Parity } from '../support/name-parity.js';
import { octokitRoutes, type OctokitRoute } from '../support/octokit-routes.js';

describe("GitHub's description against Octokit's endpoint table", () => {
  let routes: OctokitRoute[];
  let aliases: string[];
  let byDefault: Parity;
  let byPath: Parity;
  beforeAll(async () => {
    ({ routes, aliases } = await octokitRoutes());
    const loaded = await readAnySpec(githubSpec());
    byDefault = parity(buildModel(loaded).model, routes);
    byPath = parity(buildModel(loaded, { names: 'path' }).model, routes);
    console.log(`Octokit name parity: ${percent(byDefault)} by default; ${percent(byPath)} with --names path`);
  }, 120_000);

  it('reads the table: about a thousand routes, with their paths and arguments', () => {
    expect(routes.length).toBeGreaterThan(900);
    expect(routes).toContainEqual({ name: 'issues.listForRepo', method: 'GET', path: '/repos/{owner}/{repo}/issues', args: ['owner', 'repo'] });
    // Deprecated aliases share a route with the method that replaced it: they are not counted.
    expect(aliases).toContain('apps.addRepoToInstallation');
  });

  it('has at least 95% of the routes under their Octokit name with the same path arguments (all of them today)', () => {
    expect(byDefault.found / byDefault.total).toBeGreaterThanOrEqual(0.95);
    expect(byDefault.misnamed).toEqual([]);
  });

  it('the path rule alone, for comparison, finds few of them: grouping by namespace is what makes the names', () => {
    expect(byPath.found / byPath.total).toBeLessThan(0.1);
  });

  it('lacks only routes the description does not have', () => {
    expect(byDefault.outsideSpec.length).toBeLessThan(0.05 * routes.length);
  });
});
