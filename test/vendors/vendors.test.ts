// Not only Stripe: specs in other vendors' styles generate, compile under the strict settings
// (with none of Stripe's options, error fields or classes in their types), and send what their
// style asks for (JSON bodies, multipart uploads, basic auth with an account id, API-key headers,
// per-operation servers, OpenAPI 3.1 types).
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateInto } from '../support/generate-into.js';
import { fixture, scratchDir } from '../support/paths.js';
import { COMPILERS, typecheck, type CompilerName } from '../support/typecheck.js';

const specs = readdirSync(fixture('vendors/fixtures')).filter((f) => f.endsWith('.yaml')).sort();
let project: string;

interface Sent {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
}

/** A fetch that records what would be sent and answers with `reply`. */
function recordingFetch(reply: unknown, status = 200) {
  const sent: Sent[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    sent.push({ url, method: init.method ?? 'GET', headers: new Headers(init.headers), body: init.body });
    return new Response(JSON.stringify(reply), { status, headers: { 'content-type': 'application/json' } });
  };
  return { sent, fetch };
}

beforeAll(async () => {
  project = scratchDir('vendors');
  for (const spec of specs) {
    await generateInto(fixture('vendors/fixtures', spec), join(project, spec.replace(/\.yaml$/, '')));
  }
  writeFileSync(
    join(project, 'types.ts'),
    [
      "import type { Widget } from './openapi-31/schemas.js';",
      "import type { widgetsRetrieve } from './openapi-31/index.js';",
      "import type { Animal, Pet } from './json-pets/index.js';",
      'type Got = Awaited<ReturnType<typeof widgetsRetrieve>>;',
      "export const label: Got['label'] = null;",
      "export const kind: Got['kind'] = 'widget';",
      "export const sizes: Got['size'][] = [1, 'large'];",
      "export const parent: Got['parent'] = null satisfies Widget | null | undefined;",
      "// @ts-expect-error const means only that value",
      "export const wrongKind: Got['kind'] = 'gadget';",
      "export const pet: Pet = { id: 1, name: 'Rex' };",
      "export const animal: Animal = { kind: 'cat', lives: 9 };",
      "// @ts-expect-error the discriminator ties kind to the variant's fields",
      "export const badAnimal: Animal = { kind: 'cat', good: true };",
      "import { ApiError, createClient } from './json-pets/index.js';",
      "// The same calls compile without the option, so each error below is the option's alone.",
      "export const plain = createClient({ apiKey: 'k', maxRetries: 1 }).stores.listPets('s1', {}, { timeout: 1 });",
      "export const status = (e: ApiError) => e.status;",
      "// @ts-expect-error a client of a spec without Stripe's profile has no stripeAccount option",
      "createClient({ apiKey: 'k', stripeAccount: 'acct_1' });",
      "// @ts-expect-error nor do its calls",
      "export const listed = createClient({ apiKey: 'k' }).stores.listPets('s1', {}, { stripeAccount: 'acct_1' });",
      "// @ts-expect-error and its errors have no Stripe fields",
      "export const code = (e: ApiError) => e.declineCode;",
    ].join('\n'),
  );
});

describe.each(Object.keys(COMPILERS) as CompilerName[])('under %s', (compiler) => {
  it(`every vendor-style spec (${specs.length}) generates a client that compiles, types included`, () => {
    const result = typecheck(project, compiler);
    expect(result.output).toBe('');
  });
});

describe('each style on the wire', () => {
  it('JSON bodies, API-key header, comma-joined arrays, path-level parameters, no Stripe-Version', async () => {
    const { createClient } = await import(join(project, 'json-pets/index.ts'));
    const { sent, fetch } = recordingFetch({ id: 1, name: 'Rex' }, 201);
    const client = createClient({ apiKey: 'key_123', fetch });
    await client.stores.createPet('store 1', { name: 'Rex', tag: 'good' });
    await client.stores.listPets('store 1', { tags: ['a', 'b'], limit: 5 });
    expect(sent.map((s) => [s.method, s.url])).toEqual([
      ['POST', 'https://pets.example.test/api/stores/store%201/pets'],
      ['GET', 'https://pets.example.test/api/stores/store%201/pets?tags=a,b&limit=5'],
    ]);
    expect(JSON.parse(sent[0]!.body as string)).toEqual({ name: 'Rex', tag: 'good' });
    expect(sent[0]!.headers.get('content-type')).toBe('application/json');
    expect(sent[0]!.headers.get('x-api-key')).toBe('key_123');
    expect(sent[0]!.headers.get('authorization')).toBeNull();
    expect(sent[0]!.headers.get('stripe-version')).toBeNull();
  });

  it("an operation's own server is used unless the client was given a baseUrl", async () => {
    const { createClient } = await import(join(project, 'json-pets/index.ts'));
    const { sent, fetch } = recordingFetch({ kind: 'dog', good: true });
    await createClient({ apiKey: 'k', fetch }).stores.retrieveAnimal('s1', 'a1');
    await createClient({ apiKey: 'k', fetch, baseUrl: 'http://127.0.0.1:9' }).stores.retrieveAnimal('s1', 'a1');
    expect(sent.map((s) => s.url)).toEqual([
      'https://animals.example.test/v2/stores/s1/animals/a1',
      'http://127.0.0.1:9/stores/s1/animals/a1',
    ]);
  });

  it('basic auth with an account id and secret, form body, version segment dropped from names', async () => {
    const { createClient } = await import(join(project, 'basic-auth-account/index.ts'));
    const { sent, fetch } = recordingFetch({ sid: 'SM1', status: 'queued' }, 201);
    const client = createClient({ accountSidAuthToken: { username: 'AC0123', password: 'secret-token' }, fetch });
    await client.accounts.createMessage('AC0123', { To: '+15550100', Body: 'hi there', MediaUrl: ['https://x.test/a.png', 'https://x.test/b.png'] });
    expect(sent[0]!.url).toBe('https://messaging.example.test/2010-04-01/Accounts/AC0123/Messages.json');
    expect(sent[0]!.headers.get('authorization')).toBe(`Basic ${btoa('AC0123:secret-token')}`);
    // OpenAPI's form default (style form, explode): an array repeats its key, as Twilio expects.
    expect(decodeURIComponent(sent[0]!.body as string)).toBe('To=+15550100&Body=hi there&MediaUrl=https://x.test/a.png&MediaUrl=https://x.test/b.png');
  });

  it('multipart uploads send a FormData with the file as a file part', async () => {
    const { createClient } = await import(join(project, 'multipart-files/index.ts'));
    const { sent, fetch } = recordingFetch({ id: 'file_1', size: 5 });
    const file = new Blob(['hello'], { type: 'text/plain' });
    await createClient({ bearer: 'sk_1', fetch }).files.create({ file, purpose: 'identity_document' });
    const body = sent[0]!.body as FormData;
    expect(body).toBeInstanceOf(FormData);
    expect(await (body.get('file') as Blob).text()).toBe('hello');
    expect(body.get('purpose')).toBe('identity_document');
    expect(sent[0]!.headers.get('content-type')).toBeNull();
    expect(sent[0]!.headers.get('authorization')).toBe('Bearer sk_1');
  });
});
