// A client asks for the answer the spec declares: a server that answers `application/hal+json`
// (or an event stream) may refuse `Accept: application/json` with 406, as Prism does.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearerAuth, createTransport } from '../../templates/runtime/index.js';
import type { OperationSpec } from '../../templates/runtime/index.js';
import { startCaptureServer, type CaptureServer } from '../support/capture-server.js';

let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
  server.reply = () => ({ headers: { 'content-type': 'application/hal+json' }, body: { _links: {} } });
});
afterAll(() => server.close());

it('sends the declared success media type as Accept, reads a +json answer as JSON, and keeps application/json otherwise', async () => {
  const transport = createTransport({ apiKey: 'k' }, { apiVersion: '1', baseUrl: server.baseUrl, auth: { apiKey: bearerAuth }, security: [['apiKey']] });
  const hal = { method: 'GET', path: '/pets', accept: 'application/hal+json' } as const satisfies OperationSpec;
  const plain = { method: 'GET', path: '/pets' } as const satisfies OperationSpec;
  expect(await transport.request(hal, {}, undefined, undefined)).toEqual({ _links: {} });
  await transport.request(plain, {}, undefined, undefined);
  expect(server.requests.map((r) => r.headers.accept)).toEqual(['application/hal+json', 'application/json']);
});
