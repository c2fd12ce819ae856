// Component schemas → one exported type each: an interface for objects (named, cached by tsc,
// readable on hover), a type alias for everything else. TSDoc comes from the descriptions.
import type { ApiModel, NamedSchema } from '../model/ir.js';
import { words } from '../naming/case.js';
import { importDeclaration, interfaceDeclaration, printFile, typeAliasDeclaration } from './declarations.js';
import type { EmitPlan } from './emit-plan.js';
import { docComment } from './tsdoc.js';
import type { Doc } from './layout.js';
import { objectMembers, typeContextOf, typeNode, type TypeContext } from './type-expression.js';

export interface SchemaFile {
  readonly path: string;
  readonly schemas: readonly NamedSchema[];
}

// A small spec keeps every type in `schemas.ts`; a large one (the whole Stripe API has 819)
// gets `schemas/<group>.ts` files by name prefix, none much over a few thousand lines, and
// `schemas.ts` becomes the barrel the resource files import from either way.
const ONE_FILE_UP_TO = 200;
const PER_FILE = 120;

export function schemaFilesOf(model: ApiModel): SchemaFile[] {
  if (model.schemas.length <= ONE_FILE_UP_TO) return [{ path: 'schemas.ts', schemas: model.schemas }];
  return groupByPrefix(model.schemas, 1).map(([key, schemas]) => ({ path: `schemas/${key}.ts`, schemas }));
}

/** Groups by the first `depth` words of the name (a dotted namespace counts as one word), splitting big groups further. */
function groupByPrefix(schemas: readonly NamedSchema[], depth: number): [string, NamedSchema[]][] {
  const groups = new Map<string, NamedSchema[]>();
  for (const s of schemas) {
    const dot = s.name.lastIndexOf('.');
    const parts = [...(dot === -1 ? [] : [s.name.slice(0, dot)]), ...words(s.name.slice(dot + 1))].map((w) => w.toLowerCase());
    const key = parts.slice(0, depth).join('-').replace(/[^a-z0-9-]+/g, '-') || 'schemas';
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([key, members]) => (members.length > PER_FILE && depth < 4 && new Set(members.map((m) => m.name)).size > 1
      ? groupByPrefix(members, depth + 1)
      : [[key, members] as [string, NamedSchema[]]]));
}

export function emitSchemaFile(plan: EmitPlan, file: SchemaFile): string {
  const own = new Set(file.schemas.map((s) => s.name));
  const imported = new Set<string>();
  // A spec without component schemas still gets a module: index.ts re-exports it, and an empty
  // file is a script to TypeScript (TS2306) wherever module detection goes by syntax.
  if (file.schemas.length === 0) return 'export {};\n';
  const runtime = new Set<string>();
  const ctx = typeContextOf(plan.typeNames, (name) => (own.has(name) ? undefined : imported.add(name)), (name) => runtime.add(name));
  const statements = file.schemas.map((s) => schemaStatement(s, ctx));
  if (imported.size > 0) statements.unshift(importDeclaration([...imported].map(ctx.typeName).sort(), '../schemas.js', true));
  const up = '../'.repeat(file.path.split('/').length - 1) || './';
  if (runtime.size > 0) statements.unshift(importDeclaration([...runtime].sort(), `${up}runtime/index.js`, true));
  return printFile(statements);
}

/** `schemas.ts` when the types are split: re-exports every group. */
export function emitSchemasBarrel(files: readonly SchemaFile[]): string {
  return files.map((f) => `export type * from './${f.path.replace(/\.ts$/, '.js')}';`).join('\n') + '\n';
}

function schemaStatement(named: NamedSchema, ctx: TypeContext): Doc {
  const { schema, typeName } = named;
  const doc = docComment(schema.description);
  if (schema.kind === 'object' && !schema.nullable) return interfaceDeclaration({ name: typeName, doc, members: objectMembers(schema, ctx, true) });
  return typeAliasDeclaration(typeName, doc, typeNode(schema, ctx));
}
