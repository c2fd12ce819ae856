// Server-Sent Events (`text/event-stream`): an answer read as it arrives and split into events as the
// HTML standard says (lines end in CR, LF or CRLF, even split across reads; `data:` lines joined by
// LF; `event:`, `id:`, `retry:`; lines starting with `:` are comments; an unfinished event at the end
// is dropped). An OperationSpec names `eventStream` by reference, so only streaming calls bundle it.

/** One event as the server sent it. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
  readonly id: string | undefined;
  /** The reconnection time the server asked for, in ms. */
  readonly retry: number | undefined;
}

/** The events of a body, in order; aborting `signal` cancels the body and rejects with its reason. */
export async function* serverSentEvents(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const cancel = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', cancel);
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let event = '';
  let id: string | undefined;
  let retry: number | undefined;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read().catch((error: unknown) => {
        signal?.throwIfAborted();
        throw error;
      });
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      // A CR at the end may be half of a CRLF whose LF is in the next read.
      const end = !done && buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
      const lines = buffer.slice(0, end).split(/\r\n|\r|\n/);
      buffer = lines.pop()! + buffer.slice(end);
      for (const line of lines) {
        if (line === '') {
          // An abort stops the loop even between events of one read.
          signal?.throwIfAborted();
          if (data.length) yield { event: event || 'message', data: data.join('\n'), id, retry };
          [data, event] = [[], ''];
          continue;
        }
        const colon = line.indexOf(':');
        if (colon === 0) continue;
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
        if (field === 'data') data.push(text);
        else if (field === 'event') event = text;
        else if (field === 'id') id = text;
        else if (field === 'retry' && /^\d+$/.test(text)) retry = +text;
      }
      if (done) return;
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
    cancel();
  }
}

/**
 * A streaming operation's answer: each event's data, parsed when it is JSON (else the text), until
 * the stream ends or sends OpenAI's `[DONE]` sentinel. Breaking out of the loop cancels the body.
 */
export async function* eventStream<T = unknown>(
  body: ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): AsyncGenerator<T> {
  for await (const { data } of serverSentEvents(body, signal)) {
    if (data === '[DONE]') return;
    try {
      yield JSON.parse(data) as T;
    } catch {
      yield data as T;
    }
  }
}
