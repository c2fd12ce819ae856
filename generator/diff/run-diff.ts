// One diff, start to end: load both sides, compare the models, and (with --surface) the generated
// clients; temporary copies of git revisions are removed however it ends.
import { generateFiles } from '../generate.js';
import type { DiffReport } from './change.js';
import { diffModels } from './diff-models.js';
import { loadSide, type Side } from './load-side.js';
import type { DiffOutcome, FailOn } from './outcome.js';
import type { Profile } from './rules.js';
import { diffGeneratedSurfaces } from './surface-diff.js';

export interface RunDiffOptions {
  readonly include?: readonly string[];
  readonly profile?: Profile;
  readonly failOn?: FailOn;
  readonly surface?: boolean;
}

export async function runDiff(oldSpec: string, newSpec: string, options: RunDiffOptions = {}): Promise<DiffOutcome> {
  const include = options.include ?? [];
  const profile = options.profile ?? { enumAdditions: 'warning' };
  const sides: Side[] = [];
  try {
    const before = loadSide(oldSpec, include);
    sides.push(before);
    const after = loadSide(newSpec, include);
    sides.push(after);
    const outside = new Set([...before.outside, ...after.outside]);
    const report: DiffReport = {
      old: before.summary,
      new: after.summary,
      include,
      changes: diffModels(before.model, after.model, { profile, outside }),
    };
    const generate = async (file: string) => (await generateFiles(file, { include })).files;
    const surface = options.surface ? await diffGeneratedSurfaces(generate, before.file, after.file) : undefined;
    return { ...report, profile, failOn: options.failOn ?? 'breaking', ...(surface ? { surface } : {}) };
  } finally {
    for (const side of sides) side.cleanup();
  }
}
