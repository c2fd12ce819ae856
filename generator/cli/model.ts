// `model`: prints the intermediate model as JSON, for the client the flags or the config file
// name, with its overlays, base specs and operation selection applied as generate would.
import { GeneratorError } from '../errors.js';
import { modelHelp, parseModelArgs } from './args.js';
import { selectClients } from './clients.js';

export async function run(argv: readonly string[], usage: string): Promise<number> {
  const args = parseModelArgs(argv);
  if (args.help) {
    console.log(modelHelp(usage));
    return 0;
  }
  const { clients } = selectClients(args);
  if (clients.length > 1) {
    throw new GeneratorError(`the config lists ${clients.length} clients; the model is printed for one`, [], `add --client <name>, one of: ${clients.map((c) => c.name).join(', ')}`);
  }
  const client = clients[0]!;
  const [{ readSpec }, { buildModel }, { selectOperations }] = await Promise.all([
    import('../parse/read-spec.js'),
    import('../model/build-model.js'),
    import('../model/select.js'),
  ]);
  const { include = [], overlays = [], resolveFrom = [], pruneExternal = false } = client.options;
  const { model } = buildModel(readSpec(client.spec, { overlays, resolveFrom }));
  process.stdout.write(JSON.stringify(selectOperations(model, include, { pruneExternal }), null, 2) + '\n');
  return 0;
}
