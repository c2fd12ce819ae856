// The suite's assertions: plain functions that throw with both sides shown, since no test framework
// runs inside the runtimes under test. Values are compared as JSON, key order included.

export function equal(actual: unknown, expected: unknown, what: string): void {
  const got = JSON.stringify(actual);
  const want = JSON.stringify(expected);
  if (got !== want) throw new Error(`${what}: expected ${want}, got ${got}`);
}

export function matches(actual: string | undefined, pattern: RegExp, what: string): void {
  if (actual === undefined || !pattern.test(actual))
    throw new Error(`${what}: expected to match ${pattern}, got ${JSON.stringify(actual)}`);
}

export function ok(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

/** The reason `promise` rejected with; fails when it fulfils. */
export async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`${what}: expected a rejection, but the call succeeded`);
}
