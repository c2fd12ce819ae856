// Command-line flags for `npm run generate` and `npm run model`, parsed with node:util and
// documented in one place (`--help` prints HELP).
import { parseArgs } from 'node:util';
import { GeneratorError } from '../errors.js';

export const DEFAULT_SPEC = 'spec/stripe-financial-connections-2023-10-16.yaml';
export const DEFAULT_OUT = 'generated';

export const HELP = `Usage: npm run generate -- [options]

Generates a TypeScript client from an OpenAPI 3.0/3.1 spec.

Options:
  --spec <file>   the spec to read (YAML or JSON)       default: ${DEFAULT_SPEC}
  --out <dir>     where the client is written            default: ${DEFAULT_OUT}
  --include <glob> keep only matching operations (repeatable): a path glob such as
                  '/v1/financial_connections/**', or 'tag:<name>'; schemas follow their references
  --overlay <file> apply an OpenAPI Overlay 1.0 document before reading (repeatable, in order)
  --resolve-from <spec>
                  fill dangling $refs from a base spec, e.g. the whole API a slice was cut from
                  (repeatable; tried in order)
  --prune-external
                  with --include: resources reached only through expansions that lead outside
                  the slice become small open types (id, object, further properties unknown)
  --names <from>  where method names come from: 'path' (the naming rule, default) or
                  'operation-id' (each operation's operationId, for specs whose authors curate them)
  --strict        treat every warning as an error (a spec the OpenAPI schema finds fault with,
                  a construct typed as unknown, a name changed to avoid a collision)
  --check         write nothing; exit 1 naming the files that differ from a fresh generation
  --quiet         print nothing but errors
  --debug         on an internal error, print the stack trace
  --help          this text

Also: npm run model -- --spec <file>   prints the intermediate model as JSON.`;

export interface CliOptions {
  readonly spec: string;
  readonly out: string;
  readonly include: readonly string[];
  readonly overlay: readonly string[];
  readonly 'resolve-from': readonly string[];
  readonly 'prune-external': boolean;
  readonly names: string;
  readonly strict: boolean;
  readonly check: boolean;
  readonly quiet: boolean;
  readonly debug: boolean;
  readonly help: boolean;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        spec: { type: 'string', default: DEFAULT_SPEC },
        out: { type: 'string', default: DEFAULT_OUT },
        include: { type: 'string', multiple: true, default: [] },
        overlay: { type: 'string', multiple: true, default: [] },
        'resolve-from': { type: 'string', multiple: true, default: [] },
        'prune-external': { type: 'boolean', default: false },
        names: { type: 'string', default: 'path' },
        strict: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.names !== 'path' && values.names !== 'operation-id') {
      throw new Error(`--names must be 'path' or 'operation-id', not '${values.names}'`);
    }
    return values as CliOptions;
  } catch (error) {
    throw new GeneratorError((error as Error).message, [], 'run with --help to see every flag');
  }
}
