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
  /** Accepted, but Prism's own answer broke the spec (so it was not compared). */
  readonly prismCannotAnswer: number;
  /** Refused for arrays or objects of a form or multipart body Prism cannot decode (checked on the wire). */
  readonly prismCannotDecode: number;
  readonly seconds: number;
}

export function figuresOf(result: SpecResult): Figures {
  return {
    operations: result.operations,
    calls: result.calls.length,
    accepted: result.calls.filter((c) => c.accepted).length,
    answered: result.calls.filter((c) => c.prismProblem === undefined).length,
    wireExact: result.calls.filter((c) => c.wireProblems.length === 0).length,
    prismCannotAnswer: result.calls.filter((c) => c.prismLimit === 'answer').length,
    prismCannotDecode: result.calls.filter((c) => c.prismLimit === 'decode').length,
    seconds: Math.round(result.ms / 100) / 10,
  };
}

/** Every call but the reviewed ones went through Prism as it should; the reviewed ones still fail. */
export function expectPrismVerdict(spec: string, result: SpecResult, reviewed: Readonly<Record<string, string>>): void {
  const failing = result.calls.filter((c) => c.prismProblem !== undefined).map((c) => `${spec}: ${c.call}`);
  const unexpected = result.calls.filter((c) => c.prismProblem !== undefined && !Object.hasOwn(reviewed, `${spec}: ${c.call}`)).map((c) => `${c.call}: ${c.prismProblem}`);
  expect(unexpected).toEqual([]);
  const listed = Object.keys(reviewed).filter((k) => k.startsWith(`${spec}: `));
  expect(listed.filter((k) => !failing.includes(k))).toEqual([]);
}

/** One line of figures, for the log and the closing note. */
export function figuresLine(label: string, f: Figures): string {
  return (
    `${label} through Prism: ${f.operations} operations, ${f.calls} calls, ${f.accepted} accepted, ${f.answered} answered as Prism sent, ` +
    `${f.wireExact} wire-exact (Prism could not answer ${f.prismCannotAnswer}, could not decode ${f.prismCannotDecode}), ${f.seconds} s`
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
    prismCannotAnswer: sum('prismCannotAnswer'),
    prismCannotDecode: sum('prismCannotDecode'),
    seconds: Math.round(sum('seconds') * 10) / 10,
  };
}

export function expectWireExact(result: SpecResult): void {
  expect(result.calls.filter((c) => c.wireProblems.length > 0).map((c) => `${c.call}: ${c.wireProblems.join('; ')}`)).toEqual([]);
}
