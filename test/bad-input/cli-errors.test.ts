// The user's story: I point the generator at something wrong, and it tells me in one message
// what is wrong and where (file, JSON pointer, line:column), with a hint, and exits 1. It never
// shows me a stack trace unless I ask with --debug, and it never writes a half-made client.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type ExpectStatic } from 'vitest';
import { runCli, STACK_FRAME, type CliRun } from '../support/cli.js';
import { fixture as testFile, ROOT, scratchDir } from '../support/paths.js';

const fixture = (name: string) => testFile('bad-input/fixtures', name);

const scratch = scratchDir('bad-input');
let outs = 0;
const freshOut = () => join(scratch, `out-${++outs}`);

async function generateFrom(spec: string, ...extra: string[]): Promise<CliRun & { out: string }> {
  const out = freshOut();
  return { ...(await runCli('generate', ['--spec', spec, '--out', out, '--quiet', ...extra])), out };
}

/** A user error: exit 1, `error:` first, a hint last, no stack, nothing written. */
function expectUserError(run: CliRun & { out?: string }, expect: ExpectStatic): void {
  expect(run.status, run.stderr).toBe(1);
  expect(run.stderr).toMatch(/^error: /);
  expect(run.stderr).toMatch(/\nhint: .+\n$/);
  expect(run.stderr).not.toMatch(STACK_FRAME);
  if (run.out) expect(existsSync(run.out)).toBe(false);
}

describe.concurrent('reading the spec file', () => {
  it('a missing file is named, with a hint about --spec', async ({ expect }) => {
    const run = await generateFrom(join(scratch, 'no-such-spec.yaml'));
    expectUserError(run, expect);
    expect(run.stderr).toContain('no-such-spec.yaml: no such file');
    expect(run.stderr).toContain('hint: check the path given to --spec');
  });

  it('malformed YAML: an unclosed brace is named where it opened, with the parser reason', async ({ expect }) => {
    const run = await generateFrom(fixture('malformed.yaml'));
    expectUserError(run, expect);
    expect(run.stderr).toContain('malformed.yaml: malformed YAML');
    expect(run.stderr).toMatch(/malformed\.yaml:7:10: this '\{' is never closed \(the parser gave up at line 8: missed comma between flow collection entries\)/);
  });

  it("malformed JSON: the reason at file:line:column, without Node's byte offset", async ({ expect }) => {
    const run = await generateFrom(fixture('malformed.json'));
    expectUserError(run, expect);
    expect(run.stderr).toContain('malformed.json: malformed JSON');
    expect(run.stderr).toMatch(/malformed\.json:5:1: Expected double-quoted property name\n/);
  });
});

describe.concurrent('documents that are not OpenAPI 3.0 or 3.1', () => {
  it('Swagger 2.0 is converted in memory and generated, with a warning for what did not carry over and no other', async ({ expect }) => {
    const out = freshOut();
    const run = await runCli('generate', ['--spec', fixture('swagger-2.yaml'), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('warning: '))).toEqual([
      expect.stringMatching(/^warning: \S*swagger-2\.yaml:\d+:\d+ #\/paths\/~1pets\/get\/parameters\/0: not carried over from Swagger 2\.0 \(the place is in the converted OpenAPI 3\.0 document\): collectionFormat:tsv is no longer supported/),
    ]);
    const client = readFileSync(join(out, 'client.ts'), 'utf8');
    expect(client).toContain("export const DEFAULT_BASE_URL = 'https://api.example.com/v1';");
    expect(client).toMatch(/list: bind\(petsList\)[\s\S]*create: bind\(petsCreate\)|create: bind\(petsCreate\)[\s\S]*list: bind\(petsList\)/);
  });
});

describe.concurrent('Swagger 2.0 checked as written', () => {
  const swagger = (version: string, note: string) =>
    `swagger: "2.0"\ninfo: { title: Shop, version: ${version} }\npaths:\n  /orders:\n    get:\n      responses:\n        "200":\n          description: the orders\n          schema: { type: array, items: { $ref: "#/definitions/Order" } }\ndefinitions:\n  Order:\n    type: object\n    properties:\n      note: { type: string, ${note} }\n`;

  it('a valid document with x-nullable converts without a warning, so --strict passes it', async ({ expect }) => {
    const dir = freshOut();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'shop.yaml'), swagger('"1"', 'x-nullable: true'));
    const run = await runCli('generate', ['--spec', join(dir, 'shop.yaml'), '--out', join(dir, 'out'), '--strict']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('warning');
    expect(readFileSync(join(dir, 'out/schemas.ts'), 'utf8')).toContain('note?: string | null;');
  });

  it("a fault is found by the Swagger 2.0 schema at its place and line in the user's file: a warning, an error with --strict", async ({ expect }) => {
    const dir = freshOut();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'shop.yaml'), swagger('1', 'x-nullable: true'));
    const warned = await runCli('generate', ['--spec', join(dir, 'shop.yaml'), '--out', join(dir, 'out')]);
    expect(warned.status, warned.stderr).toBe(0);
    expect(warned.stderr).toMatch(/^warning: \S*shop\.yaml:2:22 #\/info\/version: not valid Swagger 2\.0: must be string$/m);
    const refused = await runCli('generate', ['--spec', join(dir, 'shop.yaml'), '--out', join(dir, 'strict'), '--strict']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/error: \S*shop\.yaml: the document is not valid Swagger 2\.0 \(1 problem\)\n\s+\S*shop\.yaml:2:22 #\/info\/version: must be string/);
  });
});

describe.concurrent('validation', () => {
  it('warns about every problem swagger-parser finds, one line each with pointer and line, and still writes the client', async ({ expect }) => {
    const out = freshOut();
    const run = await runCli('generate', ['--spec', fixture('three-problems.yaml'), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning: ') && line.includes('not valid OpenAPI 3.0.3'));
    expect(warnings).toEqual([
      expect.stringMatching(/three-problems\.yaml:12:11 #\/paths\/~1v1~1things\/get\/parameters\/0\/in: not valid OpenAPI 3\.0\.3: must be one of: "path", "query", "header", "cookie"$/),
      expect.stringMatching(/three-problems\.yaml:22:17 #\/paths\/~1v1~1things\/get\/responses\/200\/content\/application~1json\/schema\/propertees: not valid OpenAPI 3\.0\.3: unexpected property 'propertees'$/),
      expect.stringMatching(/three-problems\.yaml:29:7 #\/components\/schemas\/thing\/required: not valid OpenAPI 3\.0\.3: must be array$/),
    ]);
    expect(existsSync(join(out, 'client.ts'))).toBe(true);
  });

  it('with --strict, lists every problem swagger-parser finds, one line each, with pointer and line, and refuses', async ({ expect }) => {
    const run = await generateFrom(fixture('three-problems.yaml'), '--strict');
    expectUserError(run, expect);
    expect(run.stderr).toContain('three-problems.yaml: the document is not valid OpenAPI 3.0.3 (3 problems)');
    const problemLines = run.stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(problemLines).toEqual([
      expect.stringMatching(
        /three-problems\.yaml:12:11 #\/paths\/~1v1~1things\/get\/parameters\/0\/in: must be one of: "path", "query", "header", "cookie"$/,
      ),
      expect.stringMatching(
        /three-problems\.yaml:22:17 #\/paths\/~1v1~1things\/get\/responses\/200\/content\/application~1json\/schema\/propertees: unexpected property 'propertees'$/,
      ),
      expect.stringMatching(/three-problems\.yaml:29:7 #\/components\/schemas\/thing\/required: must be array$/),
    ]);
  });
});

describe.concurrent('dangling references', () => {
  it('says how many $refs point at how many missing components, lists them, and each site', async ({ expect }) => {
    const run = await generateFrom(fixture('dangling-refs.yaml'));
    expectUserError(run, expect);
    expect(run.stderr).toContain('dangling-refs.yaml: 3 $refs point at 2 missing components');
    expect(run.stderr).toContain('  missing: #/components/schemas/address (1 $ref)');
    expect(run.stderr).toContain('  missing: #/components/schemas/order (2 $refs)');
    expect(run.stderr).toMatch(
      /dangling-refs\.yaml:21:17 #\/paths\/~1v1~1orders~1\{id\}\/get\/responses\/200\/content\/application~1json\/schema\/\$ref: '#\/components\/schemas\/order' does not exist/,
    );
    expect(run.stderr).toMatch(
      /dangling-refs\.yaml:28:11 #\/components\/schemas\/customer\/properties\/last_order\/\$ref: '#\/components\/schemas\/order' does not exist/,
    );
    expect(run.stderr).toMatch(
      /dangling-refs\.yaml:30:11 #\/components\/schemas\/customer\/properties\/address\/\$ref: '#\/components\/schemas\/address' does not exist/,
    );
  });

  it('a dangling $ref that is a typo of a component beside it offers the nearest names', async ({ expect }) => {
    const dir = freshOut();
    mkdirSync(dir, { recursive: true });
    const spec = (ref: string) =>
      `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: ok\n          content: { application/json: { schema: { $ref: '${ref}' } } }\ncomponents:\n  schemas:\n    Pet: { type: object }\n    Pets: { type: array, items: { $ref: '#/components/schemas/Pet' } }\n    Error: { type: object }\n`;
    writeFileSync(join(dir, 'typo.yaml'), spec('#/components/schemas/Petz'));
    const typo = await runCli('generate', ['--spec', join(dir, 'typo.yaml'), '--out', join(dir, 'out')]);
    expectUserError(typo, expect);
    expect(typo.stderr).toContain('  missing: #/components/schemas/Petz (1 $ref); did you mean #/components/schemas/Pet or #/components/schemas/Pets?\n');
    writeFileSync(join(dir, 'far.yaml'), spec('#/components/schemas/Invoice'));
    const far = await runCli('generate', ['--spec', join(dir, 'far.yaml'), '--out', join(dir, 'out')]);
    expect(far.stderr).toContain('  missing: #/components/schemas/Invoice (1 $ref)\n');
  });
});

const PUBLISHED_SLICE = join(ROOT, '../shared/specs/stripe-financial-connections-2023-10-16.published.yml');
const havePublished = existsSync(PUBLISHED_SLICE);
if (!havePublished) {
  console.warn(
    `bad input: ${PUBLISHED_SLICE} is missing (no ../shared checkout), so the published-slice dangling-ref test is skipped`,
  );
}

describe.concurrent('the published Financial Connections slice', () => {
  it.skipIf(!havePublished)('reports its 12 dangling $refs to 10 missing components, every one listed', async ({ expect }) => {
    const run = await generateFrom(PUBLISHED_SLICE);
    expectUserError(run, expect);
    expect(run.stderr).toContain('.published.yml: 12 $refs point at 10 missing components');
    const missing = run.stderr.split('\n').filter((line) => line.startsWith('  missing: '));
    expect(missing).toHaveLength(10);
    expect(missing).toContain('  missing: #/components/schemas/api_errors (1 $ref)');
    expect(missing).toContain('  missing: #/components/schemas/financial_connections.account_ownership (2 $refs)');
    const sites = run.stderr
      .split('\n')
      .filter((line) => / #\/.*\/\$ref: '#\/components\/schemas\/[^']+' does not exist$/.test(line));
    expect(sites).toHaveLength(12);
    expect(sites.every((line) => /\.published\.yml:\d+:\d+ #\//.test(line))).toBe(true);
    expect(run.stderr).toContain(
      "published.yml:827:11 #/components/schemas/error/properties/error/$ref: '#/components/schemas/api_errors' does not exist",
    );
  });
});

describe.concurrent('constructs the generator cannot represent', () => {
  it('`not` is typed as unknown, with a warning naming the place; the client is still written', async ({ expect }) => {
    const out = freshOut();
    const run = await runCli('generate', ['--spec', fixture('unsupported-not.yaml'), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /warning: \S*unsupported-not\.yaml:\d+:\d+ #\/components\/schemas\/not_a_number\/not: 'not' is not supported/,
    );
    expect(readFileSync(join(out, 'schemas.ts'), 'utf8')).toContain('export type NotANumber = unknown;');
  });
});

describe.concurrent('names the generator would give twice', () => {
  it('two operations with the same client name: the later is renamed, with a warning naming both places', async ({ expect }) => {
    const out = freshOut();
    const run = await runCli('generate', ['--spec', fixture('operation-name-collision.yaml'), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /warning: \S*operation-name-collision\.yaml:14:5 #\/paths\/~1widgets\/get: would be named 'widgets\.retrieve', like #\/paths\/~1v1~1widgets\/get; named 'widgets\.retrieve2' \(numbered\) instead/,
    );
    expect(readFileSync(join(out, 'client.ts'), 'utf8')).toMatch(/retrieve: bind\(widgetsRetrieve\),\n\s*retrieve2: bind\(widgetsRetrieve2\)/);
  });

  it('two schemas with one type name, and a schema named like a params type: numbered, with warnings', async ({ expect }) => {
    const out = freshOut();
    const run = await runCli('generate', ['--spec', fixture('type-name-collision.yaml'), '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /warning: \S*type-name-collision\.yaml:\d+:5 #\/components\/schemas\/foo_bar: would become type 'FooBar', like #\/components\/schemas\/FooBar; named 'FooBar2' instead/,
    );
    expect(run.stderr).toMatch(
      /warning: \S*type-name-collision\.yaml:\d+:5 #\/paths\/~1v1~1gadgets~1\{id\}\/get: would become type 'GadgetRetrieveParams', like #\/components\/schemas\/gadget_retrieve_params; named 'GadgetRetrieveParams2' instead/,
    );
  });

  it('with --strict, a renaming is an error naming both places', async ({ expect }) => {
    const run = await generateFrom(fixture('operation-name-collision.yaml'), '--strict');
    expectUserError(run, expect);
    expect(run.stderr).toContain('1 warning, which --strict makes errors');
    expect(run.stderr).toMatch(/#\/paths\/~1widgets\/get: would be named 'widgets\.retrieve', like #\/paths\/~1v1~1widgets\/get/);
  });
});

describe.concurrent('the command line', () => {
  it('an unknown flag is named with the known flag it is closest to, and a pointer to --help', async ({ expect }) => {
    const run = await runCli('generate', ['--sepc', 'spec.yaml']);
    expectUserError(run, expect);
    expect(run.stderr).toContain('error: unknown flag --sepc; did you mean --spec?\n');
    expect(run.stderr).toContain('hint: run with --help to see every flag');
    const typo = await runCli('generate', ['spec.yaml', '--ouput', 'out']);
    expect(typo.stderr).toContain('error: unknown flag --ouput; did you mean --output?\n');
    const nothingNear = await runCli('generate', ['spec.yaml', '--colour']);
    expect(nothingNear.stderr).toContain('error: unknown flag --colour\n');
  });

  it('--debug adds the stack trace to a user error; the message stays the same', async ({ expect }) => {
    const run = await generateFrom(join(scratch, 'missing.yaml'), '--debug');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: .*missing\.yaml: no such file/);
    expect(run.stderr).toMatch(STACK_FRAME);
  });
});
