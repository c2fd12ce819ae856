// The model's reading of security: each scheme's client option (its name in camelCase, kept apart
// from the client's own options and from each other), each operation's requirement by scheme name,
// and a warning for a scheme the client cannot send (mutual TLS, HTTP digest), whose calls then fail
// before sending instead of going out without it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../../generator/generate.js';
import { credentialOptions } from '../../generator/naming/credential-options.js';
import { scratchDir } from '../support/paths.js';

const ok = { '200': { description: 'ok' } };

describe("a security scheme's client option", () => {
  it('is its name in camelCase, with Auth after a name the client takes, and a number after a repeat', () => {
    const names = ['bearer_auth', 'api_key', 'apiKey', 'timeout', 'headers', 'X-Token', '2fa'];
    expect(Object.fromEntries(credentialOptions(names))).toEqual({
      bearer_auth: 'bearerAuth',
      api_key: 'apiKey',
      apiKey: 'apiKey2',
      timeout: 'timeoutAuth',
      headers: 'headersAuth',
      'X-Token': 'xToken',
      '2fa': '_2fa',
    });
  });
});

describe('security in the model', () => {
  it("records each operation's alternatives (its own, else the document's) and warns of a scheme fetch cannot send", async () => {
    const file = join(scratchDir('security-model'), 'spec.json');
    writeFileSync(
      file,
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 't', version: '1' },
        security: [{ token: [] }],
        components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' }, cert: { type: 'mutualTLS' }, digest: { type: 'http', scheme: 'digest' } } },
        paths: {
          '/a': { get: { operationId: 'a', responses: ok } },
          '/b': { get: { operationId: 'b', security: [{ cert: [] }, {}], responses: ok } },
          '/c': { get: { operationId: 'c', security: [], responses: ok } },
        },
      }),
    );
    const { model, warnings, files } = await generateFiles(file);
    expect(model.operations.map((op) => [op.operationId, op.security])).toEqual([
      ['a', [['token']]],
      ['b', [['cert'], []]],
      ['c', []],
    ]);
    expect(warnings.map((w) => `${w.pointer}: ${w.message}`)).toEqual([
      '#/components/securitySchemes/cert: a scheme the client cannot send (type mutualTLS): a call that needs it fails before sending',
      '#/components/securitySchemes/digest: a scheme the client cannot send (type http, scheme digest): a call that needs it fails before sending',
    ]);
    // Only the scheme the client can send, and that an operation uses, is an option.
    const client = files.find((f) => f.path === 'client.ts')!.contents;
    expect(client).toContain('auth: { token: bearerAuth },');
    expect(client).not.toMatch(/readonly (cert|digest)\b/);
  });
});
