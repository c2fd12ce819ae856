// Bundles the behaviour suite once, with esbuild, into one ES module every runtime can import:
// suite/ plus the Financial Connections client, two vendor-style clients generated from
// test/vendors/fixtures (JSON and multipart bodies, which the Financial Connections API has none of)
// and one from the paging-styles fixture (lists in every paging style).
import { join } from 'node:path';
import { build } from 'esbuild';
import { generateInto } from '../support/generate-into.js';
import { fixture, ROOT } from '../support/paths.js';

/** The bundle's file name in the folder `buildSuite` writes; it exports `runSuite(serverUrl)`. */
export const SUITE_FILE = 'suite.js';

export async function buildSuite(dir: string): Promise<void> {
  const vendors = join(dir, 'vendors');
  await generateInto(fixture('vendors/fixtures/json-pets.yaml'), join(vendors, 'json-pets'));
  await generateInto(fixture('vendors/fixtures/multipart-files.yaml'), join(vendors, 'multipart-files'));
  await generateInto(fixture('generator/fixtures/paging-styles/spec.yaml'), join(vendors, 'paging-styles'));
  const entry = [
    `import { runSuite as run } from ${JSON.stringify(join(ROOT, 'test/runtimes/suite/index.ts'))};`,
    `import * as pets from ${JSON.stringify(join(vendors, 'json-pets/index.ts'))};`,
    `import * as files from ${JSON.stringify(join(vendors, 'multipart-files/index.ts'))};`,
    `import * as paging from ${JSON.stringify(join(vendors, 'paging-styles/index.ts'))};`,
    'export const runSuite = (server: string) => run(server, { pets, files, paging });',
  ].join('\n');
  await build({
    stdin: { contents: entry, loader: 'ts', resolveDir: dir, sourcefile: 'suite-entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile: join(dir, SUITE_FILE),
    logLevel: 'silent',
  });
}
