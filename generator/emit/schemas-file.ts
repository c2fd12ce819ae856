// Component schemas → one exported type each: an interface for objects (named, cached by tsc,
// readable on hover), a type alias for everything else. TSDoc comes from the descriptions.
import {
  StructureKind,
  type InterfaceDeclarationStructure,
  type PropertySignatureStructure,
  type StatementStructures,
} from 'ts-morph';
import type { ApiModel, NamedSchema, ObjectSchema, Property } from '../model/ir.js';
import { printStatements } from './ts-project.js';
import { docText } from './tsdoc.js';
import { propertyKey, typeExpression, unitNote, type TypeContext } from './type-expression.js';

export function schemaTypeContext(model: ApiModel): TypeContext {
  const names = new Map(model.schemas.map((s) => [s.name, s.typeName]));
  return { typeName: (name) => names.get(name) ?? 'unknown' };
}

export function emitSchemasFile(model: ApiModel): string {
  const ctx = schemaTypeContext(model);
  return printStatements('schemas.ts', model.schemas.map((s) => schemaStatement(s, ctx)));
}

function schemaStatement(named: NamedSchema, ctx: TypeContext): StatementStructures {
  const { schema, typeName } = named;
  const docs = docsOf(docText(schema.description, openResourceNote(named)));
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

/** Objects that admit any further property say so, since their type cannot. */
function openResourceNote(named: NamedSchema): string | undefined {
  const s = named.schema;
  if (s.kind !== 'object' || s.additionalProperties !== true) return undefined;
  return 'Further properties are not described by the spec and are typed `unknown`.';
}
