// The generator does not run prettier: it prints its output in prettier's layout (emit/layout.ts).
// This holds it to that: every generated file of every fixture (hostile ones too), of spec/ and of
// Stripe's three whole specs is formatted with the project's prettier options and must come back
// unchanged. The real-world corpus (`npm run corpus`: orval's specs, DigitalOcean's, GitHub's)
// holds every one of its documents to the same.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { typeAliasDeclaration, printFile } from '../../generator/emit/declarations.js';
import { named } from '../../generator/emit/type-expression.js';
import { generateFiles } from '../../generator/generate.js';
import { PRETTIER_OPTIONS } from '../../generator/format/text.js';
import { fixture, PROJECT_SPEC, scratchDir, SHARED_SPECS } from '../support/paths.js';
import { unformattedFiles } from '../support/prettier-clean.js';

const fixtures = readdirSync(fixture('generator/fixtures'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => [e.name, fixture('generator/fixtures', e.name, 'spec.yaml')] as const)
  .sort();
const whole = ['stripe-spec3-2022-08-01.yaml', 'stripe-spec3-2022-11-15.yaml', 'stripe-spec3-2023-08-16.yaml']
  .map((name) => [name, join(SHARED_SPECS, name)] as const)
  .filter(([name, path]) => existsSync(path) || console.warn(`skipping ${name}: not in ${SHARED_SPECS}`));

/** The generated TypeScript files that prettier would change, with the first line that differs. */
async function uncleanFiles(spec: string): Promise<string[]> {
  const { files } = await generateFiles(spec);
  expect(files.filter((f) => f.path.endsWith('.ts') && !f.path.startsWith('runtime/')).length).toBeGreaterThan(2);
  return unformattedFiles(files);
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

  // The API key's header name is spec text printed into client.ts: quoted as prettier quotes it,
  // and, when long, the call broken at the depth it stands in.
  it.each([`X-It's-Key`, `X-${'Very-Long-Vendor-Specific-Authentication'.repeat(2)}-Key`])('a client whose API key goes in header %s', async (name) => {
    const spec = join(scratchDir('prettier-clean-auth'), 'spec.json');
    writeFileSync(spec, JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'Keyed', version: '1' },
      components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name } } },
      security: [{ key: [] }],
      paths: { '/things': { get: { operationId: 'listThings', responses: { '200': { description: 'ok' } } } } },
    }));
    const { files } = await generateFiles(spec);
    expect(files.find((f) => f.path === 'client.ts')!.contents).toContain('apiKeyAuth(');
    expect(await unformattedFiles(files)).toEqual([]);
  });

  it.each(whole)('the whole Stripe spec %s', async (_, spec) => {
    expect(await uncleanFiles(spec)).toEqual([]);
  }, 600_000);
});

describe('what prettier changes inside doc comments, the printer changes too', () => {
  // Spec prose leaves blanks at the ends of lines (Markdown line breaks, wrapped double spaces).
  // Prettier keeps two spaces and drops any other trailing blank; a check of cleanliness alone
  // could not see the difference, so here the printer meets prettier on the raw comment.
  it('keeps two trailing spaces and drops the others', async () => {
    const block = ['/**', ' * one ', ' * two  ', ' * three   ', ' * tab\t', ' * mixed \t ', ' * end', ' */'].join('\n');
    const raw = `${block}\nexport type A = string;\n`;
    expect(printFile([typeAliasDeclaration('A', block, named('string'))])).toBe(await format(raw, PRETTIER_OPTIONS));
  });
});
