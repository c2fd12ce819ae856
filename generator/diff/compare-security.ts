// Who may call an operation: its security requirements (the operation's own, else the document's),
// read from the raw documents. A requirement list is a choice of alternatives, each a set of
// schemes used together, each with its scopes; no list, or an empty alternative (`{}`), lets a
// call through without credentials. An alternative gone rejects the calls that used it; one
// added is another way in; a scope added is a token that no longer suffices.
import type { Place, SchemaComparer } from './compare-schemas.js';
import { isRaw, type Raw } from './raw.js';

/** Alternative (scheme names joined) → scheme → scopes. */
type Requirements = Map<string, Map<string, readonly string[]>>;

const ANONYMOUS = 'no credentials';

export function compareSecurity(comparer: SchemaComparer, a: Raw, b: Raw, docA: Raw, docB: Raw, place: Place): void {
  const before = requirementsOf(a, docA);
  const after = requirementsOf(b, docB);
  const label = (key: string) => (key === '' ? ANONYMOUS : key.split(' + ').map((s) => `\`${s}\``).join(' + '));
  for (const [key, schemes] of after) {
    const old = before.get(key);
    if (!old) {
      comparer.report('security-alternative-added', place, `calls may now authenticate with ${label(key)}`);
      continue;
    }
    for (const [scheme, scopes] of schemes) {
      const added = scopes.filter((s) => !old.get(scheme)?.includes(s));
      const removed = (old.get(scheme) ?? []).filter((s) => !scopes.includes(s));
      if (added.length > 0) comparer.report('security-scope-added', place, `\`${scheme}\` now needs scope ${added.map((s) => `\`${s}\``).join(', ')}`);
      if (removed.length > 0) comparer.report('security-scope-removed', place, `\`${scheme}\` no longer needs scope ${removed.map((s) => `\`${s}\``).join(', ')}`);
    }
  }
  for (const key of before.keys()) {
    if (!after.has(key)) comparer.report('security-alternative-removed', place, `calls can no longer authenticate with ${label(key)}`);
  }
  // A scheme both versions use, sent another way.
  const used = new Set([...before.values()].flatMap((s) => [...s.keys()]).filter((name) => [...after.values()].some((s) => s.has(name))));
  for (const name of used) {
    const x = schemeOf(docA, name);
    const y = schemeOf(docB, name);
    if (x !== y) comparer.report('security-scheme-changed', place, `scheme \`${name}\` changed from ${x} to ${y}`);
  }
}

function requirementsOf(operation: Raw, document: Raw): Requirements {
  const list = Array.isArray(operation.security) ? operation.security : Array.isArray(document.security) ? document.security : [];
  const result: Requirements = new Map();
  if (list.length === 0) result.set('', new Map());
  for (const requirement of list) {
    if (!isRaw(requirement)) continue;
    const names = Object.keys(requirement).sort();
    result.set(names.join(' + '), new Map(names.map((n) => [n, Array.isArray(requirement[n]) ? (requirement[n] as unknown[]).map(String) : []])));
  }
  return result;
}

/** How a scheme sends its credential, in one phrase: `apiKey in header X-Key`, `http bearer`. */
function schemeOf(document: Raw, name: string): string {
  const components = isRaw(document.components) ? document.components : {};
  const schemes = isRaw(components.securitySchemes) ? components.securitySchemes : {};
  const scheme = schemes[name];
  if (!isRaw(scheme)) return '(undefined)';
  if (scheme.type === 'apiKey') return `\`apiKey in ${String(scheme.in)} ${String(scheme.name)}\``;
  if (scheme.type === 'http') return `\`http ${String(scheme.scheme).toLowerCase()}\``;
  return `\`${String(scheme.type)}\``;
}
