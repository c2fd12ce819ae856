import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { PRETTIER_OPTIONS } from './generator/format/text.js';
for (const f of process.argv.slice(2)) writeFileSync(f, await format(readFileSync(f, 'utf8'), PRETTIER_OPTIONS));
