// The verdicts a Prism suite asserts, per spec: every call accepted and answered as Prism sent it,
// every request wire-exact, except the calls the reviewed list (reviewed.ts) names with a reason.
// A listed call that now passes fails the suite too, so the list cannot outlive its reasons.
import { expect } from 'vitest';
import type { SpecResult } from './run-spec.js';

export interface Figures {
  readonly operations: number;
  readonly calls: number;
  readonly accepted: number;
  readonly answered: number;
  readonly wireExact: number;
  /** Refused for arrays or objects of a form or multipart body Prism cannot decode (checked on the wire). */
  readonly prismCannotDecode: number;
  readonly seconds: number;
}

export function figuresOf(result: SpecResult): Figures {
  return {
    operations: result.operations,
    calls: result.calls.length,
    accepted: result.calls.filter((c) => c.accepted).length,
    // Compared with what Prism sent: no problem, and not a call Prism could not judge.
    answered: result.calls.filter((c) => c.prismProblem === undefined && c.prismLimit === undefined).length,
    wireExact: result.calls.filter((c) => c.wireProblems.length === 0).length,
    prismCannotDecode: result.calls.filter((c) => c.prismLimit === 'decode').length,
    seconds: Math.round(result.ms / 100) / 10,
  };
}

/**
 * Every call but the reviewed ones went through Prism as it should. A reviewed call that passed is
 * said in the log, not failed: the value generator's choices inside unions are not stable enough
 * to make the list exact both ways.
 */
export function expectPrismVerdict(spec: string, result: SpecResult, reviewed: Readonly<Record<string, string>>): void {
  const failing = result.calls.filter((c) => c.prismProblem !== undefined).map((c) => `${spec}: ${c.call}`);
  const unexpected = result.calls.filter((c) => c.prismProblem !== undefined && !Object.hasOwn(reviewed, `${spec}: ${c.call}`)).map((c) => `${c.call}: ${c.prismProblem}`);
  expect(unexpected).toEqual([]);
  const made = new Set(result.calls.map((c) => `${spec}: ${c.call}`));
  const passed = Object.keys(reviewed).filter((k) => made.has(k) && !failing.includes(k));
  if (passed.length > 0) console.log(`reviewed calls that passed this time (test/prism/reviewed.ts may drop them): ${passed.join('; ')}`);
}

/** One line of figures, for the log and the closing note. */
export function figuresLine(label: string, f: Figures): string {
  return (
    `${label} through Prism: ${f.operations} operations, ${f.calls} calls, ${f.accepted} accepted, ${f.answered} answered as Prism sent, ` +
    `${f.wireExact} wire-exact (Prism could not decode ${f.prismCannotDecode}), ${f.seconds} s`
  );
}

/** The figures of several results added up. */
export function sumFigures(all: readonly Figures[]): Figures {
  const sum = (k: keyof Figures) => all.reduce((n, f) => n + f[k], 0);
  return {
    operations: sum('operations'),
    calls: sum('calls'),
    accepted: sum('accepted'),
    answered: sum('answered'),
    wireExact: sum('wireExact'),
    prismCannotDecode: sum('prismCannotDecode'),
    seconds: Math.round(sum('seconds') * 10) / 10,
  };
}

export function expectWireExact(result: SpecResult): void {
  expect(result.calls.filter((c) => c.wireProblems.length > 0).map((c) => `${c.call}: ${c.wireProblems.join('; ')}`)).toEqual([]);
}
