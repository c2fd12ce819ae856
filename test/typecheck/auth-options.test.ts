// The credentials are typed: each security scheme the operations use is an option of its own type
// (a token or key, Basic's `{ username, password }`, or a function giving one), a scheme every call
// needs is required, and a spec without security takes none. TypeScript 5.9 and 7, strict.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateInto } from '../support/generate-into.js';
import { fixture, scratchDir } from '../support/paths.js';
import { COMPILERS, typecheck, type CompilerName } from '../support/typecheck.js';

const usage = `import { createClient, type ClientCredentials } from './auth/index.js';
import { createClient as createKeyed } from './keyed/index.js';
import { createClient as createOpen } from './open/index.js';

export const typed = createClient({
  bearerAuth: async () => 'token',
  basic: { username: 'AC123', password: 'secret' },
  apiKey: 'key',
  appId: () => 'app',
  session: 'cookie-value',
  oauth: 'access-token',
  oidc: 'id-token',
  timeoutAuth: 'x',
  timeout: 1000,
});
export const none = createClient({});
export const keyed = createKeyed({ bearer: 'token' });
export const open = createOpen();
export const basicOf = (credentials: ClientCredentials) => credentials.basic;

// @ts-expect-error: Basic takes { username, password }, not 'user:password'
createClient({ basic: 'AC123:secret' });
// @ts-expect-error: a token is a string (or a function giving one)
createClient({ bearerAuth: 42 });
// @ts-expect-error: the unused scheme has no option
createClient({ unused: 'x' });
// @ts-expect-error: every call of this spec needs the bearer token
createKeyed({});
// @ts-expect-error: a spec without security takes no credentials
createOpen({ apiKey: 'k' });
`;

let project: string;
beforeAll(async () => {
  project = scratchDir('auth-options');
  await generateInto(fixture('generator/fixtures/auth-schemes/spec.yaml'), join(project, 'auth'));
  await generateInto(fixture('generator/fixtures/paging-styles/spec.yaml'), join(project, 'keyed'));
  await generateInto(fixture('generator/fixtures/train-travel/spec.yaml'), join(project, 'open'));
});

describe.each(Object.keys(COMPILERS) as CompilerName[])('under %s', (compiler) => {
  it('each scheme is an option of its type, required where every call needs it, and every wrong one is an error', () => {
    writeFileSync(join(project, 'usage.ts'), usage);
    expect(typecheck(project, compiler).output).toBe('');
  });

  it('the check can fail: a right credential under an expected error is reported as an unused directive', () => {
    writeFileSync(join(project, 'usage.ts'), usage.replace("createClient({ basic: 'AC123:secret' });", "createClient({ basic: { username: 'u', password: 'p' } });"));
    expect(typecheck(project, compiler).output).toMatch(/Unused '@ts-expect-error' directive/);
  });
});
