// The client's methods are typed by `Client` (client.ts), made of each resource file's methods
// interface, not inferred from the operation functions (the generated `bind` returns `never`, so
// nothing ties the two in the generated code itself). `writeClientTypeCheck` puts beside a generated client.ts a copy
// whose `bind` infers every method from its function, as the client once did, and requires
// `Client` and that inferred type to be assignable both ways; compiling the copy is the check.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CHEAP_BIND = /^ {2}const bind = \(operation: \(transport: Transport, \.\.\.args: never\[\]\) => unknown\): never =>\n.*as never;$/m;
const INFERRING_BIND = `  const bind =
    <A extends unknown[], R>(operation: (transport: Transport, ...args: A) => R) =>
    (...args: A): R =>
      operation(transport, ...args);`;
// A client whose spec has security schemes takes their credentials beside ClientOptions.
const ANNOTATED = /^export function createClient\(options: (ClientOptions(?: & ClientCredentials)?(?: = \{\})?)\): Client \{$/m;

/**
 * Writes `client-type-check.ts` into the generated client's folder. Throws when client.ts no
 * longer has the shape this check rewrites, so a changed scaffold cannot make it pass vacuously.
 */
export function writeClientTypeCheck(clientDir: string): void {
  const client = readFileSync(join(clientDir, 'client.ts'), 'utf8');
  if (!CHEAP_BIND.test(client) || !ANNOTATED.test(client)) throw new Error(`${clientDir}/client.ts: no typed-by-Client bind to rewrite`);
  const inferred = client.replace(CHEAP_BIND, INFERRING_BIND).replace(ANNOTATED, 'export function createClient(options: $1) {');
  const checks = [
    '',
    '// `Client` and the methods as `bind` infers them from the operation functions: each assignable to the other.',
    'type Inferred = ReturnType<typeof createClient>;',
    'export const declaredAsInferred = (client: Client): Inferred => client;',
    'export const inferredAsDeclared = (client: Inferred): Client => client;',
    '',
  ].join('\n');
  writeFileSync(join(clientDir, 'client-type-check.ts'), inferred + checks);
}
