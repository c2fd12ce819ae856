// The profile of an API with no known vendor conventions: nothing added to what the spec says.
import type { Profile } from './profile.js';

export const genericProfile: Profile = {
  name: 'generic',
  matches: () => true,
  versionHeader: null,
  namesClientInUserAgent: true,
  runtimeModule: null,
  bracketBodies: false,
  auth: null,
  sdkNameOf: () => undefined,
  envelopeOf: () => undefined,
  changelogOf: () => undefined,
  eventTypes: () => [],
};
