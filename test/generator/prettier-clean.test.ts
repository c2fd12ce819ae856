// The generator does not run prettier: it prints its output in prettier's layout (emit/layout.ts).
// This holds it to that: every generated file of every fixture (hostile ones too), of spec/ and of
// the whole specs (Stripe's three versions, GitHub's REST API) is formatted with the project's prettier options
// and must come back unchanged.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../../generator/generate.js';
import { PRETTIER_OPTIONS } from '../../generator/format/text.js';
import { fixture, PROJECT_SPEC, ROOT, SHARED_SPECS } from '../support/paths.js';

const GITHUB = join(ROOT, 'node_modules/@octokit/openapi/generated/api.github.com.json');
// GitHub's spec has operations whose path-derived names collide; the overlay names them.
const GITHUB_OVERLAY = join(ROOT, 'scripts/bench/github.overlay.yaml');

const fixtures = readdirSync(fixture('generator/fixtures'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => [e.name, fixture('generator/fixtures', e.name, 'spec.yaml')] as const)
  .sort();
const whole = ['stripe-spec3-2022-08-01.yaml', 'stripe-spec3-2022-11-15.yaml', 'stripe-spec3-2023-08-16.yaml']
  .map((name) => [name, join(SHARED_SPECS, name)] as const)
  .filter(([name, path]) => existsSync(path) || console.warn(`skipping ${name}: not in ${SHARED_SPECS}`));

/** The generated TypeScript files that prettier would change, with the first line that differs. */
async function uncleanFiles(spec: string, overlays: readonly string[] = []): Promise<string[]> {
  const { files } = await generateFiles(spec, { overlays });
  const typescript = files.filter((f) => f.path.endsWith('.ts'));
  expect(typescript.length).toBeGreaterThan(3);
  const unclean: string[] = [];
  for (const file of typescript) {
    const formatted = await format(file.contents, PRETTIER_OPTIONS);
    if (formatted === file.contents) continue;
    const ours = file.contents.split('\n');
    const line = formatted.split('\n').findIndex((text, i) => text !== ours[i]);
    unclean.push(`${file.path}:${line + 1}: ${ours[line]?.trim()}`);
  }
  return unclean;
}

describe('generated code is exactly as prettier formats it', () => {
  it.each(fixtures)('the %s fixture', async (_, spec) => {
    expect(await uncleanFiles(spec)).toEqual([]);
  });

  it('spec/', async () => {
    expect(await uncleanFiles(PROJECT_SPEC)).toEqual([]);
  });

  it.each(['hostile.yaml', 'cycles.yaml'])('the hostile fixture %s', async (name) => {
    expect(await uncleanFiles(fixture('hostile/fixtures', name))).toEqual([]);
  });

  it.each(whole)('the whole Stripe spec %s', async (_, spec) => {
    expect(await uncleanFiles(spec)).toEqual([]);
  }, 600_000);

  it.skipIf(!existsSync(GITHUB))("GitHub's REST API (api.github.com.json from @octokit/openapi)", async () => {
    expect(await uncleanFiles(GITHUB, [GITHUB_OVERLAY])).toEqual([]);
  }, 600_000);
});
