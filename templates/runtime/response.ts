// Reads a response body with a size bound, so a runaway or hostile response can't exhaust memory,
// then as JSON, or as the operation's reader says (text, Blob, or by the answer's own Content-Type).

import type { ResponseReader } from './operation.js';

/** Default bound on a response body: far above any Stripe object, far below trouble. */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 64 * 1024 * 1024;

/** The body as text, or undefined when it is larger than `maxBytes` (see readBodyBytes). */
export async function readBodyText(res: Response, maxBytes: number): Promise<string | undefined> {
  const bytes = await readBodyBytes(res, maxBytes);
  return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
}

/**
 * The body's bytes, or undefined when it is larger than `maxBytes` (reading stops there and the
 * stream is cancelled). An honest Content-Length over the bound counts as already read, so such a
 * response isn't read at all.
 */
export async function readBodyBytes(
  res: Response,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const reader = res.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = Number(res.headers.get('content-length')) > maxBytes ? Infinity : 0;
  while (reader) {
    if (size > maxBytes) {
      // Not awaited: a tee'd (cloned) body only settles its cancel once every branch is cancelled.
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A text answer (`text/csv`, `text/plain`, …): the decoded string, even when it looks like JSON. */
export const textResponse: ResponseReader = (bytes) => new TextDecoder().decode(bytes);

/** Any other answer that is not JSON (a PDF, an image, an octet stream): a Blob of its bytes and media type. */
export const blobResponse: ResponseReader = (bytes, contentType) =>
  new Blob([bytes], contentType ? { type: contentType } : {});

/**
 * An answer read by its actual Content-Type, for an operation that declares a wildcard media type
 * or a call whose caller chose the Accept: JSON and `+json` types parsed, `text/*` as text,
 * anything else a Blob; without a Content-Type, JSON when it parses, else the text.
 */
export const anyResponse: ResponseReader = (bytes, contentType) =>
  /^text\//i.test(contentType ?? '')
    ? textResponse(bytes, contentType)
    : contentType && !/[/+]json\b/i.test(contentType)
      ? blobResponse(bytes, contentType)
      : parseJson(new TextDecoder().decode(bytes)).data;

/** A body read as JSON: undefined when empty; the text itself, with `json: false`, when it is not JSON. */
export function parseJson(text: string): { data: unknown; json: boolean } {
  try {
    return { data: text === '' ? undefined : JSON.parse(text), json: true };
  } catch {
    return { data: text, json: false };
  }
}
