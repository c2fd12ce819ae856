// Bundles the behaviour suite once, with esbuild, into one ES module every runtime can import:
// suite/ plus the Financial Connections client, two vendor-style clients generated from
// test/vendors/fixtures (JSON and multipart bodies, which the Financial Connections API has none of),
// one from the paging-styles fixture (lists in every paging style) and one from the event-stream
// fixture (Server-Sent Events).
// The clients are generated with `--emit js`, so the matrix runs the JavaScript output as shipped
// (TypeScript's own type removal of the same emitted TypeScript; the TypeScript output runs in
// test/wire, test/runtime and test/stripe). The suite's imports of `generated/` resolve to it.
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { generateInto } from '../support/generate-into.js';
import { fixture, PROJECT_SPEC, ROOT } from '../support/paths.js';

/** The bundle's file name in the folder `buildSuite` writes; it exports `runSuite(serverUrl)`. */
export const SUITE_FILE = 'suite.js';

export async function buildSuite(dir: string): Promise<void> {
  const clients = join(dir, 'clients');
  await generateInto(PROJECT_SPEC, join(clients, 'financial-connections'), { emit: 'js' });
  await generateInto(fixture('vendors/fixtures/json-pets.yaml'), join(clients, 'json-pets'), { emit: 'js' });
  await generateInto(fixture('vendors/fixtures/multipart-files.yaml'), join(clients, 'multipart-files'), { emit: 'js' });
  await generateInto(fixture('generator/fixtures/paging-styles/spec.yaml'), join(clients, 'paging-styles'), { emit: 'js' });
  await generateInto(fixture('generator/fixtures/event-stream/spec.yaml'), join(clients, 'event-stream'), { emit: 'js' });
  const entry = [
    `import { runSuite as run } from ${JSON.stringify(join(ROOT, 'test/runtimes/suite/index.ts'))};`,
    `import * as pets from ${JSON.stringify(join(clients, 'json-pets/index.js'))};`,
    `import * as files from ${JSON.stringify(join(clients, 'multipart-files/index.js'))};`,
    `import * as paging from ${JSON.stringify(join(clients, 'paging-styles/index.js'))};`,
    `import * as streams from ${JSON.stringify(join(clients, 'event-stream/index.js'))};`,
    'export const runSuite = (server: string) => run(server, { pets, files, paging, streams });',
  ].join('\n');
  const { metafile } = await build({
    stdin: { contents: entry, loader: 'ts', resolveDir: dir, sourcefile: 'suite-entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    outfile: join(dir, SUITE_FILE),
    logLevel: 'silent',
    plugins: [generatedIs(join(clients, 'financial-connections/index.js'))],
    metafile: true,
  });
  const typescript = Object.keys(metafile.inputs).filter((input) => /(^|\/)(generated|clients)\/.*\.ts$/.test(input) && !input.endsWith('.d.ts'));
  if (typescript.length > 0) throw new Error(`the suite bundled generated TypeScript, not the JavaScript output: ${typescript.join(', ')}`);
}

/** The suite imports the committed client (`generated/index.js`, TypeScript); bundled, it gets the JavaScript one. */
function generatedIs(index: string): Plugin {
  return {
    name: 'generated-is-javascript',
    setup(build) {
      build.onResolve({ filter: /\/generated\/index\.js$/ }, () => ({ path: index }));
    },
  };
}
