// Stripe's operations under the official SDK's names: a lookup in the table derived from the SDK
// (sdk-names.ts), by HTTP method and path. Operations the SDK does not know keep the generic rule.
import { SDK_NAMES } from './sdk-names.js';

/** `POST /v1/invoices/{invoice}/finalize` → `POST /v1/invoices/{}/finalize`: parameter names vary between versions, positions do not. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/\{[^}]*\}/g, '{}')}`;
}

const BY_KEY = new Map(Object.entries(SDK_NAMES).map(([key, name]) => [operationKey(...(key.split(' ') as [string, string])), name]));

/** The SDK's dotted name for an operation (`invoices.finalizeInvoice`), when it has one. */
export function sdkNameOf(method: string, path: string): string | undefined {
  return BY_KEY.get(operationKey(method, path));
}
