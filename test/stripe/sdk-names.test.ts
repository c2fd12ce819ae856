// A stripe-node user finds every method they know: each method of the official SDK, read from the
// package's own resource definitions, exists on the generated client under the same dotted name
// with the same positional path arguments (stripe@13.11.0 against the 2023-08-16 spec it was
// built for, stripe@14.25.0 against spec/). Specs that are not Stripe's keep the generic rule.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/build-model.js';
import { readAnySpec } from '../../generator/parse/read-spec.js';
import { parity, percent, type Parity } from '../support/name-parity.js';
import { HAS_SHARED, PROJECT_SPEC, SHARED_SPECS } from '../support/paths.js';
import { officialSdk, type SdkSurface } from '../support/stripe-sdk.js';

describe.skipIf(!HAS_SHARED)('stripe@13.11.0 against the 2023-08-16 spec it was built for', () => {
  let result: Parity;
  let sdk: SdkSurface;
  beforeAll(async () => {
    sdk = await officialSdk('stripe-13');
    result = parity(buildModel(await readAnySpec(join(SHARED_SPECS, 'stripe-spec3-2023-08-16.yaml'))).model, sdk.methods);
    console.log(`stripe@13.11.0 name parity: ${percent(result)}`);
  }, 60_000);

  it('reads the SDK: hundreds of methods with their paths', () => {
    expect(sdk.methods.length).toBeGreaterThan(400);
    expect(sdk.methods).toContainEqual({ name: 'invoices.finalizeInvoice', method: 'POST', path: '/v1/invoices/{invoice}/finalize', args: ['invoice'] });
  });

  it('has every SDK method under its name, with its path arguments: 100%', () => {
    expect(result.misnamed).toEqual([]);
    expect(result.found).toBe(result.total);
  });

  it('lacks only what the spec lacks: OAuth (connect.stripe.com) and endpoints newer than the spec', () => {
    expect(sdk.pathless).toEqual(['oauth.token']);
    expect(result.outsideSpec).toEqual([
      'issuing.tokens.list', 'issuing.tokens.retrieve', 'issuing.tokens.update',
      'paymentMethodConfigurations.create', 'paymentMethodConfigurations.list',
      'paymentMethodConfigurations.retrieve', 'paymentMethodConfigurations.update',
    ]);
  });
});

describe('stripe@14.25.0 against spec/', () => {
  it('has every Financial Connections method of the SDK under its name: 100%', async () => {
    const sdk = await officialSdk('stripe');
    const result = parity(buildModel(await readAnySpec(PROJECT_SPEC)).model, sdk.methods);
    console.log(`stripe@14.25.0 name parity on spec/: ${percent(result)}`);
    expect(result.misnamed).toEqual([]);
    expect(result.total).toBe(11);
    expect(result.found).toBe(11);
    expect(result.outsideSpec.filter((name) => name.startsWith('financialConnections.'))).toEqual([]);
  });
});

describe("the SDK's names are Stripe's: other specs keep the rule", () => {
  const spec = (servers: string) => ({
    openapi: '3.0.0',
    info: { title: 'Invoices', version: '1' },
    servers: [{ url: servers }],
    paths: {
      '/v1/invoiceitems': { get: { responses: { '200': { description: 'ok' } } } },
      '/v1/invoices/{invoice}/finalize': {
        post: { parameters: [{ name: 'invoice', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } },
      },
    },
  });
  const names = (servers: string) =>
    buildModel({ document: spec(servers), file: 'spec.yaml', text: '' }).model.operations.map((o) => [...o.resource, o.methodName].join('.'));

  it('a spec served from api.stripe.com gets the SDK names', () => {
    expect(names('https://api.stripe.com/')).toEqual(['invoiceItems.list', 'invoices.finalizeInvoice']);
  });

  it('the same paths elsewhere are named by the rule', () => {
    expect(names('https://billing.example.test/')).toEqual(['invoiceitems.retrieve', 'invoices.finalize']);
  });
});
