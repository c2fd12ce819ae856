// Word splitting and casing: the building blocks of every generated name.

/** Words of an identifier-ish string: split on anything that is not a letter or digit, and on case changes. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
}

export function pascalCase(text: string): string {
  return words(text)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** `financial_connections` → `financialConnections`; `1st` → `_1st`, so the result can always start an identifier. */
export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  const camel = pascal.charAt(0).toLowerCase() + pascal.slice(1);
  return /^[0-9]/.test(camel) ? '_' + camel : camel;
}

/** `financialConnections` → `financial-connections`: resource file and folder names. */
export function kebabCase(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** `functionName` → `FUNCTION_NAME`. */
export function screamingCase(text: string): string {
  return words(text)
    .map((w) => w.toUpperCase())
    .join('_');
}

/** English singular for resource nouns: enough for API paths, not a general inflector. */
export function singular(word: string): string {
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(xes|ches|shes|sses|zzes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
