// The client option that holds each security scheme's credential: the scheme's name in camelCase
// (`bearer_auth` → `bearerAuth`, `api_key` → `apiKey`), so a user finds it under the name the spec
// gives it. A name the client's own options already take gets `Auth` after it (`headers` →
// `headersAuth`); a name two schemes share, a number after the first.
import { camelCase } from './case.js';
import { CLIENT_OPTIONS } from './taken.js';

/** Each scheme name (in the order given) with its option name. */
export function credentialOptions(schemeNames: readonly string[]): Map<string, string> {
  const taken = new Set(CLIENT_OPTIONS);
  const options = new Map<string, string>();
  for (const name of schemeNames) {
    let option = camelCase(name) || 'credential';
    if (CLIENT_OPTIONS.includes(option)) option += 'Auth';
    for (let n = 2; taken.has(option); n++) option = option.replace(/\d*$/, String(n));
    taken.add(option);
    options.set(name, option);
  }
  return options;
}
