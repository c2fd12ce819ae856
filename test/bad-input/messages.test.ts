// More faults, checked in-process for speed (the spawned CLI tests show how any GeneratorError
// reaches the user: `error: ` + this text, exit 1). Each message names the file, the place and
// what to do.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { report } from '../../generator/cli/run-cli.js';
import { GeneratorError } from '../../generator/errors.js';
import { generateFiles } from '../../generator/generate.js';
import { writeOutput } from '../../generator/write/output.js';
import { fixture as testFile, scratchDir } from '../support/paths.js';

const fixture = (name: string) => testFile('bad-input/fixtures', name);

const scratch = scratchDir('bad-input-messages');

/** The user error a spec produces, as the CLI would print it (without `error: `). */
async function userErrorFor(spec: string, options: { strict?: boolean } = {}): Promise<string> {
  try {
    await generateFiles(spec, options);
  } catch (error) {
    expect(error).toBeInstanceOf(GeneratorError);
    return (error as GeneratorError).format();
  }
  throw new Error(`${spec} generated without an error`);
}

function specFile(name: string, text: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('reading the spec', () => {
  it('an unclosed flow sequence at the end of the file is named at the line where it opened', async () => {
    const spec = specFile('unclosed.yaml', 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get: [unclosed\n');
    expect(await userErrorFor(spec)).toMatch(/unclosed\.yaml:5:10: this '\[' is never closed \(the parser gave up at line 6: [^\n]*\)\nhint: close the '\[' with '\]'/);
  });

  it('brackets inside quotes, comments and block scalars do not count', async () => {
    const spec = specFile(
      'quoted.yaml',
      'openapi: 3.0.3\ninfo:\n  title: "a [b"\n  version: \'{1\' # [c\n  description: |\n    text [ with { brackets\npaths:\n  /a: {get: {responses: {x\n',
    );
    expect(await userErrorFor(spec)).toMatch(/quoted\.yaml:8:25: this '\{' is never closed/);
  });

  it('a directory is not a spec file', async () => {
    expect(await userErrorFor(scratch)).toMatch(/: is a directory, not a spec file\nhint: give --spec a YAML or JSON file$/);
  });

  it('a UTF-16 file is named as not UTF-8, not reported as a YAML syntax error', async () => {
    const spec = specFile('utf16.yaml', Buffer.from('\ufeffopenapi: 3.0.3\n', 'utf16le'));
    expect(await userErrorFor(spec)).toMatch(/utf16\.yaml: is not UTF-8 text\nhint: save the spec as UTF-8/);
  });

  it('a UTF-8 byte order mark in front of JSON is fine', async () => {
    const spec = specFile(
      'bom.json',
      '\ufeff' + JSON.stringify({ openapi: '3.0.3', info: { title: 'x', version: '1' }, paths: {} }),
    );
    await expect(generateFiles(spec)).resolves.toBeDefined();
  });

  it('JSON that stops in the middle points at its end', async () => {
    const spec = specFile('cut.json', '{\n  "openapi": "3.0.3",\n  "info": ');
    expect(await userErrorFor(spec)).toMatch(/cut\.json:3:11: the text ends in the middle of a value/);
  });

  it('a YAML document that is a list, not a mapping', async () => {
    const spec = specFile('list.yaml', '- openapi: 3.0.3\n');
    expect(await userErrorFor(spec)).toMatch(/list\.yaml: the document is not an object/);
  });

  it('an OpenAPI version that is neither 3.0 nor 3.1 is quoted with its line', async () => {
    const spec = specFile('v2.yaml', 'openapi: 2.5.0\ninfo: {title: x, version: "1"}\npaths: {}\n');
    expect(await userErrorFor(spec)).toContain(
      'v2.yaml: not an OpenAPI 3.0 or 3.1 document (openapi: "2.5.0")\n  ' + spec + ':1:1 #/openapi',
    );
  });

  it('YAML aliases nested into a billion-node document are refused before anything walks them', async () => {
    const lines = [
      'openapi: 3.0.3',
      'info: {title: x, version: "1"}',
      'paths: {}',
      'components:',
      '  schemas:',
      '    l0: &l0 {type: string}',
    ];
    for (let level = 1; level <= 9; level++) {
      const properties = Array.from({ length: 10 }, (_, i) => `p${i}: *l${level - 1}`).join(', ');
      lines.push(`    l${level}: &l${level} {type: object, properties: {${properties}}}`);
    }
    const spec = specFile('bomb.yaml', lines.join('\n') + '\n');
    expect(await userErrorFor(spec)).toMatch(/bomb\.yaml: YAML aliases expand the document to [\d.]+e\+9 nodes/);
  });
});

describe('validation', () => {
  it('a component name the OpenAPI 3.1 schema forbids is reported at that name, once (with --strict)', async () => {
    const spec = specFile(
      'bad-name.yaml',
      'openapi: 3.1.0\ninfo: {title: x, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    ok: {type: string}\n    "bad name": {type: string}\n',
    );
    expect(await userErrorFor(spec, { strict: true })).toMatch(
      /not valid OpenAPI 3\.1\.0 \(1 problem\)\n {2}\S*bad-name\.yaml:7:5 #\/components\/schemas\/bad name: the name must match pattern "\^\[a-zA-Z0-9\._-\]\+\$"\nhint:/,
    );
  });
});

describe('constructs refused by name', () => {
  it('a $ref to another file that does not exist: the referring place and the missing file', async () => {
    expect(await userErrorFor(fixture('external-ref.yaml'))).toMatch(
      /1 \$ref across files cannot be followed\n {2}\S*external-ref\.yaml:10:7 #\/components\/schemas\/money\/\$ref: \$ref into \S*common\.yaml, which cannot be read: no such file\nhint: /,
    );
  });

  it('a $ref to a pointer another file lacks is named on both sides; a URL $ref is never fetched', async () => {
    const message = await userErrorFor(fixture('broken-ref/api.yaml'));
    expect(message).toMatch(/\S*broken-ref\/api\.yaml:10:7 #\/components\/schemas\/Pet\/\$ref: \$ref 'other\.yaml#\/components\/schemas\/Pett' points at nothing\n {2}\S*broken-ref\/other\.yaml:2:3 #\/components\/schemas: has no '#\/components\/schemas\/Pett'/);
    expect(message).toMatch(/\S*broken-ref\/api\.yaml:12:7 #\/components\/schemas\/Point\/\$ref: \$ref to a URL \('https:\/\/example\.com\/schemas\/point\.json'\): generation never fetches anything/);
  });

  it('a YAML alias of a node inside itself', async () => {
    expect(await userErrorFor(fixture('alias-cycle.yaml'))).toMatch(
      /a YAML alias makes the document contain itself\n {2}\S*alias-cycle\.yaml:12:9 #\/components\/schemas\/node\/properties\/child: /,
    );
  });

  it('schemas that are nothing but references to themselves, each cycle named', async () => {
    const message = await userErrorFor(fixture('degenerate-cycles.yaml'));
    expect(message).toContain('3 schemas in 2 cycles of references with nothing in between');
    expect(message).toMatch(/degenerate-cycles\.yaml:9:5 #\/components\/schemas\/a: 'a' → 'b' → 'a'/);
    expect(message).toMatch(/degenerate-cycles\.yaml:14:5 #\/components\/schemas\/c: 'c' → 'c'/);
    expect(message).toMatch(/hint: recursion needs a shape in between/);
  });

});

describe('the output directory', () => {
  it('--out naming a file is refused, and the file is left alone', () => {
    const file = specFile('not-a-dir', 'mine\n');
    expect(() => writeOutput(file, [{ path: 'a.ts', contents: '' }], 'openapi-client-codegen')).toThrow(
      /not-a-dir: exists and is not a directory/,
    );
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });

  it('--out inside a file is an environment fault, not a bug', () => {
    const file = specFile('a-file', 'mine\n');
    expect(() => writeOutput(join(file, 'out'), [{ path: 'a.ts', contents: '' }], 'openapi-client-codegen')).toThrow(GeneratorError);
  });
});

describe('how the CLI ends', () => {
  const printed = () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    return { lines, restore: () => spy.mockRestore() };
  };

  it('a user error: one message, exit code 1, no stack', () => {
    const out = printed();
    try {
      expect(report(new GeneratorError('spec.yaml: something is wrong', [], 'fix it'), false)).toBe(1);
    } finally {
      out.restore();
    }
    expect(out.lines).toEqual(['error: spec.yaml: something is wrong\nhint: fix it']);
  });

  it('a bug in the generator says so, exits 2, and keeps the stack for --debug', () => {
    const first = printed();
    const code = report(new TypeError("Cannot read properties of undefined (reading 'kind')"), false);
    first.restore();
    const quiet = first.lines;
    expect(code).toBe(2);
    const second = printed();
    expect(report(new TypeError('boom'), true)).toBe(2);
    second.restore();
    const debug = second.lines;
    expect(quiet[0]).toBe(
      "internal error (a bug in the generator, please report it): Cannot read properties of undefined (reading 'kind')",
    );
    expect(quiet[1]).toBe('run again with --debug for the stack trace');
    expect(quiet.join('\n')).not.toMatch(/\n\s+at /);
    expect(debug.join('\n')).toMatch(/TypeError: boom\n\s+at /);
  });
});
