// Who meets a change, as an upgrading developer does: the operations that answer with the changed
// object itself, those that carry it inside other objects in every answer, and those that carry it
// only when asked to with `expand[]` (with the path to ask for). Stripe's resources form one large
// cycle of expansions, so the last group is most of the API for almost any resource; the first two
// are the calls whose code sees the change without asking for it.
import type { Impact, OperationRef } from './change.js';
import type { Reach } from './compare-schemas.js';

type Reaches = ReadonlyMap<string, ReadonlyMap<string, Reach>>;

export const NO_IMPACT: Impact = { direct: [], withoutExpand: [], onlyViaExpand: [] };

/**
 * owner (an operation or a resource) → its impact. `operations` pairs each operation's owner key
 * with how the user knows it; `returns` says which resources an operation answers with directly.
 */
export function impactByOwner(
  operations: readonly (readonly [string, OperationRef])[],
  reaches: Reaches,
  returns: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, Impact> {
  const result = new Map<string, { direct: OperationRef[]; withoutExpand: OperationRef[]; onlyViaExpand: { operation: OperationRef; expand: string }[] }>();
  const entry = (owner: string) => {
    let impact = result.get(owner);
    if (!impact) result.set(owner, (impact = { direct: [], withoutExpand: [], onlyViaExpand: [] }));
    return impact;
  };
  const seen = new Set<string>();
  for (const [owner, ref] of operations) {
    if (seen.has(owner)) continue;
    seen.add(owner);
    const direct = new Set([owner, ...(returns.get(owner) ?? [])]);
    const inline = reachable(owner, reaches, false);
    for (const [reached, path] of reachable(owner, reaches, true)) {
      if (direct.has(reached)) entry(reached).direct.push(ref);
      else if (inline.has(reached)) entry(reached).withoutExpand.push(ref);
      else entry(reached).onlyViaExpand.push({ operation: ref, expand: path });
    }
  }
  for (const impact of result.values()) {
    impact.direct.sort(byPath);
    impact.withoutExpand.sort(byPath);
    impact.onlyViaExpand.sort((x, y) => byPath(x.operation, y.operation));
  }
  return result;
}

/**
 * Everything `owner` reaches (itself included), by the fewest steps, with the property path that
 * leads there; through expansions too, or inline steps only.
 */
function reachable(owner: string, reaches: Reaches, throughExpansions: boolean): Map<string, string> {
  const paths = new Map<string, string>([[owner, '']]);
  const pending = [owner];
  for (let i = 0; i < pending.length; i++) {
    const from = pending[i]!;
    for (const [to, reach] of reaches.get(from) ?? []) {
      if (paths.has(to) || (reach.expand && !throughExpansions)) continue;
      const before = paths.get(from)!;
      paths.set(to, before && reach.path ? `${before}.${reach.path}` : before || reach.path);
      pending.push(to);
    }
  }
  return paths;
}

/** The impact of one change over all its places: each operation once, in its nearest group. */
export function mergeImpacts(impacts: readonly Impact[]): Impact {
  if (impacts.length === 1) return impacts[0]!;
  const key = (op: OperationRef) => `${op.method} ${op.path}`;
  const direct = new Map(impacts.flatMap((i) => i.direct.map((op) => [key(op), op] as const)));
  const withoutExpand = new Map(impacts.flatMap((i) => i.withoutExpand.filter((op) => !direct.has(key(op))).map((op) => [key(op), op] as const)));
  const viaExpand = new Map<string, Impact['onlyViaExpand'][number]>();
  for (const reach of impacts.flatMap((i) => i.onlyViaExpand)) {
    const k = key(reach.operation);
    if (!direct.has(k) && !withoutExpand.has(k) && !viaExpand.has(k)) viaExpand.set(k, reach);
  }
  return {
    direct: [...direct.values()].sort(byPath),
    withoutExpand: [...withoutExpand.values()].sort(byPath),
    onlyViaExpand: [...viaExpand.values()].sort((x, y) => byPath(x.operation, y.operation)),
  };
}

export function byPath(x: OperationRef, y: OperationRef): number {
  const a = `${x.path} ${x.method}`;
  const b = `${y.path} ${y.method}`;
  return a < b ? -1 : a > b ? 1 : 0;
}
