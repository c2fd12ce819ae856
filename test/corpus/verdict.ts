// What a corpus run means: which results fail it, and the counts it prints.
import type { DocumentResult } from './run-corpus.js';
import { UNUSABLE } from './unusable.js';

export const keyOf = (r: DocumentResult) => `${r.document.corpus}/${r.document.name}`;

/** One line per failure: a crash, a client that does not compile, a refusal not reviewed, a stale review. */
export function failuresOf(results: readonly DocumentResult[]): string[] {
  return results.flatMap((r) => {
    const key = keyOf(r);
    if (r.outcome === 'crash' || r.outcome === 'does not compile' || r.outcome === 'not as prettier formats it') return [`${key}: ${r.outcome}`];
    if (r.outcome === 'refused' && UNUSABLE[key] === undefined) return [`${key}: refused, and not in test/corpus/unusable.ts`];
    if (r.outcome === 'compiles' && UNUSABLE[key] !== undefined) return [`${key}: generates now; remove it from test/corpus/unusable.ts`];
    return [];
  });
}

/** `orval: 163 documents, 162 compiling, 1 refused (unusable, reviewed)` per corpus. */
export function countsOf(results: readonly DocumentResult[]): string[] {
  const corpora = [...new Set(results.map((r) => r.document.corpus))];
  return corpora.map((corpus) => {
    const mine = results.filter((r) => r.document.corpus === corpus);
    const count = (outcome: DocumentResult['outcome']) => mine.filter((r) => r.outcome === outcome).length;
    const parts = [`${count('compiles')} compiling`];
    const reviewed = mine.filter((r) => r.outcome === 'refused' && UNUSABLE[keyOf(r)] !== undefined).length;
    if (reviewed > 0) parts.push(`${reviewed} refused as reviewed unusable`);
    if (count('refused') - reviewed > 0) parts.push(`${count('refused') - reviewed} refused`);
    if (count('crash') > 0) parts.push(`${count('crash')} crashed`);
    if (count('not as prettier formats it') > 0) parts.push(`${count('not as prettier formats it')} not as prettier formats them`);
    if (count('does not compile') > 0) parts.push(`${count('does not compile')} do not compile`);
    const operations = mine.reduce((sum, r) => sum + r.operations, 0);
    return `${corpus}: ${mine.length} document${mine.length === 1 ? '' : 's'}, ${parts.join(', ')} (${operations} operations)`;
  });
}
