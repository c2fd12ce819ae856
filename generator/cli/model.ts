// `model`: prints the intermediate model as JSON, for the client the flags or the config file
// name, with its overlays, base specs and operation selection applied as generate would.
import { GeneratorError } from '../errors.js';
import { modelHelp, parseModelArgs } from './args.js';
import { selectClients } from './clients.js';
import { GENERATOR_VERSION } from '../version.js';

export async function run(argv: readonly string[], usage: string): Promise<number> {
  const args = parseModelArgs(argv);
  if (args.help) {
    console.log(modelHelp(usage));
    return 0;
  }
  if (args.version) {
    console.log(GENERATOR_VERSION);
    return 0;
  }
  const { clients } = selectClients(args);
  if (clients.length > 1) {
    throw new GeneratorError(`the config lists ${clients.length} clients; the model is printed for one`, [], `add --client <name>, one of: ${clients.map((c) => c.name).join(', ')}`);
  }
  const client = clients[0]!;
  const { readModel } = await import('../generate.js');
  const { model } = await readModel(client.spec, client.options);
  process.stdout.write(JSON.stringify(model, null, 2) + '\n');
  return 0;
}
