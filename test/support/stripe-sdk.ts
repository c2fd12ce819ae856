// The official SDK's own facts about its methods, read from the installed package: every
// resource the client object holds (walked as a user reaches them, `stripe.testHelpers.issuing.cards`),
// every method on it, and the spec it was declared with (HTTP method, path, path arguments).
// A method's spec is only visible to the request it makes, so each method is called once with its
// request step replaced by one that hands the spec back: nothing is sent.

export interface SdkMethod {
  /** The dotted name a user calls, e.g. `invoices.finalizeInvoice`. */
  readonly name: string;
  readonly method: string;
  /** Path template as the SDK declares it, e.g. `/v1/invoices/{invoice}/finalize`. */
  readonly path: string;
  /** The positional path arguments, in order. */
  readonly args: readonly string[];
  /** `list` or `search` for auto-paginated methods. */
  readonly methodType?: string;
}

export interface SdkSurface {
  readonly methods: readonly SdkMethod[];
  /** Methods the SDK declares without a path on the API (OAuth on connect.stripe.com). */
  readonly pathless: readonly string[];
}

interface MethodSpec {
  readonly method: string;
  readonly fullPath?: string;
  readonly urlParams: string[];
  readonly methodType?: string;
}

type Node = Record<string, unknown> & { _makeRequest?: unknown };

export async function officialSdk(pkg: 'stripe' | 'stripe-13'): Promise<SdkSurface> {
  const { default: Stripe } = (await import(pkg)) as { default: new (key: string) => Node };
  const stripe = new Stripe('sk_test_facts');
  const methods: SdkMethod[] = [];
  const pathless: string[] = [];
  const seen = new Set<unknown>();
  const walk = (node: Node, prefix: string[]) => {
    for (const key of Object.keys(node)) {
      const child = node[key] as Node | null;
      if (key.startsWith('_') || !child || typeof child !== 'object' || seen.has(child)) continue;
      const isResource = typeof child._makeRequest === 'function';
      if (!isResource && child.constructor?.name !== 'ResourceNamespace') continue;
      seen.add(child);
      // `stripe.account` is a second, untyped name for `stripe.accounts` (the package's
      // index.d.ts declares only `accounts`): the same class, not more methods.
      if (prefix.length === 0 && key === 'account') continue;
      if (isResource) collect(child, [...prefix, key]);
      walk(child, [...prefix, key]);
    }
  };
  const collect = (resource: Node, path: string[]) => {
    resource._makeRequest = (_args: unknown, spec: MethodSpec) => {
      throw { spec };
    };
    for (const name of methodNames(resource)) {
      try {
        (resource[name] as (...args: unknown[]) => unknown).call(resource, 'a', 'b', 'c');
      } catch (thrown) {
        const spec = (thrown as { spec?: MethodSpec }).spec;
        if (!spec) continue;
        const dotted = [...path, name].join('.');
        if (spec.fullPath === undefined) pathless.push(dotted);
        else methods.push({ name: dotted, method: spec.method, path: spec.fullPath, args: spec.urlParams, ...(spec.methodType ? { methodType: spec.methodType } : {}) });
      }
    }
  };
  walk(stripe, []);
  return { methods: methods.sort((a, b) => (a.name < b.name ? -1 : 1)), pathless: pathless.sort() };
}

/** The methods a resource object answers to, own and inherited, except the SDK's internals. */
function methodNames(resource: Node): string[] {
  const names = new Set<string>();
  for (let p: object | null = resource; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const n of Object.getOwnPropertyNames(p)) names.add(n);
  }
  return [...names].filter((n) => n !== 'constructor' && !n.startsWith('_') && typeof resource[n] === 'function').sort();
}
