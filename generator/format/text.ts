// Prettier with fixed options, so output never depends on a user's prettier config. The babel-ts
// parser prints exactly what the typescript parser does for our output (checked on the whole
// Stripe spec's 265 files) and parses faster.
import { format } from 'prettier';

export const PRETTIER_OPTIONS = {
  parser: 'babel-ts',
  printWidth: 100,
  singleQuote: true,
  trailingComma: 'all',
  endOfLine: 'lf',
} as const;

export function formatText(text: string): Promise<string> {
  return format(text, PRETTIER_OPTIONS);
}
