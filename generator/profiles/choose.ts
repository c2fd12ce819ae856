// Picks the profile for a document: a vendor's when its style is recognised, else the generic one.
// A second vendor is one more file and one more entry here.
import { genericProfile } from './generic.js';
import { githubProfile } from './github.js';
import type { Profile } from './profile.js';
import { stripeProfile } from './stripe/profile.js';

const VENDORS: readonly Profile[] = [stripeProfile, githubProfile];

export function profileFor(document: Readonly<Record<string, unknown>>): Profile {
  return VENDORS.find((p) => p.matches(document)) ?? genericProfile;
}

/** The profile a model was built with (`ApiModel.profile`), for those that read the model, not the document. */
export function profileNamed(name: string): Profile {
  return VENDORS.find((p) => p.name === name) ?? genericProfile;
}
