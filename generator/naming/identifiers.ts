// Identifier safety: every name the generator writes as code goes through one of these.
import { OPERATION_PARAMETERS, RESERVED_WORDS } from './taken.js';

const RESERVED = new Set(RESERVED_WORDS);

export const isIdentifier = (text: string): boolean => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text);

export function isReservedWord(name: string): boolean {
  return RESERVED.has(name);
}

/** Never empty, never starting with a digit: `1st` → `_1st`. */
export function startsAsIdentifier(name: string): string {
  return name === '' || /^[0-9]/.test(name) ? '_' + name : name;
}

/** The first of `wanted`, `wanted_`, `wanted__`, … that `taken` does not hold; it is added to `taken`. */
export function freeName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  while (taken.has(name)) name += '_';
  taken.add(name);
  return name;
}

/** A function parameter may be neither a reserved word nor one of the parameters beside it. */
export function safeParameterName(name: string): string {
  return RESERVED.has(name) || OPERATION_PARAMETERS.includes(name) ? name + '_' : name;
}
