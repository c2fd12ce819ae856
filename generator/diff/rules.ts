// The compatibility profile: every rule the diff can report, with the severity it carries. A
// request that gets stricter or a response that loses something can break working code
// (breaking); a response whose closed set of values grows or shrinks breaks code written against
// the generated types, an exhaustive switch or a `case` for a value gone (warning); everything
// else is news (info).

export type Severity = 'breaking' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['breaking', 'warning', 'info'];

export interface Rule {
  readonly severity: Severity;
  /** Why it has that severity, for the README's profile table and `--help`. */
  readonly why: string;
}

export const RULES = {
  'operation-added': { severity: 'info', why: 'new calls are available' },
  'operation-removed': { severity: 'breaking', why: 'calls to it fail' },
  'operation-path-changed': { severity: 'breaking', why: 'the method now calls a different URL' },
  'operation-deprecated': { severity: 'warning', why: 'it still works, but plan to move off it' },
  'operation-reactivated': { severity: 'info', why: 'it is no longer deprecated' },
  'operation-sunset-set': { severity: 'warning', why: 'its removal is scheduled (`x-sunset`): plan to move off it' },
  'operation-sunset-moved-earlier': { severity: 'warning', why: 'less time to move off it' },
  'operation-removed-before-sunset': { severity: 'breaking', why: 'calls to it fail before the date it promised (`x-sunset`)' },
  'operation-removed-after-sunset': { severity: 'warning', why: 'calls to it fail, as announced: its sunset date had passed' },
  'operation-stability-decreased': { severity: 'breaking', why: '`x-stability-level` went down: it may now change without notice' },
  'operation-id-changed': {
    severity: 'breaking',
    why: 'clients named by `operationId` (this generator with `names: operation-id`, most others) rename the method',
  },
  'operation-tags-changed': { severity: 'warning', why: 'a tag it had is gone: clients grouped by tag move the method, `--include tag:` selects it no more' },
  'server-added': { severity: 'info', why: 'another base URL is documented' },
  'server-removed': { severity: 'breaking', why: 'calls to that base URL fail; a generated client may default to it' },

  'parameter-added': { severity: 'info', why: 'optional: existing calls are unaffected' },
  'parameter-added-required': { severity: 'breaking', why: 'existing calls lack it' },
  'parameter-removed': { severity: 'breaking', why: 'calls that send it are rejected' },
  'parameter-became-required': { severity: 'breaking', why: 'calls that omit it are rejected' },
  'parameter-became-optional': { severity: 'info', why: 'the request got looser' },
  'parameter-style-changed': { severity: 'breaking', why: 'the value is encoded differently on the wire' },
  'parameter-explode-changed': { severity: 'breaking', why: 'the value is encoded differently on the wire' },
  'parameter-deprecated': { severity: 'warning', why: 'it still works, but plan to stop sending it' },

  'security-alternative-added': { severity: 'info', why: 'calls may also authenticate this way' },
  'security-alternative-removed': { severity: 'breaking', why: 'calls that authenticate that way (or not at all) are rejected' },
  'security-scope-added': { severity: 'breaking', why: 'tokens without the new scope are rejected' },
  'security-scope-removed': { severity: 'info', why: 'fewer scopes are needed' },
  'security-scheme-changed': { severity: 'breaking', why: 'the credential is sent another way (type, header, query or cookie name)' },

  'request-body-media-type-changed': { severity: 'breaking', why: 'the body is encoded differently on the wire' },
  'request-body-became-required': { severity: 'breaking', why: 'calls without a body are rejected' },
  'request-property-added': { severity: 'info', why: 'optional: existing calls are unaffected' },
  'request-property-added-required': { severity: 'breaking', why: 'existing calls lack it' },
  'request-property-removed': { severity: 'breaking', why: 'calls that send it are rejected' },
  'request-property-became-required': { severity: 'breaking', why: 'calls that omit it are rejected' },
  'request-property-became-optional': { severity: 'info', why: 'the request got looser' },
  'request-type-changed': { severity: 'breaking', why: 'values that were accepted may now be rejected' },
  'request-type-widened': { severity: 'info', why: 'every value accepted before is still accepted' },
  'request-no-longer-nullable': { severity: 'breaking', why: 'sending null (Stripe: an empty value) is rejected' },
  'request-became-nullable': { severity: 'info', why: 'the request got looser' },
  'request-enum-value-added': { severity: 'info', why: 'a new value may be sent' },
  'request-enum-value-removed': { severity: 'breaking', why: 'calls that send it are rejected' },
  'request-union-variant-added': { severity: 'info', why: 'a new shape may be sent' },
  'request-union-variant-removed': { severity: 'breaking', why: 'calls that send that shape are rejected' },
  'request-media-type-added': { severity: 'info', why: 'the body may also be sent in another encoding' },
  'request-media-type-removed': { severity: 'breaking', why: 'calls that send that encoding are rejected' },
  'request-property-became-read-only': { severity: 'breaking', why: 'calls that send it are rejected (or it is ignored)' },
  'request-validation-narrowed': { severity: 'breaking', why: 'a value accepted before may now be rejected' },
  'request-validation-widened': { severity: 'info', why: 'every value accepted before is still accepted' },
  'request-validation-changed': { severity: 'breaking', why: 'the rule was replaced: a value accepted before may now be rejected' },
  'request-default-added': { severity: 'info', why: 'leaving the value out now means the default' },
  'request-default-changed': { severity: 'warning', why: 'calls that leave the value out get other behaviour' },
  'request-discriminator-value-added': { severity: 'info', why: 'a new branch may be sent' },
  'request-discriminator-value-removed': { severity: 'breaking', why: 'calls that send that branch are rejected' },

  'response-property-added': { severity: 'info', why: 'existing code ignores it' },
  'response-property-removed': { severity: 'breaking', why: 'code that reads it gets undefined' },
  'response-property-became-optional': { severity: 'breaking', why: 'code that reads it may get undefined' },
  'response-property-became-required': { severity: 'info', why: 'the response got more predictable' },
  'response-became-nullable': { severity: 'breaking', why: 'code that reads it may get null' },
  'response-no-longer-nullable': { severity: 'info', why: 'the response got more predictable' },
  'response-type-changed': { severity: 'breaking', why: 'code that reads it gets a value of another type' },
  'response-type-narrowed': { severity: 'info', why: 'every value returned now was possible before' },
  'response-enum-value-added': {
    severity: 'warning',
    why: 'an exhaustive switch misses it (Stripe calls this compatible; `--enum-additions info` agrees)',
  },
  'response-enum-value-removed': {
    severity: 'warning',
    why: "code that handles it (`case 'value':`) no longer compiles against the new types",
  },
  'response-union-variant-added': { severity: 'warning', why: 'code that handles every shape misses the new one' },
  'response-union-variant-removed': { severity: 'info', why: 'the shape no longer arrives; code handling it is dead' },
  'response-media-type-added': { severity: 'info', why: 'the answer may come in another encoding when asked for' },
  'response-media-type-removed': { severity: 'breaking', why: 'code that asks for (or reads) that encoding gets something else' },
  'response-header-added': { severity: 'info', why: 'existing code ignores it' },
  'response-header-removed': { severity: 'breaking', why: 'code that reads it gets null' },
  'response-header-became-optional': { severity: 'breaking', why: 'code that reads it may get null' },
  'response-header-became-required': { severity: 'info', why: 'the response got more predictable' },
  'response-property-became-write-only': { severity: 'breaking', why: 'it no longer arrives: code that reads it gets undefined' },
  'response-validation-widened': { severity: 'warning', why: 'values may arrive that the old rule excluded: code relying on it (a length, a range) may break' },
  'response-validation-narrowed': { severity: 'info', why: 'every value returned now was possible before' },
  'response-validation-changed': { severity: 'warning', why: 'the rule was replaced: values may arrive that the old one excluded' },
  'response-default-changed': { severity: 'info', why: 'an absent value now means something else' },
  'response-discriminator-value-added': { severity: 'warning', why: 'code that handles every branch misses the new one' },
  'response-discriminator-value-removed': { severity: 'info', why: 'the branch no longer arrives; code handling it is dead' },
  'discriminator-changed': { severity: 'breaking', why: 'payloads are told apart another way: code that switches on the old one picks the wrong branch' },
  'property-deprecated': { severity: 'warning', why: 'it still works, but plan to stop using it' },
  'expandable-field-added': { severity: 'info', why: '`expand` accepts a new field' },
  'expandable-field-removed': { severity: 'breaking', why: 'calls that expand it are rejected' },
  'event-type-added': { severity: 'info', why: 'webhooks may deliver it; the event union gains a member' },
  'event-type-removed': {
    severity: 'warning',
    why: "it no longer arrives, and code that handles it (`case 'type':`) no longer compiles against the new types",
  },
  'webhook-added': { severity: 'info', why: 'a new callback may arrive' },
  'webhook-removed': { severity: 'warning', why: 'it no longer arrives; code that handles it is dead' },
  'component-renamed': { severity: 'warning', why: 'the exported type has a new name: code that names the old one no longer compiles' },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

/** How the user tuned the profile. */
export interface Profile {
  /** `--enum-additions info`: treat a new response enum value as Stripe does, compatible. */
  readonly enumAdditions: 'warning' | 'info';
}

export const DEFAULT_PROFILE: Profile = { enumAdditions: 'warning' };

export function severityOf(rule: RuleId, profile: Profile): Severity {
  if (rule === 'response-enum-value-added') return profile.enumAdditions;
  return RULES[rule].severity;
}
