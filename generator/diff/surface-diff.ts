// Which exported names of the generated client differ between two versions: added, removed, or
// changed (kind, type or signature), with the members that changed for interfaces and object types.
import type { GeneratedFile } from '../emit/emit-files.js';
import { exportedSurface, type SurfaceEntry } from './surface.js';

export interface SurfaceChange {
  readonly change: 'added' | 'removed' | 'changed';
  readonly name: string;
  /** The new kind (the old one for a removed name); `interface → type` when it changed. */
  readonly kind: string;
  readonly before?: string;
  readonly after?: string;
  /** Member names, for an interface or object type that changed. */
  readonly members?: { readonly added: readonly string[]; readonly removed: readonly string[]; readonly changed: readonly string[] };
}

export function diffSurfaces(before: readonly SurfaceEntry[], after: readonly SurfaceEntry[]): SurfaceChange[] {
  const old = new Map(before.map((e) => [e.name, e]));
  const changes: SurfaceChange[] = [];
  for (const entry of after) {
    const previous = old.get(entry.name);
    old.delete(entry.name);
    if (!previous) changes.push({ change: 'added', name: entry.name, kind: entry.kind, after: entry.text });
    else if (previous.kind !== entry.kind || previous.text !== entry.text) {
      const kind = previous.kind === entry.kind ? entry.kind : `${previous.kind} → ${entry.kind}`;
      // Members say more than two long texts, unless the change is outside them (type parameters).
      const members = previous.members && entry.members ? memberChanges(previous.members, entry.members) : undefined;
      const memberCount = members ? members.added.length + members.removed.length + members.changed.length : 0;
      changes.push({ change: 'changed', name: entry.name, kind, before: previous.text, after: entry.text, ...(members && memberCount > 0 ? { members } : {}) });
    }
  }
  for (const entry of old.values()) changes.push({ change: 'removed', name: entry.name, kind: entry.kind, before: entry.text });
  const order = { removed: 0, changed: 1, added: 2 };
  return changes.sort((a, b) => order[a.change] - order[b.change] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function memberChanges(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): NonNullable<SurfaceChange['members']> {
  return {
    added: Object.keys(b).filter((k) => !(k in a)),
    removed: Object.keys(a).filter((k) => !(k in b)),
    changed: Object.keys(b).filter((k) => k in a && a[k] !== b[k]),
  };
}

/** Both clients generated in memory, as `npm run generate` would write them, then compared. */
export async function diffGeneratedSurfaces(
  generate: (specFile: string) => Promise<readonly GeneratedFile[]>,
  beforeSpec: string,
  afterSpec: string,
): Promise<SurfaceChange[]> {
  const before = exportedSurface(await generate(beforeSpec));
  const after = exportedSurface(await generate(afterSpec));
  return diffSurfaces(before, after);
}
