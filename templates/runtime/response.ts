// Reads a response body with a size bound, so a runaway or hostile response can't exhaust memory.

/** Default bound on a response body: far above any Stripe object, far below trouble. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

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

/**
 * A success body as the operation's type says: JSON parsed (undefined when empty), text as a
 * string, anything else as a Blob of its media type. `json: false` when JSON was expected and the
 * body is not JSON.
 */
export function successBody(
  bytes: Uint8Array<ArrayBuffer>,
  kind: 'json' | 'text' | 'blob',
  contentType: string | null,
): { data: unknown; json: boolean } {
  if (kind === 'blob')
    return { data: new Blob([bytes], contentType ? { type: contentType } : {}), json: true };
  const text = new TextDecoder().decode(bytes);
  if (kind === 'text') return { data: text, json: true };
  return parseJson(text);
}

/** A body read as JSON: undefined when empty; the text itself, with `json: false`, when it is not JSON. */
export function parseJson(text: string): { data: unknown; json: boolean } {
  try {
    return { data: text === '' ? undefined : JSON.parse(text), json: true };
  } catch {
    return { data: text, json: false };
  }
}
