// Constructs the model would otherwise drop without a word, turning them into a client that
// silently lacks operations. Refused by name instead; constructs that are safe to widen (such as
// `not`, typed as what it negates is ignored) are the model's to warn about.
import { escapePointerToken, type Problem } from '../errors.js';

type Raw = Record<string, unknown>;

export function findUnsupported(file: string, document: Raw): Problem[] {
  const problems: Problem[] = [];
  const paths = (document.paths ?? {}) as Raw;
  for (const path of Object.keys(paths).sort()) {
    const item = paths[path] as Raw | null;
    if (item && typeof item === 'object' && typeof item.$ref === 'string') {
      problems.push({
        file,
        pointer: `#/paths/${escapePointerToken(path)}/$ref`,
        message: 'a path item given by $ref is not supported: its operations would be missing from the client',
      });
    }
  }
  return problems;
}
