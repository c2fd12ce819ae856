// The prettier options the generated code is formatted as. The generator does not run prettier
// (emit/layout.ts prints in its style); the tests format every generated file with these options
// and require no change, and the runtime templates are held to them the same way.
export const PRETTIER_OPTIONS = {
  parser: 'babel-ts',
  printWidth: 100,
  singleQuote: true,
  trailingComma: 'all',
  endOfLine: 'lf',
} as const;
