// The real-world corpus as a test, so that CI's count includes it: orval's test specs, DigitalOcean's
// API and GitHub's API each generate a client that is as prettier prints it and compiles under strict
// TypeScript 7, or are documents reviewed as unusable (unusable.ts). `npm run corpus` prints the
// same run document by document.
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../support/paths.js';
import { corpusDocuments, type CorpusDocument } from './documents.js';
import { runCorpus } from './run-corpus.js';
import { countsOf, failuresOf } from './verdict.js';

const documents = corpusDocuments();
const corpora: { readonly corpus: CorpusDocument['corpus']; readonly title: string }[] = [
  { corpus: 'orval', title: "orval's test specs" },
  { corpus: 'digitalocean', title: "DigitalOcean's public API" },
  { corpus: 'github', title: "GitHub's REST API (@octokit/openapi)" },
];

describe('real-world documents generate clients that compile', () => {
  for (const { corpus, title } of corpora) {
    const mine = documents.filter((d) => d.corpus === corpus);
    it.skipIf(mine.length === 0)(`${title}: every document, or it is reviewed as unusable`, async () => {
      const results = await runCorpus(mine, scratchDir(`corpus-${corpus}`));
      console.log(countsOf(results).join('\n'));
      expect(failuresOf(results)).toEqual([]);
      expect(results.filter((r) => r.outcome === 'compiles').length).toBeGreaterThan(0);
    }, 600_000);
  }
});
