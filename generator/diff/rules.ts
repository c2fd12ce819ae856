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

  'parameter-added': { severity: 'info', why: 'optional: existing calls are unaffected' },
  'parameter-added-required': { severity: 'breaking', why: 'existing calls lack it' },
  'parameter-removed': { severity: 'breaking', why: 'calls that send it are rejected' },
  'parameter-became-required': { severity: 'breaking', why: 'calls that omit it are rejected' },
  'parameter-became-optional': { severity: 'info', why: 'the request got looser' },
  'parameter-style-changed': { severity: 'breaking', why: 'the value is encoded differently on the wire' },
  'parameter-explode-changed': { severity: 'breaking', why: 'the value is encoded differently on the wire' },

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
  'expandable-field-added': { severity: 'info', why: '`expand` accepts a new field' },
  'expandable-field-removed': { severity: 'breaking', why: 'calls that expand it are rejected' },
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
