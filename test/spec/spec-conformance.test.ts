// Holds the project's own spec/ against the published Financial Connections slice and Stripe's
// 2023-08-16 spec in ../shared/specs: same operations, parameters and schema structure, prose aside.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Schema = { [key: string]: unknown };
type Operation = Schema & { operationId?: string };
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const root = new URL('../../', import.meta.url);
const sharedDir = new URL('../shared/specs/', root);
const ownFile = new URL('spec/stripe-financial-connections-2023-10-16.yaml', root);
const publishedFile = new URL('stripe-financial-connections-2023-10-16.published.yml', sharedDir);
const wholeFile = new URL('stripe-spec3-2023-08-16.yaml', sharedDir);
const haveShared = existsSync(sharedDir);
if (!haveShared) {
  console.warn(
    `spec conformance: ${fileURLToPath(sharedDir)} is missing, so the comparison with the published slice is skipped`,
  );
}

/** The components the published slice lost that the 2023-08-16 spec has under the same names. */
const FROM_2023_08_16 = [
  'api_errors',
  'bank_connections_resource_accountholder',
  'bank_connections_resource_balance',
  'bank_connections_resource_balance_refresh',
  'bank_connections_resource_link_account_session_filters',
  'bank_connections_resource_ownership_refresh',
  'financial_connections.account_owner',
  'financial_connections.account_ownership',
];
/** Financial Connections schemas that only those components reference; also taken from 2023-08-16. */
const REACHED_FROM_THEM = [
  'bank_connections_resource_balance_api_resource_cash_balance',
  'bank_connections_resource_balance_api_resource_credit_balance',
];
/** New in 2023-10-16: in none of the whole specs; their facts are in ../shared/specs/README.md. */
const NEW_IN_2023_10_16 = [
  'bank_connections_resource_transaction_refresh',
  'bank_connections_resource_transaction_resource_status_transitions',
];
/** Resources outside Financial Connections, declared only as small open objects. */
const OUTSIDE_THE_SLICE = [
  'account',
  'bank_account',
  'card',
  'customer',
  'payment_intent',
  'payment_method',
  'setup_intent',
  'source',
];

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const SCHEMA_REF = '#/components/schemas/';

function load(file: URL): Spec {
  return parse(readFileSync(file, 'utf8')) as Spec;
}

/** A copy without prose (string-valued `description` and `summary`), each schema `$ref` cut to its target name. */
function withoutProse(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutProse);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'description' || key === 'summary') && typeof value === 'string') continue;
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF)
        ? value.slice(SCHEMA_REF.length)
        : withoutProse(value);
  }
  return out;
}

/** Every `$ref` in the document, with the JSON pointer where it sits. */
function refsIn(node: unknown, pointer = ''): { at: string; ref: string }[] {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const at = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    return key === '$ref' && typeof value === 'string' ? [{ at, ref: value }] : refsIn(value, at);
  });
}

function resolves(doc: unknown, ref: string): boolean {
  if (!ref.startsWith('#/')) return false;
  let node: unknown = doc;
  for (const token of ref.slice(2).split('/')) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

function danglingRefs(doc: unknown): { at: string; ref: string }[] {
  return refsIn(doc).filter(({ ref }) => !resolves(doc, ref));
}

function operations(spec: Spec): { label: string; path: string; method: string; operation: Operation }[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => ({
        label: `${operation.operationId} (${method.toUpperCase()} ${path})`,
        path,
        method,
        operation,
      })),
  );
}

/** What of an operation must match: its parameters, request body, responses and tags, prose aside. */
function contract(operation: Operation | undefined): unknown {
  if (operation === undefined) return undefined;
  const { parameters, requestBody, responses, tags } = operation;
  return withoutProse({ parameters, requestBody, responses, tags });
}

function schemaOf(spec: Spec, name: string): Schema {
  const schema = spec.components.schemas[name];
  if (schema === undefined) throw new Error(`components.schemas has no ${name}`);
  return schema;
}

/** Every string-valued description in a schema, keyed by where it sits inside it. */
function descriptions(node: unknown, pointer = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (node === null || typeof node !== 'object') return found;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' && typeof value === 'string') found.set(pointer, value);
    else for (const [at, text] of descriptions(value, `${pointer}/${key}`)) found.set(at, text);
  }
  return found;
}

const ours = load(ownFile);
const published = haveShared ? load(publishedFile) : undefined;
const publishedOperations = published ? operations(published) : [];
const publishedSchemaNames = published ? Object.keys(published.components.schemas) : [];

describe("the project's own spec", () => {
  it('is valid OpenAPI 3.0 by swagger-parser', async () => {
    await expect(SwaggerParser.validate(fileURLToPath(ownFile))).resolves.toBeTruthy();
  });

  it('has no $ref that points nowhere', () => {
    expect(danglingRefs(ours)).toEqual([]);
  });

  it("is Financial Connections' API version 2023-10-16", () => {
    expect(ours).toMatchObject({ openapi: '3.0.0', info: { version: '2023-10-16' } });
  });

  it('lists its schemas sorted by name', () => {
    const names = Object.keys(ours.components.schemas);
    expect(names).toEqual([...names].sort());
  });

  it('declares the transaction refresh new in 2023-10-16 with the facts of the README', () => {
    expect(withoutProse(schemaOf(ours, 'bank_connections_resource_transaction_refresh'))).toEqual({
      properties: {
        id: { maxLength: 5000, type: 'string' },
        last_attempted_at: { format: 'unix-time', type: 'integer' },
        next_refresh_available_at: { format: 'unix-time', nullable: true, type: 'integer' },
        status: { enum: ['failed', 'pending', 'succeeded'], type: 'string' },
      },
      required: ['id', 'last_attempted_at', 'next_refresh_available_at', 'status'],
      title: 'BankConnectionsResourceTransactionRefresh',
      type: 'object',
      'x-expandableFields': [],
    });
  });

  it('declares the transaction status transitions new in 2023-10-16 with the facts of the README', () => {
    expect(withoutProse(schemaOf(ours, 'bank_connections_resource_transaction_resource_status_transitions'))).toEqual({
      properties: {
        posted_at: { format: 'unix-time', nullable: true, type: 'integer' },
        void_at: { format: 'unix-time', nullable: true, type: 'integer' },
      },
      required: ['posted_at', 'void_at'],
      title: 'BankConnectionsResourceTransactionResourceStatusTransitions',
      type: 'object',
      'x-expandableFields': [],
    });
  });

  it.each(OUTSIDE_THE_SLICE)(
    'declares %s, a resource outside Financial Connections, as a small open object',
    (name) => {
      const schema = schemaOf(ours, name);
      expect(withoutProse(schema)).toEqual({
        additionalProperties: true,
        properties: {
          id: { maxLength: 5000, type: 'string' },
          object: { enum: [name], type: 'string' },
        },
        required: ['id', 'object'],
        title: expect.any(String),
        type: 'object',
        'x-resourceId': name,
      });
      expect(schema['description']).toMatch(/outside Financial Connections/);
    },
  );

  it.each([...FROM_2023_08_16, ...REACHED_FROM_THEM, ...NEW_IN_2023_10_16])(
    'describes the completed component %s',
    (name) => {
      expect(schemaOf(ours, name)['description']).toMatch(/\w/);
    },
  );
});

describe.skipIf(!haveShared)("the project's spec held against the published slice and Stripe's 2023-08-16 spec", () => {
  // the published slice is loaded at collection time (48 KB) so each operation and schema gets its own test
  const slice = published as Spec;
  let whole: Spec;
  beforeAll(() => {
    whole = load(wholeFile); // 4 MB, about 1.6 s: once for the whole file
  });

  it('keeps every operation of the published slice, and adds none', () => {
    const signature = (spec: Spec) =>
      operations(spec).map(({ method, path, operation }) => `${method.toUpperCase()} ${path} ${operation.operationId}`);
    expect(signature(ours).sort()).toEqual(signature(slice).sort());
    expect(publishedOperations).toHaveLength(11);
  });

  it.each(publishedOperations.map((entry) => [entry.label, entry] as const))(
    'keeps the parameters, request body, responses and tags of %s',
    (_label, { path, method, operation }) => {
      expect(contract(ours.paths[path]?.[method])).toEqual(contract(operation));
    },
  );

  it.each(publishedSchemaNames)('keeps the structure of the published schema %s', (name) => {
    expect(withoutProse(ours.components.schemas[name])).toEqual(withoutProse(slice.components.schemas[name]));
  });

  it("completes exactly the $refs the published slice left dangling (the README's ten)", () => {
    const missing = new Set(danglingRefs(slice).map(({ ref }) => ref.slice(SCHEMA_REF.length)));
    expect([...missing].sort()).toEqual([...FROM_2023_08_16, ...NEW_IN_2023_10_16].sort());
    expect(publishedSchemaNames).toHaveLength(18);
  });

  it('declares no schema beyond the slice, the completed components and the resources outside it', () => {
    const expected = [
      ...publishedSchemaNames,
      ...FROM_2023_08_16,
      ...REACHED_FROM_THEM,
      ...NEW_IN_2023_10_16,
      ...OUTSIDE_THE_SLICE,
    ];
    expect(Object.keys(ours.components.schemas).sort()).toEqual(expected.sort());
  });

  it.each([...FROM_2023_08_16, ...REACHED_FROM_THEM])(
    'completes %s with the structure it has in the 2023-08-16 spec',
    (name) => {
      expect(withoutProse(schemaOf(ours, name))).toEqual(withoutProse(schemaOf(whole, name)));
    },
  );

  it.each([...FROM_2023_08_16, ...REACHED_FROM_THEM])(
    'describes %s in its own words, not with the 2023-08-16 text',
    (name) => {
      const theirs = descriptions(schemaOf(whole, name));
      const copied = [...descriptions(schemaOf(ours, name))].filter(
        ([at, text]) => text !== '' && theirs.get(at) === text,
      );
      expect(copied).toEqual([]);
    },
  );

  it.each(OUTSIDE_THE_SLICE)('names %s with the title, x-resourceId and object type of the 2023-08-16 spec', (name) => {
    const pick = (schema: Schema) => {
      const properties = schema['properties'] as Record<string, Schema>;
      return {
        title: schema['title'],
        'x-resourceId': schema['x-resourceId'],
        object: properties['object']?.['enum'],
        id: withoutProse(properties['id']),
      };
    };
    expect(pick(schemaOf(ours, name))).toEqual(pick(schemaOf(whole, name)));
  });
});
