// The wire, checked from the server's side: what a loopback capture server received for a call,
// against the inputs and the encodings the spec names (OpenAPI's serialization rules written out
// here on their own, not the runtime's encoders): path ids, every query and header parameter,
// the body in its media type. Prism cannot do this: it ignores unknown fields and cannot decode
// arrays and objects in form and multipart bodies.
import type { Operation } from '../../generator/model/ir.js';
import type { CapturedRequest } from '../support/capture-server.js';
import type { CallInputs } from './inputs.js';

type Pair = readonly [string, string];

const text = (v: unknown): string => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const DELIMITERS: Record<string, string> = { form: ',', spaceDelimited: ' ', pipeDelimited: '|' };

/** The `name=value` pairs (decoded) a parameter's value is sent as, by its style (OpenAPI 3, §4.8.12.4). */
export function expectedPairs(name: string, style: string, explode: boolean, value: unknown): Pair[] {
  if (value === undefined) return [];
  if (style === 'deepObject' && value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => expectedPairs(`${name}[${k}]`, 'deepObject', true, v));
  }
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== undefined);
    if (items.length === 0) return [];
    if (style === 'form' && explode) return items.map((v) => [name, text(v)]);
    return [[name, items.map(text).join(DELIMITERS[style] ?? ',')]];
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (style === 'form' && explode) return entries.map(([k, v]) => [k, text(v)]);
    return entries.length === 0 ? [] : [[name, entries.flatMap(([k, v]) => [k, text(v)]).join(DELIMITERS[style] ?? ',')]];
  }
  return [[name, text(value)]];
}

/** `a=1&b=2` as decoded pairs. */
function pairsOf(encoded: string): Pair[] {
  if (encoded === '') return [];
  return encoded.split('&').map((pair) => {
    const at = pair.indexOf('=');
    const [k, v] = at === -1 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    return [decodeURIComponent(k), decodeURIComponent(v)];
  });
}

const sorted = (pairs: readonly Pair[]) => pairs.map((p) => `${p[0]}=${p[1]}`).sort();

function samePairs(what: string, got: readonly Pair[], want: readonly Pair[]): string[] {
  const a = sorted(got);
  const b = sorted(want);
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${what}: sent ${JSON.stringify(a).slice(0, 300)}, the spec says ${JSON.stringify(b).slice(0, 300)}`];
}

/** JSON's view of a value: what a JSON body of it reads as (undefined members gone). */
const asJson = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

async function multipartProblems(request: CapturedRequest, body: Record<string, unknown>): Promise<string[]> {
  const form = await new Response(request.body, { headers: { 'content-type': String(request.headers['content-type']) } }).formData();
  const problems: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const got = await Promise.all(form.getAll(name).map((part) => (typeof part === 'string' ? part : part.text())));
    const items = Array.isArray(value) ? value : [value];
    const want = await Promise.all(items.map((item) => (item instanceof Blob ? item.text() : text(item))));
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`multipart part ${name}: sent ${JSON.stringify(got).slice(0, 200)}, expected ${JSON.stringify(want).slice(0, 200)}`);
  }
  const extra = [...new Set(form.keys())].filter((k) => !Object.hasOwn(body, k));
  if (extra.length) problems.push(`multipart parts not among the inputs: ${extra.join(', ')}`);
  return problems;
}

/** Where the captured request differs from the inputs as the spec encodes them; empty when every input arrived as it should. */
export async function wireProblems(op: Operation, inputs: CallInputs, request: CapturedRequest | undefined): Promise<string[]> {
  if (!request) return ['no request arrived'];
  const problems: string[] = [];
  if (request.method !== op.method.toUpperCase()) problems.push(`method ${request.method}`);
  // Each id percent-encoded in its segment; the rest of the template as a URL holds it (`<` is `%3C`).
  const path = new URL(op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(inputs.pathValues[name] ?? '')), 'http://x').pathname;
  if (request.path !== path) problems.push(`path ${request.path}, expected ${path}`);
  const query = op.parameters.query.flatMap((p) => expectedPairs(p.name, p.style, p.explode, inputs.query[p.name]));
  problems.push(...samePairs('query', pairsOf(request.query), query));
  for (const [name, value] of Object.entries(inputs.headers)) {
    const got = request.headers[name.toLowerCase()];
    if (got !== text(value)) problems.push(`header ${name}: ${String(got)}, expected ${text(value)}`);
  }
  const content = inputs.content;
  if (!content || inputs.body === undefined) {
    if (request.body !== '') problems.push(`a body was sent where none was given: ${request.body.slice(0, 100)}`);
    return problems;
  }
  const type = String(request.headers['content-type'] ?? '');
  switch (content.kind) {
    case 'json': {
      if (type !== content.mediaType) problems.push(`content-type ${type}, expected ${content.mediaType}`);
      const got = request.body === '' ? undefined : JSON.parse(request.body);
      if (JSON.stringify(got) !== JSON.stringify(asJson(inputs.body))) problems.push(`JSON body ${request.body.slice(0, 200)}, expected ${JSON.stringify(inputs.body).slice(0, 200)}`);
      break;
    }
    case 'form': {
      if (type !== 'application/x-www-form-urlencoded') problems.push(`content-type ${type}`);
      const body = inputs.body as Record<string, unknown>;
      const want = Object.entries(body).flatMap(([k, v]) => {
        const e = content.encoding[k] ?? { style: 'form', explode: true };
        return expectedPairs(k, e.style, e.explode, v);
      });
      problems.push(...samePairs('form body', pairsOf(request.body), want));
      break;
    }
    case 'multipart':
      if (!type.startsWith('multipart/form-data; boundary=')) problems.push(`content-type ${type}`);
      problems.push(...(await multipartProblems(request, inputs.body as Record<string, unknown>)));
      break;
    case 'raw': {
      const want = inputs.body instanceof Uint8Array ? new TextDecoder().decode(inputs.body) : String(inputs.body);
      if (request.body !== want) problems.push(`raw body ${request.body.slice(0, 100)}, expected ${want.slice(0, 100)}`);
      if (!content.mediaType.includes('*') && type !== content.mediaType) problems.push(`content-type ${type}, expected ${content.mediaType}`);
      break;
    }
  }
  return problems;
}
