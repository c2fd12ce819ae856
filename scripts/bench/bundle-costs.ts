// What each runtime behaviour costs in a bundle, measured rather than estimated: the same program is
// bundled again with the behaviour's functions replaced by no-ops (an esbuild plugin rewrites those
// declarations as it loads the runtime module), and the gzip difference is its cost. The calls to
// the replaced functions stay, so each figure is what the behaviour's own code adds. A declaration
// that is gone, or a replacement that saves nothing, stops the bench: BEHAVIOURS must follow the runtime.
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export interface Behaviour {
  readonly name: string;
  /** By runtime module (`retry.ts`), the top-level functions or constants replaced, by name: the stand-in's text. */
  readonly replace: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export const BEHAVIOURS: readonly Behaviour[] = [
  {
    name: 'retries: which failures, backoff with jitter, Retry-After',
    replace: {
      'retry.ts': {
        shouldRetry: 'function shouldRetry(..._: unknown[]) { return false; }',
        retryAfterMs: 'function retryAfterMs(..._: unknown[]) { return 0; }',
        retryDelayMs: 'function retryDelayMs(..._: unknown[]) { return 0; }',
        sleep: 'async function sleep(..._: unknown[]) {}',
      },
    },
  },
  {
    name: "timeouts and aborts: a timer per attempt, the caller's signal forwarded",
    replace: { 'retry.ts': { timer: 'function timer(..._: unknown[]) { return () => {}; }' } },
  },
  {
    name: 'typed errors: a class per kind, the response-to-class mapping',
    replace: {
      'errors.ts': {
        errorClass: 'function errorClass(..._: unknown[]): any { return ApiError; }',
        errorFromResponse: 'function errorFromResponse(status: number, ..._: unknown[]) { return new ApiError(String(status)); }',
      },
      'vendors/stripe/errors.ts': { stripeErrors: 'const stripeErrors = (..._: unknown[]) => ({});' },
    },
  },
  {
    name: 'header value checks: no CR/LF/NUL smuggling, a secret never echoed',
    replace: { 'headers.ts': { checkHeaderValue: 'function checkHeaderValue(_: string, value: string) { return value; }' } },
  },
  {
    name: 'pagination: `for await` across pages, `toArray({ limit })`',
    replace: { 'pagination.ts': { listPromise: 'function listPromise(first: any, ..._: unknown[]) { return first; }' } },
  },
  {
    name: 'response-size bound: a streamed read, cancelled past `maxResponseBytes`',
    replace: {
      'response.ts': {
        readBodyBytes: 'async function readBodyBytes(res: Response, ..._: unknown[]) { return new Uint8Array(await res.arrayBuffer()); }',
      },
    },
  },
  {
    name: 'query encoding: Stripe brackets, RFC 3986 escapes, the form style',
    replace: {
      'form-encode.ts': {
        appendBracketPairs: 'function appendBracketPairs(out: string[], key: string, value: unknown, ..._: unknown[]) { out.push(key + "=" + value); }',
        encodeComponent: 'function encodeComponent(s: string) { return s; }',
      },
      'query-encode.ts': { formQuery: 'const formQuery = (out: string[], key: string, value: unknown) => { out.push(key + "=" + value); };' },
    },
  },
  {
    name: 'path parameters: escaped, `.`, `..` and empty refused',
    replace: { 'path.ts': { buildPath: 'function buildPath(template: string, ..._: unknown[]) { return template; }' } },
  },
  {
    name: 'option checks: integer ranges',
    replace: { 'transport.ts': { limits: 'function limits(given: any, fallback: any) { return { ...fallback, ...given }; }' } },
  },
  {
    name: "auth: the operation's requirement alternatives, each credential checked",
    replace: {
      'auth.ts': {
        credentialsFor: 'function credentialsFor(security: any, _: unknown, given: any) { return (security[0] ?? []).map((o: string) => [o, given(o)]); }',
        credentialValue: 'function credentialValue(_: string, scheme: any, credential: any) { return scheme.value ? scheme.value(credential) : credential; }',
      },
    },
  },
  {
    name: 'connection-failure message: the cause, the retries, the key scrubbed',
    replace: {
      'transport.ts': { connectionError: 'function connectionError(cause: unknown, ..._: unknown[]) { return new ConnectionError(String(cause)); }' },
    },
  },
  {
    name: 'User-Agent: client and appInfo, left out in browsers',
    replace: { 'transport.ts': { userAgentOf: 'function userAgentOf(client: string | undefined, ..._: unknown[]) { return client; }' } },
  },
];

/** Measured in a program whose call sends a form body (a GET's bundle holds no body encoder). */
export const FORM_BODY: Behaviour = {
  name: "form body encoder: Stripe bracket notation (shares the query encoder's brackets)",
  replace: { 'form-encode.ts': { formEncode: "function formEncode(..._: unknown[]) { return ''; }" } },
};

/**
 * The source of `module` with each named top-level declaration replaced. The runtime is
 * prettier-formatted: a function runs from its `function name` line to the next `}` in column 0,
 * a constant to the first `;` that ends a line not followed by an indented or closing line.
 */
function withReplacements(source: string, module: string, replacements: Readonly<Record<string, string>>): string {
  let out = source;
  for (const [name, text] of Object.entries(replacements)) {
    const start = out.search(new RegExp(`^(export )?((async )?function\\*? ?|const )${name}\\b`, 'm'));
    if (start < 0) throw new Error(`no declaration of ${name} in ${module}: update BEHAVIOURS`);
    const isConst = /^(export )?const /.test(out.slice(start));
    const end = isConst ? out.slice(start).search(/;\n(?![ \t}])/) + start + 1 : out.indexOf('\n}\n', start) + 2;
    if (end <= start) throw new Error(`no end to the declaration of ${name} in ${module}`);
    out = out.slice(0, start) + (out.startsWith('export ', start) ? 'export ' : '') + text + out.slice(end);
  }
  return out;
}

/** An esbuild plugin that loads the runtime modules with the behaviours' declarations replaced. */
function replacing(runtimeDir: string, behaviours: readonly Behaviour[]): Plugin {
  return {
    name: 'replace-runtime-declarations',
    setup(b) {
      b.onLoad({ filter: /\/runtime\/.+\.ts$/ }, (args) => {
        if (!args.path.startsWith(runtimeDir + '/')) return undefined;
        const module = args.path.slice(runtimeDir.length + 1);
        const mine = behaviours.flatMap((x) => (x.replace[module] ? [x.replace[module]] : []));
        if (!mine.length) return undefined;
        const contents = mine.reduce((text, replacements) => withReplacements(text, module, replacements), readFileSync(args.path, 'utf8'));
        return { contents, loader: 'ts' };
      });
    },
  };
}

const gzipped = async (options: BuildOptions): Promise<number> => {
  const out = await build({ ...options, write: false });
  return gzipSync(out.outputFiles![0]!.contents, { level: 9 }).length;
};

export interface Cost {
  readonly name: string;
  /** The runtime modules whose code it is. */
  readonly modules: readonly string[];
  /** Gzipped bytes the bundle loses when this behaviour goes, after the ones before it. */
  readonly gzipped: number;
}

/**
 * Removes the behaviours one after another, in their order, and reports each step's gzip
 * saving: code two behaviours share (the timer under both backoff and timeouts) counts for the
 * first to go, and the savings add up to the bundle minus `rest`, what remains with none of them.
 */
export async function behaviourCosts(
  options: BuildOptions,
  runtimeDir: string,
  behaviours: readonly Behaviour[] = BEHAVIOURS,
): Promise<{ whole: number; costs: Cost[]; rest: number }> {
  const whole = await gzipped(options);
  const costs: Cost[] = [];
  let before = whole;
  for (let i = 0; i < behaviours.length; i++) {
    const behaviour = behaviours[i]!;
    const after = await gzipped({ ...options, plugins: [replacing(runtimeDir, behaviours.slice(0, i + 1))] });
    if (after >= before) throw new Error(`replacing ${Object.keys(behaviour.replace).join(', ')} code for "${behaviour.name}" saved nothing: is it still in the bundle?`);
    costs.push({ name: behaviour.name, modules: Object.keys(behaviour.replace), gzipped: before - after });
    before = after;
  }
  return { whole, costs, rest: before };
}
