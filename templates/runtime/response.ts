// Reads a response body with a size bound, so a runaway or hostile response can't exhaust memory.

/** Default bound on a response body: far above any Stripe object, far below trouble. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

// Cancelling is not awaited: a tee'd (cloned) body only settles its cancel once every branch is
// cancelled, and the caller should not wait on that.

/**
 * The body as text, or undefined when it is larger than `maxBytes` (reading stops there and the
 * stream is cancelled). Checks Content-Length first so an honest oversized response isn't read at all.
 */
export async function readBodyText(res: Response, maxBytes: number): Promise<string | undefined> {
  if (Number(res.headers.get('content-length')) > maxBytes) {
    void res.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
