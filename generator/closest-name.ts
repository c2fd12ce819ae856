// "Did you mean …?": the known name a mistyped one is closest to, for the CLI's flags and a
// dangling $ref's target. Two edits at most (one for a name of four letters or fewer, where two
// edits make another word: `out` is not a typo of `emit`), so that an unrelated name is not offered.

/**
 * The names of `known` within two edits of `given` (a letter added, dropped, changed, or two
 * swapped), those nearest only: `Petz` is as near to `Pet` as to `Pets`, and both are offered.
 */
export function closestNames(given: string, known: Iterable<string>): string[] {
  let best: string[] = [];
  let bestDistance = given.length <= 4 ? 2 : 3;
  for (const name of known) {
    if (name === given) continue;
    const distance = editDistance(given.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [[name], distance];
    else if (distance === bestDistance) best.push(name);
  }
  return best;
}

/** `a`, `a or b`, `a, b or c`: the names offered after "did you mean". */
export function alternatives(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** Levenshtein distance, with a swap of two neighbours counted as one edit (`sepc` → `spec`). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
