// One tiny spec per feature; its generated files are kept next to it as real `.ts` snapshots a
// reviewer can read (runtime files are copies of templates/runtime and are not repeated here).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../../generator/generate.js';
import { fixture } from '../support/paths.js';

const features = readdirSync(fixture('generator/fixtures'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe.each(features)('the %s fixture', (feature) => {
  it('generates the reviewed output', async () => {
    const { files, warnings } = await generateFiles(fixture('generator/fixtures', feature, 'spec.yaml'));
    expect(warnings).toEqual([]);
    const own = files.filter((f) => !f.path.startsWith('runtime/') && f.path.endsWith('.ts'));
    expect(own.length).toBeGreaterThan(0);
    for (const file of own) {
      await expect(file.contents).toMatchFileSnapshot(fixture('generator/fixtures', feature, 'out', file.path));
    }
  });
});
