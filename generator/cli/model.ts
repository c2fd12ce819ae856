// `npm run model -- --spec <file>`: prints the intermediate model as JSON.
import { buildModel } from '../model/build-model.js';
import type { NameSource } from '../naming/client-names.js';
import { readAnySpec } from '../parse/read-spec.js';
import { parseCliArgs } from './args.js';
import { runCli } from './run-cli.js';

const argv = process.argv.slice(2);
await runCli(async () => {
  const options = parseCliArgs(argv);
  const { model } = buildModel(await readAnySpec(options.spec, { strict: options.strict }), { names: options.names as NameSource });
  process.stdout.write(JSON.stringify(model, null, 2) + '\n');
  return 0;
}, argv.includes('--debug'));
