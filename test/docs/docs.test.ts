// The docs tell the truth: every ```ts block in README.md, ARCHITECTURE.md and docs/*.md compiles
// against the generated client exactly as written there (no hand-kept copy), and every flag list
// marked `<!-- npm run <command> -- --help -->` is the command's own --help output.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { generateInto } from '../support/generate-into.js';
import { fencedBlocks } from '../support/markdown.js';
import { fixture, ROOT, scratchDir } from '../support/paths.js';
import { COMPILERS, typecheck, type CompilerName } from '../support/typecheck.js';

const DOCS = ['README.md', 'ARCHITECTURE.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const read = (doc: string) => readFileSync(join(ROOT, doc), 'utf8');


// A block that uses `stripe` without creating it continues its page's first example, where the
// client is created; the docs read that way, so the test supplies the same line.
const CLIENT_PREAMBLE = "import { createClient } from './generated/index.js';\nconst stripe = createClient({ apiKey: 'sk_test_123' });\n";

function asModule(block: string): string {
  const needsClient = /\bstripe\./.test(block) && !/\bconst stripe\b/.test(block);
  return `${needsClient ? CLIENT_PREAMBLE : ''}${block}\nexport {};\n`;
}

describe('every TypeScript block in the docs compiles against the generated client', () => {
  const blocks = DOCS.flatMap((doc) => fencedBlocks(read(doc), 'ts').map((code, i) => ({ doc, i, code })));
  let project: string;

  beforeAll(async () => {
    project = scratchDir('docs');
    cpSync(join(ROOT, 'generated'), join(project, 'generated'), { recursive: true });
    // The examples read the key from the environment as a Node app would; no Node types are loaded.
    writeFileSync(join(project, 'env.d.ts'), 'declare const process: { env: Record<string, string | undefined> };\n');
    for (const { doc, i, code } of blocks) writeFileSync(join(project, `${doc.replace(/[/.]/g, '_')}_${i + 1}.ts`), asModule(code));
  });

  it('finds the examples (README and docs/client.md have some)', () => {
    expect(blocks.filter((b) => b.doc === 'README.md').length).toBeGreaterThan(0);
    expect(blocks.filter((b) => b.doc === 'docs/client.md').length).toBeGreaterThan(3);
  });

  it.each(Object.keys(COMPILERS) as CompilerName[])('under %s, with no diagnostics', (compiler) => {
    // Examples may leave a value unused (`const owners = …`): that is prose, not a mistake. They
    // read `process.env.NAME` as most Node apps do, which only that one extra-strict flag refuses.
    const result = typecheck(project, compiler, ['**/*.ts'], { noUnusedLocals: false, noPropertyAccessFromIndexSignature: false });
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});

// Blocks marked `ts fixture:<name>` show other APIs: they import `./api/index.js`, a client of that
// generator fixture (auth-schemes: several schemes per operation; paging-styles: one list per paging
// style; request-bodies: every kind of body).
describe('every ```ts fixture:<name> block compiles against a client of that generator fixture, in ./api/', () => {
  const blocks = DOCS.flatMap((doc) =>
    [...read(doc).matchAll(/^```ts fixture:([\w-]+)\n([\s\S]*?)^```$/gm)].map((m, i) => ({ doc, i, fixture: m[1]!, code: m[2]! })),
  );

  it("docs/client.md has other APIs' auth, lists, request bodies, answers, errors and streams", () => {
    const used = blocks.filter((b) => b.doc === 'docs/client.md').map((b) => b.fixture);
    expect([...new Set(used)].sort()).toEqual(['auth-schemes', 'error-answers', 'event-stream', 'non-json-responses', 'paging-styles', 'request-bodies']);
  });

  it.each(Object.keys(COMPILERS) as CompilerName[])('under %s, with no diagnostics', async (compiler) => {
    const project = scratchDir('docs-fixtures');
    writeFileSync(join(project, 'env.d.ts'), 'declare const process: { env: Record<string, string | undefined> };\n');
    for (const { doc, i, fixture: name, code } of blocks) {
      const dir = join(project, `${doc.replace(/[/.]/g, '_')}_${i + 1}`);
      await generateInto(fixture('generator/fixtures', name, 'spec.yaml'), join(dir, 'api'));
      writeFileSync(join(dir, 'example.ts'), `${code}\nexport {};\n`);
    }
    const result = typecheck(project, compiler, ['**/*.ts'], { noUnusedLocals: false, noPropertyAccessFromIndexSignature: false });
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });
});

describe('the flag lists in the docs are the commands’ own --help', () => {
  const marked = DOCS.flatMap((doc) =>
    [...read(doc).matchAll(/^<!-- npm run (\w+) -- --help -->\n```text\n([\s\S]*?)^```$/gm)].map((m) => ({ doc, command: m[1]!, text: m[2]! })),
  );

  it('marks the generate, model and diff flag lists', () => {
    expect(marked.map((m) => m.command).sort()).toEqual(['diff', 'generate', 'model']);
  });

  it.each(marked)('$doc: npm run $command -- --help', async ({ command, text }) => {
    const run = await runCli(command as 'generate' | 'model' | 'diff', ['--help']);
    expect(run.status).toBe(0);
    expect(text).toBe(run.stdout.endsWith('\n') ? run.stdout : run.stdout + '\n');
  });
});
