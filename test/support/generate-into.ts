// Generates a client in memory and writes its files under a directory, for tests that compile or
// import it (the CLI's own writing is tested elsewhere).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateFiles, type GenerateOptions } from '../../generator/generate.js';

export async function generateInto(spec: string, out: string, options: GenerateOptions = {}): Promise<void> {
  for (const file of (await generateFiles(spec, options)).files) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.contents);
  }
}
