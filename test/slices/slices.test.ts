// Real-world specs: slices of the whole Stripe API, the published Financial Connections file with
// its dangling refs, overlays, and pruning. Tests on ../shared skip, saying so, where it is absent.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../../generator/generate.js';
import { GeneratorError } from '../../generator/errors.js';
import { fixture, HAS_SHARED, SHARED_SPECS } from '../support/paths.js';

const WHOLE = join(SHARED_SPECS, 'stripe-spec3-2023-08-16.yaml');
const PUBLISHED = join(SHARED_SPECS, 'stripe-financial-connections-2023-10-16.published.yml');
const FC = '/v1/financial_connections/**';
if (!HAS_SHARED) console.warn(`skipping the real-spec slice tests: ${SHARED_SPECS} is absent`);

const failure = async (work: Promise<unknown>): Promise<GeneratorError> => {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(GeneratorError);
  return error as GeneratorError;
};

describe.skipIf(!HAS_SHARED)('slices of the whole Stripe spec (2023-08-16)', () => {
  it('--include keeps the Financial Connections operations and the closure of their schemas', async () => {
    const { model } = await generateFiles(WHOLE, { include: [FC] });
    expect(model.operations.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual([
      'POST /v1/financial_connections/accounts/{account}/disconnect',
      'GET /v1/financial_connections/accounts',
      'GET /v1/financial_connections/accounts/{account}/owners',
      'POST /v1/financial_connections/accounts/{account}/refresh',
      'GET /v1/financial_connections/accounts/{account}',
      'POST /v1/financial_connections/sessions',
      'GET /v1/financial_connections/sessions/{session}',
    ]);
    const names = new Set(model.schemas.map((s) => s.name));
    for (const needed of ['financial_connections.account', 'financial_connections.account_ownership', 'api_errors', 'customer']) {
      expect(names).toContain(needed);
    }
    expect(names).not.toContain('terminal.reader');
    // Every ref in the slice resolves inside it.
    const dangling = JSON.stringify(model).match(/"target":"([^"]+)"/g)?.map((m) => m.slice(10, -1)).filter((t) => !names.has(t)) ?? [];
    expect(dangling).toEqual([]);
  });

  it('--prune-external turns resources reached only through expansions into small open types', async () => {
    const full = await generateFiles(WHOLE, { include: [FC] });
    const pruned = await generateFiles(WHOLE, { include: [FC], pruneExternal: true });
    expect(pruned.model.schemas.length).toBeLessThan(full.model.schemas.length);
    const application = pruned.model.schemas.find((s) => s.name === 'application')!;
    expect(application.schema).toMatchObject({
      kind: 'object',
      additionalProperties: true,
      properties: [{ name: 'id', required: true }, { name: 'object', required: true }],
    });
    const text = pruned.files.map((f) => f.contents).join('\n');
    expect(text).toContain('`application` lies outside the generated slice');
    // The account itself stays whole: it is what the slice is about.
    const account = pruned.model.schemas.find((s) => s.name === 'financial_connections.account')!;
    expect(account.schema.kind === 'object' && account.schema.properties.length).toBeGreaterThan(10);
  });
});

describe.skipIf(!HAS_SHARED)('the published Financial Connections slice and its dangling refs', () => {
  it('is refused with every dangling $ref listed, by pointer and line', async () => {
    const error = await failure(generateFiles(PUBLISHED));
    const text = error.format();
    expect(text).toContain('12 $refs point at 10 missing components');
    for (const name of ['api_errors', 'bank_connections_resource_accountholder', 'financial_connections.account_owner', 'financial_connections.account_ownership']) {
      expect(text).toContain(`#/components/schemas/${name}`);
    }
    expect(text).toMatch(/published\.yml:827:\d+ #\/components\/schemas\/error\/properties\/error\/\$ref/);
  });

  it('--resolve-from the 2023-08-16 spec fills 8 of the 10; the error then names exactly the other 2', async () => {
    const error = await failure(generateFiles(PUBLISHED, { resolveFrom: [WHOLE] }));
    const missing = [...error.format().matchAll(/missing: #\/components\/schemas\/(\S+)/g)].map((m) => m[1]);
    expect(missing).toEqual(['bank_connections_resource_transaction_refresh', 'bank_connections_resource_transaction_resource_status_transitions']);
  });
});

describe('--include by tag and overlays (local fixtures)', () => {
  const tagged = fixture('slices/fixtures/tagged.yaml');

  it('tag:<name> selects operations by tag, and only their schemas follow', async () => {
    const { model } = await generateFiles(tagged, { include: ['tag:cats'] });
    expect(model.operations.map((o) => o.path)).toEqual(['/v1/cats']);
    expect(model.schemas.map((s) => s.name)).toEqual(['cat', 'toy']);
  });

  it('an overlay updates, adds and removes before anything reads the spec', async () => {
    const { model } = await generateFiles(tagged, { overlays: [fixture('slices/fixtures/rename.overlay.yaml')] });
    expect(model.operations.map((o) => [...o.resource, o.methodName].join('.'))).toEqual(['felines.all']);
    expect(model.operations[0]!.description).toBe('Every cat we know.');
    expect(model.schemas.map((s) => s.name)).toEqual(['cat', 'toy']);
    const cat = model.schemas[0]!.schema;
    expect(cat.kind === 'object' && cat.properties.map((p) => p.name)).toEqual(['name', 'toy', 'age']);
  });

  it('a bad overlay target is a clear error naming each action', async () => {
    const error = await failure(generateFiles(tagged, { overlays: [fixture('slices/fixtures/bad-target.overlay.yaml')] }));
    const text = error.format();
    expect(text).toContain('2 overlay actions cannot be applied');
    expect(text).toContain("#/actions/0/target: '$.paths['/v1/kittens'].get' selects nothing in the spec");
    expect(text).toMatch(/#\/actions\/1\/target: '\$\.paths\[\?\(' is not valid JSONPath/);
  });

  it("a $ref into another file that an overlay adds is refused, saying where such $refs are followed", async () => {
    const error = await failure(generateFiles(tagged, { overlays: [fixture('slices/fixtures/file-ref.overlay.yaml')] }));
    const text = error.format();
    expect(text).toContain('1 $ref to another file or a URL added by an overlay or a base spec');
    expect(text).toContain("#/components/schemas/cat/properties/collar/$ref: $ref 'collar.yaml#/Collar'");
    expect(text).toContain('put the $ref in the spec or a file it refers to');
  });
});
