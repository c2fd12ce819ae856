// How many of an official SDK's methods a model has under the SDK's own dotted name with the same
// positional path arguments: the one measure of Stripe's (test/stripe/sdk-names.test.ts) and
// Octokit's (test/vendors/github-names.test.ts) names.
import type { ApiModel } from '../../generator/model/ir.js';
import { operationKey } from '../../generator/profiles/stripe/naming.js';

/** One SDK method: its dotted name, HTTP method, path template and path arguments in order. */
export interface SdkRoute {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly args: readonly string[];
}

export interface Parity {
  readonly found: number;
  readonly total: number;
  readonly misnamed: readonly string[];
  /** SDK methods whose operation the spec does not have. */
  readonly outsideSpec: readonly string[];
}

export function parity(model: ApiModel, routes: readonly SdkRoute[]): Parity {
  const ops = new Map(model.operations.map((o) => [operationKey(o.method, o.path), o]));
  const misnamed: string[] = [];
  const outsideSpec: string[] = [];
  let found = 0;
  for (const route of routes) {
    const op = ops.get(operationKey(route.method, route.path));
    if (!op) {
      outsideSpec.push(route.name);
      continue;
    }
    const ours = [...op.resource, op.methodName].join('.');
    if (ours === route.name && op.parameters.path.length === route.args.length) found++;
    else misnamed.push(`${route.name}(${route.args.join(', ')}) is ${ours}(${op.parameters.path.map((p) => p.name).join(', ')})`);
  }
  return { found, total: routes.length - outsideSpec.length, misnamed, outsideSpec };
}

export const percent = (p: Parity) => `${((100 * p.found) / p.total).toFixed(1)}% (${p.found} of ${p.total})`;
