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
   * Where Prism itself falls short, not the client: `answer` when the answer it built from the
   * spec breaks the spec (recursive or ambiguous schemas; `--errors` turns it into a 500), `decode`
   * when it refuses arrays or objects of a form or multipart body it cannot decode (the capture
   * server checks those). Such a call is judged on the wire alone.
   */
  readonly prismLimit?: 'answer' | 'decode';
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

/**
 * Prism's own error (`application/problem+json` with a stoplight.io type), or the violations it
 * names in `sl-violations` when it answered a faulty request with an error the spec declares.
 */
function prismErrorOf(sent: Sent): PrismError | undefined {
  if (sent.violations) {
    // Located as `request.body.…` or `response.…`; the request's read like Prism's own errors.
    // Past some count Prism writes "Too many violations…" instead of the list.
    let all: { location?: string[] }[];
    try {
      all = JSON.parse(sent.violations) as { location?: string[] }[];
    } catch {
      return { type: sent.violations, validation: [{ location: ['request'] }] };
    }
    // Warnings (a deprecated parameter used) are not refusals.
    const validation = all
      .filter((v) => v.location?.[0] === 'request' && (v as { severity?: string }).severity !== 'Warning')
      .map((v) => ({ ...v, location: v.location!.slice(1) }));
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
  if (/#VIOLATIONS$/.test(error.type) && locations.every((v) => v.location?.[0] === 'response')) return 'answer';
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
      const res = await fetch(url, init);
      last = { status: res.status, contentType: res.headers.get('content-type'), bytes: new Uint8Array(await res.clone().arrayBuffer()), violations: res.headers.get('sl-violations') };
      return res;
    };
    const options = { apiKey: 'test-key', maxRetries: 0 };
    const viaPrism = createClient({ ...options, baseUrl: prism.baseUrl, fetch: recording });
    const viaCapture = createClient({ ...options, baseUrl: capture.baseUrl });
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
          prismProblem = `${(error as Error).name}: ${(error as Error).message.slice(0, 300)}`;
        }
        const refusal = last && prismErrorOf(last);
        const prismLimit = refusal && limitOf(refusal, inputs);
        const accepted = last !== undefined && (!refusal || prismLimit === 'answer');
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
