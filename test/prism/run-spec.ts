// One spec through Prism and through a capture server: its client generated and imported, Prism
// started on the spec, every operation called twice (only the required inputs, then all of them),
// each answer compared with what Prism sent, and the same calls' requests checked on the wire.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { generateFiles } from '../../generator/generate.js';
import type { Operation } from '../../generator/model/ir.js';
import { readAnySpec } from '../../generator/parse/read-spec.js';
import { startCaptureServer, type CapturedRequest } from '../support/capture-server.js';
import { scratchDir } from '../support/paths.js';
import { startPrism } from '../support/prism.js';
import { callInputs, type CallInputs } from './inputs.js';
import { wireProblems } from './wire.js';

export interface CallResult {
  /** `repos.get (required)` */
  readonly call: string;
  /** Prism took the request: it found no fault with it (its own answer may still have failed it, see `prismLimit`). */
  readonly accepted: boolean;
  /**
   * Where Prism itself falls short, not the client: `decode` when it refuses arrays or objects of
   * a form or multipart body it cannot decode (the capture server checks those). Such a call is
   * judged on the wire alone.
   */
  readonly prismLimit?: 'decode';
  /** Why not, or how the answer differs from what Prism sent; undefined when all is well. */
  readonly prismProblem?: string;
  /** Where the request differs from the inputs as the spec encodes them. */
  readonly wireProblems: readonly string[];
}

export interface SpecResult {
  readonly operations: number;
  readonly calls: readonly CallResult[];
  readonly ms: number;
}

interface Sent {
  status: number;
  contentType: string | null;
  bytes: Uint8Array;
  /** Prism's `sl-violations` header: what it found wrong when it still answered from the spec (a 422 the spec declares). */
  violations: string | null;
}

type Method = (...args: unknown[]) => Promise<unknown>;

/** `PRISM_ONLY=<regexp>` calls only the methods whose dotted name matches (to look into one). */
const ONLY = process.env.PRISM_ONLY ? new RegExp(process.env.PRISM_ONLY) : undefined;

interface PrismError {
  readonly type: string;
  readonly validation?: readonly { readonly location?: readonly string[] }[];
}

interface Violation {
  readonly location?: readonly string[];
  readonly severity?: string;
}

/**
 * The violations Prism names in `sl-violations`, the request's before the answer's. Past 8 KB it
 * writes `Too many violations! ` and the list cut short: the whole violations in it are read,
 * and `complete` says whether the cut fell past the request's (a violation of the answer read).
 */
function violationsIn(header: string): { list: Violation[]; complete: boolean } {
  const cut = /^Too many violations! /.exec(header);
  if (!cut) return { list: JSON.parse(header) as Violation[], complete: true };
  const text = header.slice(cut[0].length);
  const end = text.lastIndexOf('},{');
  const list = end === -1 ? [] : (JSON.parse(`${text.slice(0, end + 1)}]`) as Violation[]);
  return { list, complete: list.some((v) => v.location?.[0] === 'response') };
}

/**
 * Prism's own error (`application/problem+json` with a stoplight.io type), or the violations of
 * the request it names in `sl-violations` when it answered a faulty request with an error the spec
 * declares. Violations of Prism's own answer (an example missing required fields) and warnings (a
 * deprecated parameter used) are not refusals.
 */
function prismErrorOf(sent: Sent): PrismError | undefined {
  if (sent.violations) {
    const { list, complete } = violationsIn(sent.violations);
    const validation = list
      .filter((v) => v.location?.[0] === 'request' && v.severity !== 'Warning')
      .map((v) => ({ ...v, location: v.location!.slice(1) }));
    if (!complete) return { type: sent.violations.slice(0, 700), validation: [{ location: ['request'] }] };
    if (validation.length > 0) return { type: '#UNPROCESSABLE_ENTITY', validation };
  }
  const body = new TextDecoder().decode(sent.bytes);
  if (!/stoplight\.io\/prism\/errors/.test(body.slice(0, 200))) return undefined;
  try {
    return JSON.parse(body) as PrismError;
  } catch {
    return { type: 'unreadable' };
  }
}

/** Is this error one of Prism's own limits (see CallResult.prismLimit), and which? */
function limitOf(error: PrismError, inputs: CallInputs): CallResult['prismLimit'] {
  const locations = error.validation ?? [];
  if (locations.length === 0) return undefined;
  const body = inputs.body as Record<string, unknown> | undefined;
  const nested = (name: string | undefined) => {
    const value = name === undefined ? undefined : body?.[name];
    return value !== null && typeof value === 'object' && !(value instanceof Blob);
  };
  const encoded = inputs.content?.kind === 'form' || inputs.content?.kind === 'multipart';
  // Arrays and objects inside a form or multipart body, and members nested inside a query
  // parameter's value (`arg0[items][0]`: OpenAPI defines no encoding below one level).
  const undecodable = (at: readonly string[]) => (at[0] === 'body' && encoded && nested(at[1])) || (at[0] === 'query' && at.length > 2);
  if (/#UNPROCESSABLE_ENTITY$/.test(error.type) && locations.every((v) => undecodable(v.location ?? []))) return 'decode';
  return undefined;
}

function methodOf(client: unknown, op: Operation): Method {
  let node: unknown = client;
  for (const key of [...op.resource, op.methodName]) node = (node as Record<string, unknown>)[key];
  if (typeof node !== 'function') throw new Error(`the client has no ${[...op.resource, op.methodName].join('.')}`);
  return node as Method;
}

const argsOf = (inputs: CallInputs) => [...inputs.pathArgs, ...(inputs.params ? [inputs.params] : [])];

/** Is the client's result what Prism sent: JSON parsed, text as text, a file's bytes, nothing for HEAD and empty bodies? */
async function answerProblem(op: Operation, data: unknown, sent: Sent): Promise<string | undefined> {
  const body = new TextDecoder().decode(sent.bytes);
  if (op.method === 'head') return data === undefined ? undefined : `a HEAD call resolved to ${JSON.stringify(data)}`;
  if (data instanceof Blob) {
    const bytes = new Uint8Array(await data.arrayBuffer());
    return isDeepStrictEqual(bytes, sent.bytes) ? undefined : 'the Blob differs from the bytes Prism sent';
  }
  if (typeof data === 'string' && !/json/.test(sent.contentType ?? '')) return data === body ? undefined : `text ${data.slice(0, 80)} differs from ${body.slice(0, 80)}`;
  const expected = body === '' ? undefined : JSON.parse(body);
  return isDeepStrictEqual(data, expected) ? undefined : `parsed ${JSON.stringify(data)?.slice(0, 120)}, Prism sent ${body.slice(0, 120)}`;
}

/**
 * fetch for the test's clients: loopback only, and a redirect is the answer, not followed (Prism
 * answers GitHub's archive downloads with `302 Location: https://codeload.github.com/…`, which a
 * following fetch would go and get from the internet).
 */
async function loopbackFetch(url: string, init: RequestInit): Promise<Response> {
  const { hostname } = new URL(url);
  if (hostname !== '127.0.0.1' && hostname !== 'localhost') throw new Error(`the test client called ${url}, off loopback`);
  return fetch(url, { ...init, redirect: 'manual' });
}

/** Does the operation declare this 3xx answer (`302`, or `3XX`)? */
function redirectDeclared(document: Record<string, unknown>, op: Operation, status: number): boolean {
  if (status < 300 || status > 399) return false;
  const responses = (document.paths as Record<string, Record<string, { responses?: object }>>)[op.path]?.[op.method]?.responses ?? {};
  return Object.hasOwn(responses, String(status)) || Object.hasOwn(responses, '3XX');
}

/**
 * A redirect the spec declares is the client's answer as Prism sent it when the client reports
 * that status, and the body Prism sent (JSON parsed, else its text, nothing when empty).
 */
function redirectProblem(error: unknown, sent: Sent): string | undefined {
  const { status, body } = error as { status?: unknown; body?: unknown };
  const text = new TextDecoder().decode(sent.bytes);
  const expected = text === '' ? undefined : /json/.test(sent.contentType ?? '') ? JSON.parse(text) : text;
  if (status !== sent.status) return `Prism answered ${sent.status} (a redirect the spec declares), the client said ${(error as Error).name}: ${String((error as Error).message).slice(0, 200)}`;
  return isDeepStrictEqual(body, expected) ? undefined : `the ${sent.status} answer's body ${JSON.stringify(body)?.slice(0, 120)} differs from what Prism sent: ${text.slice(0, 120)}`;
}

export async function runSpec(file: string, label: string): Promise<SpecResult> {
  const started = performance.now();
  const dir = scratchDir(`prism-${label.replace(/\W+/g, '-')}`);
  const { files, model } = await generateFiles(file);
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.contents);
  }
  // A document without operations gives Prism nothing to serve (it refuses to start on one).
  if (model.operations.length === 0) return { operations: 0, calls: [], ms: performance.now() - started };
  const document = (await readAnySpec(file)).document as Record<string, unknown>;
  const { createClient } = (await import(join(dir, 'index.ts'))) as { createClient: (options: object) => unknown };
  const prism = await startPrism(file);
  const capture = await startCaptureServer();
  try {
    let last: Sent | undefined;
    const recording = async (url: string, init: RequestInit) => {
      const res = await loopbackFetch(url, init);
      last = { status: res.status, contentType: res.headers.get('content-type'), bytes: new Uint8Array(await res.clone().arrayBuffer()), violations: res.headers.get('sl-violations') };
      return res;
    };
    // A credential for every scheme the client takes, so each call sends what its security asks.
    const credentials = Object.fromEntries(model.securitySchemes.map((s) => [s.option, s.type === 'http' && s.scheme === 'basic' ? { username: 'test-user', password: 'test-key' } : 'test-key']));
    const options = { ...credentials, maxRetries: 0 };
    const viaPrism = createClient({ ...options, baseUrl: prism.baseUrl, fetch: recording });
    const viaCapture = createClient({ ...options, baseUrl: capture.baseUrl, fetch: loopbackFetch });
    const calls: CallResult[] = [];
    for (const op of model.operations.filter((o) => !ONLY || ONLY.test([...o.resource, o.methodName].join('.')))) {
      for (const all of [false, true]) {
        const call = `${[...op.resource, op.methodName].join('.')} (${all ? 'all inputs' : 'required'})`;
        let inputs: CallInputs;
        try {
          inputs = callInputs(document, op, all);
        } catch (error) {
          calls.push({ call, accepted: false, prismProblem: `no inputs: ${(error as Error).message}`, wireProblems: [] });
          continue;
        }
        last = undefined;
        let prismProblem: string | undefined;
        try {
          const data = await methodOf(viaPrism, op)(...argsOf(inputs));
          prismProblem = last ? await answerProblem(op, data, last) : 'no answer recorded';
        } catch (error) {
          // Set by the recording fetch (TypeScript cannot see that through the call).
          const sent = last as Sent | undefined;
          prismProblem = sent && redirectDeclared(document, op, sent.status) ? redirectProblem(error, sent) : `${(error as Error).name}: ${(error as Error).message.slice(0, 300)}`;
        }
        const refusal = last && prismErrorOf(last);
        const prismLimit = refusal && limitOf(refusal, inputs);
        const accepted = last !== undefined && !refusal;
        if (refusal) prismProblem = prismLimit ? undefined : `Prism refused it (${last!.status}): ${last!.violations ?? new TextDecoder().decode(last!.bytes).slice(0, 700)}`;
        const before = capture.requests.length;
        await methodOf(viaCapture, op)(...argsOf(inputs)).catch(() => undefined);
        const request: CapturedRequest | undefined = capture.requests[before];
        calls.push({ call, accepted, ...(prismLimit ? { prismLimit } : {}), ...(prismProblem ? { prismProblem } : {}), wireProblems: await wireProblems(op, inputs, request) });
      }
    }
    return { operations: model.operations.length, calls, ms: performance.now() - started };
  } finally {
    await Promise.all([prism.stop(), capture.close()]);
  }
}
