// The user's story: my spec is full of text I do not control (descriptions with `*/` and
// backticks, enum values with quotes and newlines, property names like `__proto__` or `1st`,
// schemas named `delete` or `Promise`), and some of it is recursive. The client generated from
// it compiles in a strict project, says exactly what the spec says, and no spec text ever runs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsyaml from 'js-yaml';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateFiles } from '../../generator/generate.js';
import { typecheck, type CompilerName } from '../support/typecheck.js';
import { markersOutsideCommentsAndStrings } from './spec-text-in-code.js';
import { scratchDir } from '../support/paths.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const HOSTILE_SPEC = fixture('hostile.yaml');
const CYCLES_SPEC = fixture('cycles.yaml');
const MARKER = 'HOSTILE_';

const workDir = scratchDir('hostile');

/** Generated TypeScript files by client (`hostile`, `cycles`), path → text. */
const clients: Record<string, Map<string, string>> = {};

beforeAll(async () => {
  for (const [name, spec] of [
    ['hostile', HOSTILE_SPEC],
    ['cycles', CYCLES_SPEC],
  ] as const) {
    const { files } = await generateFiles(spec);
    clients[name] = new Map(files.filter((f) => f.path.endsWith('.ts')).map((f) => [f.path, f.contents]));
    for (const file of files) {
      const target = join(workDir, name, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
    }
  }
  // Code a user would write against the recursive types: it must type-check, and the one
  // mistake in it must be caught (so the types are real, not `any` or `unknown`).
  writeFileSync(join(workDir, 'use-cycles.ts'), USE_CYCLES);
}, 60_000);

const USE_CYCLES = `import type { Company, Expression, ExtendedNode, JsonValue, Linked, NestedList, Person, TreeNode } from './cycles/index.js';

const leaf: TreeNode = { label: 'leaf', children: [] };
export const tree: TreeNode = { label: 'root', parent: null, children: [leaf, { label: 'inner', children: [leaf] }] };
const acme: Company = { staff: [] };
export const person: Person = { employer: { staff: [{ employer: acme }], owner: acme } };
export const expression: Expression = { left: 1, right: { left: 2, right: 3 } };
export const json: JsonValue = { list: [1, 'two', true, null, { deeper: [[]] }] };
export const nested: NestedList = [[], [[], [[]]]];
export const linked: Linked = { next: { next: null, value: { back: null } } };
export const extended: ExtendedNode = { label: 'x', children: [], sibling: { label: 'y', children: [] } };
// @ts-expect-error a tree node needs its children
export const notATree: TreeNode = { label: 'no children' };
`;

describe.each(['TypeScript 5.9', 'TypeScript 7'] satisfies CompilerName[])('%s, strict settings', (compiler) => {
  it('compiles both clients and the code that uses the recursive types', () => {
    const result = typecheck(workDir, compiler);
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  }, 60_000);
});

describe('hostile spec text', () => {
  it('appears only inside comments and string literals, in every generated file', () => {
    const escapes = [...clients.hostile!].flatMap(([path, text]) =>
      markersOutsideCommentsAndStrings(path, text, MARKER).map(
        (e) => `${path}:${e.line}:${e.column} in ${e.inside}: ${JSON.stringify(e.text)}`,
      ),
    );
    expect(escapes).toEqual([]);
  });

  it('reaches the output from every kind of place (so the check above is not vacuous)', () => {
    const all = [...clients.hostile!.values()].join('\n');
    for (const marker of [
      'HOSTILE_description',
      'HOSTILE_template',
      'HOSTILE_after_ls',
      'HOSTILE_after_ps',
      'HOSTILE_verb_path',
      'HOSTILE_query',
      'HOSTILE_query_doc',
      'HOSTILE_body_prop',
      'HOSTILE_schema_doc',
      'HOSTILE_doc_1',
      'HOSTILE_doc_5',
      'HOSTILE_enum_quote',
      'HOSTILE_enum_newline',
      'HOSTILE_enum_ls',
      'HOSTILE_enum_template',
      'HOSTILE_enum_comment',
      'HOSTILE_key',
      'HOSTILE_key_newline',
      'HOSTILE_key_ls',
      'HOSTILE_auth_header',
      'HOSTILE_version',
      'HOSTILE_server',
      'HOSTILE_proto_doc',
      'HOSTILE_ctor_enum',
    ]) {
      expect(all, marker).toContain(marker);
    }
  });

  it('never writes a raw U+2028 or U+2029 (they end lines in JavaScript source)', () => {
    for (const [path, text] of clients.hostile!) expect(/[\u2028\u2029]/.test(text), path).toBe(false);
  });

  it('keeps enum values exactly: quotes, backslashes, newlines and separators survive escaping', () => {
    const kind = propertyOf('HostileText', 'kind');
    const values = ((kind.type as ts.UnionTypeNode).types as ts.NodeArray<ts.LiteralTypeNode>).map(
      (t) => (t.literal as ts.StringLiteral).text,
    );
    expect(values).toEqual(schemaOfSpec('hostile_text').properties.kind.enum);
  });

  it('keeps property names exactly, quoting those that are not identifiers', () => {
    const names = interfaceOf('OddKeys').members.map((m) => (m.name as ts.Identifier | ts.StringLiteral).text);
    expect(names).toEqual(Object.keys(schemaOfSpec('odd_keys').properties));
    const quoted = interfaceOf('OddKeys')
      .members.filter((m) => m.name && ts.isStringLiteral(m.name))
      .map((m) => (m.name as ts.StringLiteral).text);
    expect(quoted).toEqual(expect.arrayContaining(['data-id', '1st', '']));
  });

  it('cannot start a TSDoc tag: a description beginning a line with `@deprecated` deprecates nothing', () => {
    const file = sourceOf('resources/delete.ts');
    const retrieve = file.statements.find(
      (s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === 'deleteRetrieve',
    );
    expect(retrieve).toBeDefined();
    expect(ts.getJSDocTags(retrieve!).map((tag) => tag.tagName.text)).not.toContain('deprecated');
  });

  it('gives schemas named after keywords and globals safe type names', () => {
    const exported = sourceOf('schemas.ts').statements.flatMap((s) =>
      ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) ? [s.name.text] : [],
    );
    expect(exported).toEqual(expect.arrayContaining(['Delete', 'Class', 'PromiseSchema', 'ErrorSchema', 'Proto', 'Constructor']));
    expect(exported).not.toContain('Promise');
    expect(exported).not.toContain('Error');
  });

  it('gives path parameters named after keywords safe argument names, and sends them under their own name', () => {
    const text = clients.hostile!.get('resources/delete.ts')!;
    expect(text).toMatch(/class_: string/);
    expect(text).toContain('{ class: class_ }');
  });
});

function sourceOf(path: string): ts.SourceFile {
  const text = clients.hostile!.get(path);
  if (text === undefined) throw new Error(`${path} was not generated; generated: ${[...clients.hostile!.keys()].join(', ')}`);
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function interfaceOf(name: string): ts.InterfaceDeclaration {
  const found = sourceOf('schemas.ts').statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  );
  if (!found) throw new Error(`no interface ${name} in schemas.ts`);
  return found;
}

function propertyOf(interfaceName: string, property: string): ts.PropertySignature {
  const member = interfaceOf(interfaceName).members.find((m) => (m.name as ts.Identifier | undefined)?.text === property);
  if (!member || !ts.isPropertySignature(member) || !member.type) throw new Error(`no property ${property} in ${interfaceName}`);
  return member;
}

interface SpecSchema {
  properties: Record<string, { enum?: unknown[] }> & { kind: { enum: unknown[] } };
}

function schemaOfSpec(name: string): SpecSchema {
  const spec = jsyaml.load(readFileSync(HOSTILE_SPEC, 'utf8'), { schema: jsyaml.CORE_SCHEMA }) as {
    components: { schemas: Record<string, SpecSchema> };
  };
  return spec.components.schemas[name]!;
}
