// An operation's life and names, read from the raw operations: deprecation lifted, a sunset date
// set or brought forward (`x-sunset`), a stability level lowered (`x-stability-level`), an
// operation removed before (or after) its sunset, and the names clients are generated from: the
// `operationId` and the tags.
import type { Place, SchemaComparer } from './compare-schemas.js';
import type { Raw } from './raw.js';

/** `x-stability-level`, least stable first. */
const STABILITY = ['draft', 'alpha', 'beta', 'stable'];

export function compareLifecycle(comparer: SchemaComparer, a: Raw, b: Raw, place: Place): void {
  const name = `\`${place.operation?.name}\``;
  if (a.deprecated === true && b.deprecated !== true) comparer.report('operation-reactivated', place, `operation ${name} is no longer deprecated`);
  const sunsetA = dateOf(a['x-sunset']);
  const sunsetB = dateOf(b['x-sunset']);
  if (sunsetB && !sunsetA) comparer.report('operation-sunset-set', place, `operation ${name} will be removed on ${sunsetB} (\`x-sunset\`)`);
  else if (sunsetA && sunsetB && sunsetB < sunsetA) comparer.report('operation-sunset-moved-earlier', place, `operation ${name}'s sunset moved from ${sunsetA} to ${sunsetB}`);
  const levelA = STABILITY.indexOf(String(a['x-stability-level']));
  const levelB = STABILITY.indexOf(String(b['x-stability-level']));
  if (levelA !== -1 && levelB !== -1 && levelB < levelA) {
    comparer.report('operation-stability-decreased', place, `operation ${name}'s stability went from \`${STABILITY[levelA]}\` to \`${STABILITY[levelB]}\``);
  }
  // Generators camel-case an operationId: `GetWidget` and `getWidget` name the same method.
  const spelling = (id: string) => id.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (typeof a.operationId === 'string' && typeof b.operationId === 'string' && spelling(a.operationId) !== spelling(b.operationId)) {
    comparer.report('operation-id-changed', place, `operationId changed from \`${a.operationId}\` to \`${b.operationId}\``);
  }
  const tags = (op: Raw) => (Array.isArray(op.tags) ? op.tags.map(String) : []);
  const [tagsA, tagsB] = [tags(a), tags(b)];
  // An operation's first tags put it in a group; only one it leaves moves a method a client grouped.
  if (tagsA.some((tag) => !tagsB.includes(tag))) {
    comparer.report('operation-tags-changed', place, `tags changed from ${tagsA.map((t) => `\`${t}\``).join(', ') || 'none'} to ${tagsB.map((t) => `\`${t}\``).join(', ') || 'none'}`);
  }
}

/**
 * A removed operation that promised a sunset date: removed before it is a broken promise; after
 * it, announced. `today` is the day the diff runs (an ISO date). Undefined: no promise, so the
 * plain `operation-removed`.
 */
export function removalRule(removed: Raw | undefined, today: string): 'operation-removed-before-sunset' | 'operation-removed-after-sunset' | undefined {
  const sunset = removed ? dateOf(removed['x-sunset']) : undefined;
  if (!sunset) return undefined;
  return sunset > today ? 'operation-removed-before-sunset' : 'operation-removed-after-sunset';
}

export function sunsetOf(operation: Raw | undefined): string | undefined {
  return operation ? dateOf(operation['x-sunset']) : undefined;
}

/** `x-sunset` as an ISO date (`2025-01-31`), from a date or a date-time. */
function dateOf(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(value) : null;
  return match?.[0];
}
