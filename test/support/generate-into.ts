// Generates a client in memory and writes its files under a directory, for tests that compile or
// import it (the CLI's own writing is tested elsewhere).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateFiles } from '../../generator/generate.js';

export async function generateInto(spec: string, out: string): Promise<void> {
  for (const file of (await generateFiles(spec)).files) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.contents);
  }
}
