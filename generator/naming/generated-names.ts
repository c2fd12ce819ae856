// Every name the generated code declares, derived from the IR's client names and component names.
import type { ClientName } from './client-names.js';
import { camelCase, kebabCase, pascalCase, screamingCase, singular } from './case.js';
import { freeName, safeParameterName, startsAsIdentifier } from './identifiers.js';
import { CLIENT_SCAFFOLD_NAMES, GLOBAL_TYPES, OPERATION_PARAMETERS, RESERVED_WORDS, RUNTIME_EXPORTS, VENDOR_RUNTIME_EXPORTS, WEBHOOKS_FILE_EXPORTS } from './taken.js';

// A generated type must not take a global the generated files refer to, nor a name index.ts
// exports beside it (client.ts's `Client`, the runtime's, a vendor module's and webhooks.ts's exports).
const TAKEN_TYPE_NAMES = new Set([...GLOBAL_TYPES, 'Client', ...RUNTIME_EXPORTS, ...VENDOR_RUNTIME_EXPORTS, ...WEBHOOKS_FILE_EXPORTS]);

// An operation function must not take a reserved word (a module is strict code), a name the
// client scaffold binds around the functions it imports, or a runtime, vendor module or webhooks.ts export.
const TAKEN_FUNCTION_NAMES = new Set([...RESERVED_WORDS, ...CLIENT_SCAFFOLD_NAMES, ...OPERATION_PARAMETERS, ...RUNTIME_EXPORTS, ...VENDOR_RUNTIME_EXPORTS, ...WEBHOOKS_FILE_EXPORTS]);

/** The exported type name for a component schema, e.g. `financial_connections.account` → `FinancialConnectionsAccount`. */
export function typeNameOf(schemaName: string): string {
  let name = pascalCase(schemaName);
  if (name === '') name = 'Schema';
  if (/^[0-9]/.test(name)) name = 'Schema' + name;
  return TAKEN_TYPE_NAMES.has(name) ? name + 'Schema' : name;
}

/** `['financialConnections','accounts']` + `listOwners` → `FinancialConnectionsAccountListOwnersParams`. */
/** With `singularize: false` (used when two singular forms collide): `FinancialConnectionsAccountsListOwnersParams`. */
export function paramsTypeNameOf(name: ClientName, singularize = true): string {
  const prefix = name.resource.slice(0, -1).map(pascalCase).join('');
  const last = name.resource[name.resource.length - 1];
  const noun = last ? (singularize ? singular(pascalCase(last)) : pascalCase(last)) : '';
  const typeName = prefix + noun + pascalCase(name.methodName) + 'Params';
  return /^[0-9]/.test(typeName) ? '_' + typeName : typeName;
}

/** `['financialConnections','accounts']` + `listOwners` → `financialConnectionsAccountsListOwners`. */
export function functionNameOf(name: ClientName): string {
  const functionName = startsAsIdentifier(camelCase([...name.resource, name.methodName].join('_')));
  return TAKEN_FUNCTION_NAMES.has(functionName) ? functionName + '_' : functionName;
}

/** The operation's spec constant: SCREAMING_CASE cannot meet a camelCase function name. */
export function specConstNameOf(functionName: string): string {
  return `SPEC_${screamingCase(functionName)}`;
}

/** `['financialConnections','accounts']` → `resources/financial-connections/accounts.ts`. */
export function resourceFilePathOf(resource: readonly string[]): string {
  return `resources/${resource.map(kebabCase).join('/')}.ts`;
}

/** A path parameter's argument name: a camelCase identifier that is not a keyword or another parameter. */
export function argumentNameOf(parameterName: string): string {
  return safeParameterName(startsAsIdentifier(camelCase(parameterName) || 'id'));
}

/** Argument names for path parameters, made distinct (`{id}` and `{Id}` both read `id`). */
export function argumentNamesOf(parameterNames: readonly string[]): string[] {
  const taken = new Set<string>();
  return parameterNames.map((parameterName) => {
    let name = argumentNameOf(parameterName);
    for (let n = 2; taken.has(name); n++) name = `${argumentNameOf(parameterName)}${n}`;
    taken.add(name);
    return name;
  });
}

/**
 * The interface of a resource's client methods, `['financialConnections','accounts']` →
 * `FinancialConnectionsAccountsMethods`, kept apart from `taken` and from the names index.ts
 * exports beside the generated ones.
 */
export function methodsTypeNameOf(resource: readonly string[], taken: Set<string>): string {
  const wanted = startsAsIdentifier(`${resource.map(pascalCase).join('')}Methods`);
  return freeName(TAKEN_TYPE_NAMES.has(wanted) ? `${wanted}_` : wanted, taken);
}

/** An operation's error type, named after its params type (`IssueCreateParams` → `IssueCreateError`), kept apart from `taken`. */
export function errorTypeNameOf(paramsTypeName: string, taken: Set<string>): string {
  const wanted = paramsTypeName.replace(/Params$/, '') + 'Error';
  return freeName(TAKEN_TYPE_NAMES.has(wanted) ? `${wanted}_` : wanted, taken);
}

/** The table of a type's expandable fields (emit/expand-tables.ts), kept apart from `taken`. */
export function expandTableTypeName(typeName: string, taken: Set<string>): string {
  return freeName(`${typeName}Expandable`, taken);
}
