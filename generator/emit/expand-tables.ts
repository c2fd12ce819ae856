// Which `expand[]` values a response accepts, computed from the IR: a path names fields joined by
// dots, each one listed in its object's `x-expandableFields` (an id that expands, a nested object
// or a list), at most four of them (Stripe's limit, kept by the runtime's `CheckedExpandPath`). A
// field's path goes on into what it expands to (`x-expansionResources`) or into its own object.
//
// The paths are written as tables, one interface per named object schema with expandable fields:
// each such field, typed by the table of what it expands to (`{}` when nothing there expands):
// `interface ChargeExpandable { customer: CustomerExpandable & DeletedCustomerExpandable; … }`.
// tsc walks a literal path through them a segment at a time and reads only the tables on its way;
// the union of all of a response's paths (`ExpandPathOf<ChargeExpandable>`; the whole Stripe API
// has 76,000 paths) is spelled out only where a value meets it: a params type named on its own.
import type { ApiModel, ObjectSchema, Property, Schema } from '../model/ir.js';
import { listEnvelopeItem, valueShapes } from '../model/lookup.js';
import { expandTableTypeName } from '../naming/generated-names.js';
import { named, propertyKey, type Member, type TypeNode } from './type-expression.js';

/** One declaration typed `expand` needs: a table (an interface), or a response's table made of others. */
export interface ExpandDeclaration {
  readonly name: string;
  /** The type name of the schema (or the inline response) it is for. */
  readonly typeName: string;
  /** `table`: one member per expandable field; `root`: the tables of what a response can be, joined. */
  readonly kind: 'table' | 'root';
  /** A table's members; empty for a root. */
  readonly members: readonly Member[];
  /** What a root stands for. */
  readonly type?: TypeNode;
  /** The other declarations it names. */
  readonly references: readonly string[];
}

export interface ExpandTables {
  /**
   * The name of the table of a response of this schema, created (with the tables it needs) on
   * first use; undefined when nothing in it can be expanded. `inlineName` names it when the
   * schema is not a named one.
   */
  readonly ofResponse: (schema: Schema, inlineName: string) => string | undefined;
  /** Every declaration created so far, in creation order. */
  readonly all: () => readonly ExpandDeclaration[];
}

/** `taken`: type names the declarations must not take. */
export function expandTables(model: ApiModel, taken: ReadonlySet<string>): ExpandTables {
  const schemas = new Map(model.schemas.map((s) => [s.name, s]));
  const names = new Set(taken);
  const declarations = new Map<string, ExpandDeclaration>(); // by name
  const tableNames = new Map<string, string | undefined>(); // by schema name
  const rootTables = new Map<string, string>(); // a response's own table, by what it is made of

  /** The table of a named object schema, declared on first use; undefined when none of its fields expand. */
  function tableOf(schemaName: string, object: ObjectSchema, typeName: string): string | undefined {
    if (tableNames.has(schemaName)) return tableNames.get(schemaName);
    if (expandableProperties(object).length === 0) {
      tableNames.set(schemaName, undefined);
      return undefined;
    }
    const name = expandTableTypeName(typeName, names);
    tableNames.set(schemaName, name); // before its members, which may lead back to it
    const members = membersOf(object);
    declarations.set(name, { name, typeName, kind: 'table', members, references: namesIn({ kind: 'object', members }) });
    return name;
  }

  /**
   * The table of whatever a value of `schema` can be: a named object's interface, an inline
   * object's members in place, the tables of a union's or intersection's parts joined by `&` (a
   * path through any of them is accepted). `via`: the named non-object schemas on the way, so a
   * reference cycle among them adds nothing.
   */
  function tableExpression(schema: Schema, via: ReadonlySet<string> = new Set()): TypeNode | undefined {
    if (schema.kind === 'ref') {
      const target = schemas.get(schema.target);
      if (!target) return undefined;
      if (target.schema.kind === 'object') {
        const name = tableOf(target.name, target.schema, target.typeName);
        return name === undefined ? undefined : named(name);
      }
      return via.has(target.name) ? undefined : tableExpression(target.schema, new Set([...via, target.name]));
    }
    if (schema.kind === 'object') {
      const members = membersOf(schema);
      return members.length === 0 ? undefined : { kind: 'object', members };
    }
    return intersectionOf(valueShapes(schema).map((part) => tableExpression(part, via)));
  }

  /** A field for each expandable property, typed by the table of what it leads to (`{}`: nowhere further). */
  function membersOf(object: ObjectSchema): Member[] {
    return expandableProperties(object).map((p) => ({
      key: propertyKey(p.name),
      optional: false,
      type: intersectionOf(nextSchemas(p).map((next) => tableExpression(next))) ?? { kind: 'object', members: [] },
      doc: '',
    }));
  }

  function ofResponse(schema: Schema, inlineName: string): string | undefined {
    const expression = tableExpression(schema);
    if (expression === undefined) return undefined;
    return expression.kind === 'name' ? expression.text : rootTable(schema, inlineName, expression);
  }

  /** The table of a response that is not one named object: its own name, as no other table names it. */
  function rootTable(schema: Schema, inlineName: string, expression: TypeNode): string {
    const key = JSON.stringify(expression);
    const known = rootTables.get(key);
    if (known !== undefined) return known;
    const typeName = schema.kind === 'ref' ? (schemas.get(schema.target)?.typeName ?? inlineName) : inlineName;
    const name = expandTableTypeName(typeName, names);
    const references = namesIn(expression);
    // An inline object is a table like a named one's; anything else joins the tables of what it can be.
    declarations.set(name, expression.kind === 'object' ? { name, typeName, kind: 'table', members: expression.members, references } : { name, typeName, kind: 'root', members: [], type: expression, references });
    rootTables.set(key, name);
    return name;
  }

  return { ofResponse, all: () => [...declarations.values()] };
}

/** The parts' tables joined by `&`, each once; undefined when none has one. */
function intersectionOf(parts: readonly (TypeNode | undefined)[]): TypeNode | undefined {
  const seen = new Map<string, TypeNode>();
  for (const part of parts) if (part !== undefined) seen.set(JSON.stringify(part), part);
  const types = [...seen.values()];
  return types.length === 0 ? undefined : types.length === 1 ? types[0]! : { kind: 'intersection', types };
}

/** The declared names a table's type refers to. */
function namesIn(node: TypeNode): string[] {
  const found = new Set<string>();
  const visit = (n: TypeNode): void => {
    if (n.kind === 'name') found.add(n.text);
    else if (n.kind === 'intersection') n.types.forEach(visit);
    else if (n.kind === 'object') n.members.forEach((m) => visit(m.type));
  };
  visit(node);
  return [...found];
}

/**
 * The properties a path may name, by name: those in `x-expandableFields`, and a list envelope's
 * `data` (Stripe accepts `data.…` on every list, but a list schema kept as a component loses the
 * `x-expandableFields: [data]` written beside its `$ref`). Only plain names (letters, digits, `_`,
 * `-`) can be segments: a dot would split one. Keys that are not identifiers are quoted, so that
 * `keyof` gives them as the strings a path spells.
 */
function expandableProperties(object: ObjectSchema): Property[] {
  const named = new Set(object.expandableFields);
  if (listEnvelopeItem(object) !== undefined) named.add('data');
  return object.properties
    .filter((p) => named.has(p.name) && /^[\w-]+$/.test(p.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Where a path goes on after this field: into what the id expands to, or into the field's own value. */
function nextSchemas(property: Property): readonly Schema[] {
  if (property.expansionResources && property.expansionResources.length > 0) return property.expansionResources;
  return [property.schema];
}
