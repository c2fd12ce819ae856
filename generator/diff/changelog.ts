// What a spec diff cannot see, and where to read about it. Behaviour never shows in a spec (a
// default that changed, a parameter that became required only in some flows), so every text and
// markdown report ends by saying so, with the vendor's changelog when the spec is known to have one.
import type { ApiModel } from '../model/ir.js';
import { profileNamed } from '../profiles/choose.js';
import type { SpecSummary } from './change.js';

/** The page that describes this version's changes, when the vendor publishes one (its profile knows). */
export function changelogOf(model: ApiModel): SpecSummary['changelog'] {
  return profileNamed(model.profile).changelogOf(model.apiVersion);
}

/** The report's last line; `link` prints a URL as the format wants it. */
export function unseenLine(after: SpecSummary, link: (url: string) => string = (url) => url): string {
  const unseen = 'A spec diff cannot see behaviour (a default that changed, a parameter required only in some flows)';
  return after.changelog
    ? `${unseen}: read ${after.changelog.name} up to ${after.apiVersion} too, ${link(after.changelog.url)}`
    : `${unseen}: read the API's changelog too.`;
}
