// `--overlay <file>`: OpenAPI Overlay 1.0 documents applied in order before anything else reads
// the spec. Each action's JSONPath `target` (evaluated by jsonpath-plus) selects nodes; `update`
// merges into them (objects recursively, arrays appended), `remove: true` deletes them. A target
// that is not valid JSONPath, or that selects nothing, is an error: a silent no-op hides typos.
import { createRequire } from 'node:module';
import { GeneratorError, type Problem } from '../errors.js';
import type { LoadedDocument } from './load-document.js';

// Loaded by the runs that apply an overlay, not by every run.
const jsonPath = () => (createRequire(import.meta.url)('jsonpath-plus') as typeof import('jsonpath-plus')).JSONPath;

interface Action {
  readonly target?: unknown;
  readonly update?: unknown;
  readonly remove?: unknown;
}

export function applyOverlay(document: Record<string, unknown>, overlay: LoadedDocument): Record<string, unknown> {
  const { file } = overlay;
  const raw = overlay.document;
  if (typeof raw.overlay !== 'string' || !/^1\.\d+\.\d+$/.test(raw.overlay) || !Array.isArray(raw.actions)) {
    throw new GeneratorError(`${file}: not an Overlay 1.x document`, [], 'an overlay has `overlay: 1.0.0` and a list of `actions`');
  }
  const result = structuredClone(document);
  const problems: Problem[] = [];
  (raw.actions as Action[]).forEach((action, i) => {
    const pointer = `#/actions/${i}`;
    if (typeof action.target !== 'string') {
      problems.push({ file, pointer: `${pointer}/target`, message: 'target must be a JSONPath string' });
      return;
    }
    let matches: { parent: unknown; parentProperty: string | number; value: unknown }[];
    try {
      matches = jsonPath()({ path: action.target, json: result, resultType: 'all', wrap: true, eval: false }) as typeof matches;
    } catch (error) {
      problems.push({ file, pointer: `${pointer}/target`, message: `'${action.target}' is not valid JSONPath: ${(error as Error).message}` });
      return;
    }
    if (matches.length === 0) {
      problems.push({ file, pointer: `${pointer}/target`, message: `'${action.target}' selects nothing in the spec` });
      return;
    }
    if (action.remove === true) {
      // Remove from the last match backwards, so array indexes stay valid.
      for (const match of [...matches].reverse()) removeFrom(match.parent, match.parentProperty);
    } else if (action.update !== undefined) {
      for (const match of matches) {
        if (match.parent === null || match.parent === undefined) continue;
        (match.parent as Record<string | number, unknown>)[match.parentProperty] = merge(match.value, action.update);
      }
    }
  });
  if (problems.length > 0) {
    throw new GeneratorError(`${file}: ${problems.length} overlay action${problems.length === 1 ? '' : 's'} cannot be applied`, problems, 'fix each target listed');
  }
  return result;
}

function removeFrom(parent: unknown, key: string | number): void {
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else if (parent !== null && typeof parent === 'object') delete (parent as Record<string | number, unknown>)[key];
}

/** Overlay `update` semantics: objects merge property by property, arrays append, anything else replaces. */
function merge(target: unknown, update: unknown): unknown {
  if (Array.isArray(target)) return [...target, ...(Array.isArray(update) ? update : [update])];
  if (isObject(target) && isObject(update)) {
    const merged: Record<string, unknown> = { ...target };
    for (const [key, value] of Object.entries(update)) merged[key] = key in target ? merge(target[key], value) : structuredClone(value);
    return merged;
  }
  return structuredClone(update);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
