// `npx tsx scripts/paging-report.ts [--list] [--only <regexp>]`: which operations of the real-world
// corpora (GitHub's, DigitalOcean's, orval's specs; test/corpus/documents.ts) answer with a list the
// client pages through, and in which style, as the model records it (`npm run model` shows one
// spec's operations with their `pagination`). One line of counts per corpus; `--list` adds every
// paged operation.
import { parseArgs } from 'node:util';
import { buildModel } from '../generator/model/build-model.js';
import { readAnySpec } from '../generator/parse/read-spec.js';
import { corpusDocuments } from '../test/corpus/documents.js';

const { values } = parseArgs({ options: { only: { type: 'string' }, list: { type: 'boolean', default: false } }, strict: true });
const only = values.only === undefined ? undefined : new RegExp(values.only);
interface Tally {
  operations: number;
  lists: number;
  styles: Map<string, number>;
  lines: string[];
}
const byCorpus = new Map<string, Tally>();

for (const document of corpusDocuments().filter((d) => !only || only.test(`${d.corpus}/${d.name}`))) {
  let model;
  try {
    ({ model } = buildModel(await readAnySpec(document.file)));
  } catch {
    continue; // the corpus run reports documents that cannot be read (test/corpus/unusable.ts)
  }
  const tally: Tally = byCorpus.get(document.corpus) ?? { operations: 0, lists: 0, styles: new Map(), lines: [] };
  byCorpus.set(document.corpus, tally);
  tally.operations += model.operations.length;
  for (const op of model.operations) {
    const p = op.pagination;
    const isGet = op.method === 'get';
    if (isGet && (p || /^list/.test(op.methodName))) tally.lists++;
    if (!p) continue;
    const style = `${p.style}${p.source === 'detected' ? '' : ` (${p.source})`}`;
    tally.styles.set(style, (tally.styles.get(style) ?? 0) + 1);
    const how = [p.items && `items ${p.items}`, p.field && `field ${p.field}`, p.param && `param ${p.param}`, p.size && `size ${p.size}`, p.more && `more ${p.more}`, p.total && `total ${p.total}`].filter(Boolean).join(', ');
    tally.lines.push(`  ${document.name}: ${op.method.toUpperCase()} ${op.path} → ${[...op.resource, op.methodName].join('.')}: ${style}${how ? ` (${how})` : ''}`);
  }
}

for (const [corpus, tally] of byCorpus) {
  const paged = [...tally.styles.values()].reduce((a, b) => a + b, 0);
  const styles = [...tally.styles].sort((a, b) => b[1] - a[1]).map(([style, n]) => `${style} ${n}`).join(', ');
  console.log(`${corpus}: ${paged} of ${tally.operations} operations page (${styles || 'none'}); list GETs (answering an array, or named list*) that do not page: ${tally.lists - paged}`);
  if (values.list) console.log(tally.lines.join('\n'));
}
