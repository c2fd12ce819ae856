// Component schemas → one exported type each: an interface for objects (named, cached by tsc,
// readable on hover), a type alias for everything else. TSDoc comes from the descriptions.
import {
  StructureKind,
  type InterfaceDeclarationStructure,
  type PropertySignatureStructure,
  type StatementStructures,
} from 'ts-morph';
import type { ApiModel, NamedSchema, ObjectSchema, Property } from '../model/ir.js';
import { words } from '../naming/case.js';
import { printStatements } from './ts-project.js';
import { docText } from './tsdoc.js';
import { propertyKey, typeExpression, unitNote, type TypeContext } from './type-expression.js';

export function schemaTypeContext(model: ApiModel): TypeContext {
  const names = new Map(model.schemas.map((s) => [s.name, s.typeName]));
  return { typeName: (name) => names.get(name) ?? 'unknown' };
}

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

export function emitSchemaFile(model: ApiModel, file: SchemaFile): string {
  const own = new Set(file.schemas.map((s) => s.name));
  const imported = new Set<string>();
  const base = schemaTypeContext(model);
  const runtime = new Set<string>();
  const ctx: TypeContext = {
    typeName: base.typeName,
    onReference: (name) => (own.has(name) ? undefined : imported.add(name)),
    onRuntimeType: (name) => runtime.add(name),
  };
  const statements: (string | StatementStructures)[] = file.schemas.map((s) => schemaStatement(s, ctx));
  const up = '../'.repeat(file.path.split('/').length - 1);
  if (imported.size > 0) {
    const names = [...imported].map(base.typeName).sort();
    statements.unshift(`import type { ${names.join(', ')} } from '../schemas.js';`);
  }
  if (runtime.size > 0) statements.unshift(`import type { ${[...runtime].sort().join(', ')} } from '${up || './'}runtime/index.js';`);
  return printStatements(file.path, statements);
}

/** `schemas.ts` when the types are split: re-exports every group. */
export function emitSchemasBarrel(files: readonly SchemaFile[]): string {
  return files.map((f) => `export type * from './${f.path.replace(/\.ts$/, '.js')}';`).join('\n') + '\n';
}

function schemaStatement(named: NamedSchema, ctx: TypeContext): StatementStructures {
  const { schema, typeName } = named;
  const docs = docsOf(docText(schema.description));
  if (schema.kind === 'object' && !schema.nullable) return interfaceOf(typeName, schema, docs, ctx);
  return { kind: StructureKind.TypeAlias, name: typeName, isExported: true, docs, type: typeExpression(schema, ctx) };
}

export function interfaceOf(name: string, schema: ObjectSchema, docs: string[], ctx: TypeContext): InterfaceDeclarationStructure {
  const extra = schema.additionalProperties;
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs,
    properties: schema.properties.map((p) => propertySignature(p, ctx)),
    indexSignatures:
      extra === false
        ? []
        : [
            {
              keyName: 'key',
              keyType: 'string',
              // TypeScript requires the index type to cover every declared property.
              returnType: extra === true || schema.properties.length > 0 ? 'unknown' : typeExpression(extra, ctx),
            },
          ],
  };
}

export function propertySignature(p: Property, ctx: TypeContext): PropertySignatureStructure {
  return {
    kind: StructureKind.PropertySignature,
    name: propertyKey(p.name),
    hasQuestionToken: !p.required,
    type: typeExpression(p.schema, ctx),
    docs: docsOf(docText(p.schema.description, unitNote(p.schema))),
  };
}

export function docsOf(text: string): string[] {
  return text === '' ? [] : [text];
}
