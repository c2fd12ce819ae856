// One side of a diff: a spec file or `<rev>:<path>`, read, modelled and sliced by `--include`
// exactly as `npm run generate` would, so the diff sees what the generator sees.
import { buildModel } from '../model/build-model.js';
import type { ApiModel } from '../model/ir.js';
import { selectOperations } from '../model/select.js';
import { readAnySpec } from '../parse/read-spec.js';
import type { SpecSummary } from './change.js';
import { changelogOf } from './changelog.js';
import { rawSide, type RawSide } from './raw.js';
import { extractRevision, parseRevisionSpec } from './git-revision.js';
import { resourcesOutside } from './scope.js';

export interface Side {
  /** A readable file (a temporary copy for a git revision). */
  readonly file: string;
  /** The slice the diff compares. */
  readonly model: ApiModel;
  /** Resources that operations left out by `--include` return (see scope.ts). */
  readonly outside: ReadonlySet<string>;
  readonly summary: SpecSummary;
  /** The parsed document, for what the model leaves out (raw.ts). */
  readonly raw: RawSide;
  /** Removes the temporary copy, if there is one. */
  readonly cleanup: () => void;
}

/** Swagger 2.0 is converted first, as `npm run generate` converts it. */
export async function loadSide(argument: string, include: readonly string[]): Promise<Side> {
  const revision = parseRevisionSpec(argument);
  const { file, cleanup } = revision ? extractRevision(revision) : { file: argument, cleanup: () => {} };
  try {
    const loaded = await readAnySpec(file);
    const whole = buildModel(loaded).model;
    const model = selectOperations(whole, include);
    const changelog = changelogOf(whole);
    const summary: SpecSummary = {
      spec: argument,
      title: model.title,
      apiVersion: model.apiVersion,
      operations: model.operations.length,
      schemas: model.schemas.length,
      ...(changelog ? { changelog } : {}),
    };
    return { file, model, outside: resourcesOutside(whole, model.operations), summary, raw: rawSide(loaded.document, whole), cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
