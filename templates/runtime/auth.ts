// Auth as the spec declares it: each security scheme the client uses is one client option holding its
// credential (a token, an API key, a user name and password), sent the way the scheme says. Per call,
// the operation's requirement (or the document's) decides which credentials go. The generated client
// names only its spec's schemes, so a bundle holds only those.
import { checkHeaderValue } from './headers.js';

/**
 * A credential as given: the value itself, or a function giving it (sync or async), asked before
 * each call, so a token that rotates or is refreshed is always the current one.
 */
export type Credential<T = string> = T | (() => T | Promise<T>);

/** HTTP Basic's credential (RFC 7617: the user name may not contain a colon). */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

/** How one scheme sends its credential: in the header, query parameter or cookie `name`. */
export interface AuthScheme {
  readonly in: 'header' | 'query' | 'cookie';
  readonly name: string;
  /**
   * What is sent for the credential given in `option` (`Bearer <token>`); absent: the credential
   * itself. Throws a TypeError naming the option for a credential it cannot send.
   */
  readonly value?: (credential: never, option: string) => string;
}

/**
 * Security requirements: alternatives, each the options whose credentials are sent together.
 * An empty alternative, or no alternative at all, lets the call go without credentials.
 */
export type Security = readonly (readonly string[])[];

/** `Authorization: Bearer <token>`: http bearer, and OAuth2 or OpenID Connect access tokens. */
export const bearerAuth: AuthScheme = {
  in: 'header',
  name: 'Authorization',
  value: (token: string) => 'Bearer ' + token,
};

/**
 * HTTP Basic: `{ username, password }`. btoa takes Latin-1 only, so go through UTF-8 bytes: any
 * name and password can be encoded.
 */
export const basicAuth: AuthScheme = {
  in: 'header',
  name: 'Authorization',
  value: ({ username, password }: BasicCredentials, option: string) => {
    if (typeof password !== 'string' || typeof username !== 'string' || username.includes(':')) {
      throw new TypeError(
        `${option} must be { username, password }, the user name without a colon`,
      );
    }
    return (
      'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(username + ':' + password)))
    );
  },
};

/** The spec's `apiKey` scheme: the key itself in the header, query parameter or cookie `name`. */
export const apiKeyAuth = (at: AuthScheme['in'], name: string): AuthScheme => ({
  in: at,
  name,
});

/**
 * What `scheme` sends for the credential given in `option`; a TypeError naming the option (never
 * repeating the credential) when there is none it can send.
 */
export function credentialValue(option: string, scheme: AuthScheme, credential: unknown): string {
  const value = scheme.value && credential ? scheme.value(credential as never, option) : credential;
  if (!value || typeof value !== 'string') {
    throw new TypeError(`${option} is required: pass your credentials as { ${option} }`);
  }
  return scheme.in === 'query' ? value : checkHeaderValue(option, value);
}

/**
 * The options whose credentials a call sends, each with the credential as given (`given` asks the
 * call's options, then the client's): those of the first alternative whose every option was given;
 * none when no such alternative exists but an empty one does (or none is declared); otherwise a
 * TypeError naming the options the call needs.
 */
export function credentialsFor(
  security: Security,
  schemes: Readonly<Record<string, AuthScheme>>,
  given: (option: string) => unknown,
): (readonly [string, unknown])[] {
  let anonymous = !security.length;
  for (const alternative of security) {
    if (!alternative.length) anonymous = true;
    else if (alternative.every((option) => schemes[option] && given(option) !== undefined)) {
      return alternative.map((option) => [option, given(option)]);
    }
  }
  if (anonymous) return [];
  throw new TypeError(
    `This call needs credentials the client was not given: ${security.map((a) => a.join(' and ')).join(', or ')}`,
  );
}
