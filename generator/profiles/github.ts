// GitHub's conventions: its descriptions (github/rest-api-description, @octokit/openapi) declare no
// security, yet every call takes a token, as Octokit's `auth` option sends it (`Authorization:
// Bearer …`): public data without one, a signed-in user's with it. Everything else is generic.
import type { Profile } from './profile.js';
import { genericProfile } from './generic.js';

type Raw = Record<string, unknown>;

export const githubProfile: Profile = {
  ...genericProfile,
  name: 'github',
  matches: isGitHubSpec,
  auth: {
    schemes: [{ name: 'auth', option: 'auth', type: 'http', scheme: 'bearer' }],
    // Every call: the token when the client has one, else none.
    requirement: () => [['auth'], []],
  },
};

/** Served from api.github.com, or (Enterprise Server) with GitHub's `x-github` on its operations. */
function isGitHubSpec(document: Readonly<Raw>): boolean {
  const servers = Array.isArray(document.servers) ? (document.servers as unknown[]) : [];
  if (servers.some((s) => /^https?:\/\/api\.github\.com(\/|$)/.test(String((s as Raw | null)?.url)))) return true;
  const paths = (document.paths ?? {}) as Raw;
  return Object.values(paths).some((item) => Object.values((item ?? {}) as Raw).some((op) => op !== null && typeof op === 'object' && 'x-github' in op));
}
