// Fills `{name}` placeholders in an operation's path template with escaped path parameters.
// A parameter value is data, never structure: it must not be able to change which endpoint is called.

/**
 * Substitutes every `{name}` with `encodeURIComponent(value)`, so `/`, `?`, `#` and `%` are escaped.
 * `.` and `..` are still path segments after escaping (URL parsers resolve them), and an empty value
 * would turn `/accounts/{id}` into the list endpoint, so those are rejected.
 */
export function buildPath(
  template: string,
  pathParams: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const raw = Object.hasOwn(pathParams, name) ? pathParams[name] : undefined;
    const value = typeof raw === 'number' ? String(raw) : raw;
    const fail = (why: string) => new TypeError(`Path parameter "${name}" ${why}`);
    if (typeof value !== 'string' || value === '') throw fail('must be a non-empty string');
    if (value === '.' || value === '..')
      throw fail(`cannot be "${value}": it would change the request path`);
    try {
      return encodeURIComponent(value);
    } catch {
      throw fail('is not well-formed Unicode (it has a lone surrogate)');
    }
  });
}
