// Reads a response body with a size bound, so a runaway or hostile response can't exhaust memory.

/** Default bound on a response body: far above any Stripe object, far below trouble. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

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
  for (; reader;) {
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
  chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.byteLength), 0);
  return bytes;
}

/** The body as text (UTF-8), with the same bound as readBodyBytes. */
export async function readBodyText(res: Response, maxBytes: number): Promise<string | undefined> {
  const bytes = await readBodyBytes(res, maxBytes);
  return bytes && new TextDecoder().decode(bytes);
}
