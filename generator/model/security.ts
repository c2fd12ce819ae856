// OpenAPI security (§4.8.27, §4.8.30) → the IR: the schemes the client takes credentials for, each
// with its client option, and per operation the requirement alternatives by scheme name. A vendor
// whose clients authenticate otherwise than its spec declares (Stripe's one secret key, GitHub's
// undeclared token) says so in its profile (generator/profiles/).
import { escapePointerToken, type Problem } from '../errors.js';
import { credentialOptions } from '../naming/credential-options.js';
import type { Profile } from '../profiles/profile.js';
import type { Security, SecurityScheme } from './ir.js';

type Raw = Record<string, unknown>;

/** The declared schemes (or the profile's), sorted by name; a scheme fetch cannot send is warned about. */
export function securitySchemesOf(document: Raw, profile: Profile, file: string, warnings: Problem[]): SecurityScheme[] {
  if (profile.auth) return [...profile.auth.schemes];
  const raw = (((document.components ?? {}) as Raw).securitySchemes ?? {}) as Raw;
  const names = Object.keys(raw).sort();
  const options = credentialOptions(names);
  return names.flatMap((name): SecurityScheme[] => {
    const s = (raw[name] ?? {}) as Raw;
    const option = options.get(name)!;
    const scheme: SecurityScheme | undefined =
      s.type === 'http'
        ? { name, option, type: 'http', scheme: String(s.scheme ?? '').toLowerCase() }
        : s.type === 'apiKey' && (s.in === 'header' || s.in === 'query' || s.in === 'cookie')
          ? { name, option, type: 'apiKey', in: s.in, paramName: String(s.name ?? '') }
          : s.type === 'oauth2' || s.type === 'openIdConnect' || s.type === 'mutualTLS'
            ? { name, option, type: s.type }
            : undefined;
    if (!scheme || !isSendable(scheme)) {
      warnings.push({
        file,
        pointer: `#/components/securitySchemes/${escapePointerToken(name)}`,
        message: `a scheme the client cannot send (type ${String(s.type)}${s.type === 'http' ? `, scheme ${String(s.scheme)}` : ''}): a call that needs it fails before sending`,
      });
    }
    return scheme ? [scheme] : [];
  });
}

/** What the runtime can send: bearer and basic, an API key, OAuth2 and OpenID Connect tokens (as bearer). */
export function isSendable(scheme: SecurityScheme): boolean {
  if (scheme.type === 'http') return scheme.scheme === 'bearer' || scheme.scheme === 'basic';
  return scheme.type !== 'mutualTLS';
}

/**
 * A `security` value (the operation's, or the document's when it has none; undefined where neither
 * declares one) as requirement alternatives by scheme name; the profile's reading where it has one.
 */
export function securityOf(declared: unknown, profile: Profile): Security {
  const alternatives = Array.isArray(declared)
    ? declared.map((r) => (r !== null && typeof r === 'object' ? Object.keys(r as Raw) : []))
    : undefined;
  return profile.auth ? profile.auth.requirement(alternatives) : (alternatives ?? []);
}
