// One diff, start to end: load both sides, compare the models, and (with --surface) the generated
// clients; temporary copies of git revisions are removed however it ends.
import type { DiffReport } from './change.js';
import { diffModels } from './diff-models.js';
import { applyIgnores, readIgnoreFile } from './ignore.js';
import { loadSide, type Side } from './load-side.js';
import type { DiffOutcome, FailOn } from './outcome.js';
import type { Profile } from './rules.js';

export interface RunDiffOptions {
  readonly include?: readonly string[];
  readonly profile?: Profile;
  readonly failOn?: FailOn;
  readonly surface?: boolean;
  /** The day sunset dates and ignore entries are read against (an ISO date); today by default. */
  readonly today?: string;
  /** `--ignore-file`: accepted changes (ignore.ts). */
  readonly ignoreFile?: string;
}

export async function runDiff(oldSpec: string, newSpec: string, options: RunDiffOptions = {}): Promise<DiffOutcome> {
  const include = options.include ?? [];
  const profile = options.profile ?? { enumAdditions: 'warning' };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  // A fault in the ignore file is found before the specs are read.
  const entries = options.ignoreFile === undefined ? undefined : readIgnoreFile(options.ignoreFile);
  const sides: Side[] = [];
  try {
    const before = await loadSide(oldSpec, include);
    sides.push(before);
    const after = await loadSide(newSpec, include);
    sides.push(after);
    const outside = new Set([...before.outside, ...after.outside]);
    const all = diffModels(before.model, after.model, { profile, outside, raw: { before: before.raw, after: after.raw }, today });
    const { changes, ignored, unused } = entries ? applyIgnores(all, entries, today) : { changes: all, ignored: undefined, unused: undefined };
    const report: DiffReport = { old: before.summary, new: after.summary, include, changes };
    const surface = options.surface ? await surfaceChanges(before.file, after.file, include) : undefined;
    return { ...report, profile, failOn: options.failOn ?? 'breaking', ...(surface ? { surface } : {}), ...(ignored ? { ignored } : {}), ...(unused ? { unusedIgnores: unused } : {}) };
  } finally {
    for (const side of sides) side.cleanup();
  }
}

/**
 * The generator (its parser, prettier) and the TypeScript compiler take seconds to load: only a
 * `--surface` run pays for them.
 */
async function surfaceChanges(beforeFile: string, afterFile: string, include: readonly string[]) {
  const [{ generateFiles }, { diffGeneratedSurfaces }] = await Promise.all([import('../generate.js'), import('./surface-diff.js')]);
  const generate = async (file: string) => (await generateFiles(file, { include })).files;
  return diffGeneratedSurfaces(generate, beforeFile, afterFile);
}
