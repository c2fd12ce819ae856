// What a generated operation hands the transport: a description of the call.
// Generated files hold one frozen OperationSpec per operation; the runtime does the encoding. The
// query styles, the body encoding and a non-JSON answer's reader are named by reference
// (query-encode.ts, body.ts, response.ts), and so is a list's pager (pagination.ts), so a bundle
// holds only the ones its operations use.

import type { Security } from './auth.js';
import type { Paging } from './pagination.js';

/**
 * Appends the `name=value` pairs of one query parameter (its name already encoded) to `out`: one of
 * query-encode.ts's encoders, for its OpenAPI `style` and `explode`. Every style sends nothing for
 * undefined and empty arrays, and `name=` for null.
 */
export type QueryEncoder = (out: string[], key: string, value: unknown) => void;

/** Every method OpenAPI allows (fetch itself refuses TRACE, a forbidden method: the call then fails with a TypeError). */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'TRACE';

/** What fetch can send: the encoded body, or a raw one as the caller gave it. */
export type EncodedBody = BodyInit;

/** A raw body (`application/octet-stream`, `text/plain`, images, any type): bytes, a Blob or File, a stream, or text. */
export type RawBody = string | Blob | ArrayBuffer | Uint8Array | ReadableStream<Uint8Array>;

/** How a request body is written: one of body.ts's encodings. */
export interface BodyEncoding {
  /** Sent as Content-Type unless the operation names its own media type; absent for multipart and raw bodies. */
  readonly contentType?: string;
  /**
   * The body: the params that are neither query nor header (an object), or the `body` param as
   * given. `fields` are the spec's per-property encodings of a form body.
   */
  readonly encode: (data: unknown, fields?: Readonly<Record<string, QueryEncoder>>) => EncodedBody;
  /** Sent even when no body param was given (Stripe's bracket form: stripe-node posts an empty form). */
  readonly sendsEmpty?: true;
  /** body.ts's `writeBody`, reached through the encoding so that a call without a body bundles none of it. */
  readonly write: BodyWriter;
}

/**
 * Writes an operation's body (`given`: the `body` param, or the params left over) in its media type
 * or the one the caller chose; undefined when there is nothing to send.
 */
export type BodyWriter = (
  spec: OperationSpec,
  given: unknown,
  chosen: unknown,
) => { readonly body: EncodedBody; readonly contentType: string | undefined } | undefined;

/** Reads a success body that is not JSON from its bytes and Content-Type. */
export type ResponseReader = (
  bytes: Uint8Array<ArrayBuffer>,
  contentType: string | null,
) => unknown;

export interface OperationSpec {
  readonly method: HttpMethod;
  /** Path template with `{name}` placeholders, e.g. `/v1/financial_connections/accounts/{account}`. */
  readonly path: string;
  /** Query parameters by name, with their encoders. */
  readonly query?: Readonly<Record<string, QueryEncoder>>;
  /** Header parameters by name (sent as given). */
  readonly headers?: readonly string[];
  /**
   * The operation's own security requirement (auth.ts: alternatives of client options whose
   * credentials go together; `[]`: none), when it is not the document's.
   */
  readonly security?: Security;
  /**
   * How an answer of `text/event-stream` is read: sse.ts's `eventStream`, as its events arrive (the
   * body is not read whole); absent for operations that do not stream.
   */
  readonly events?: (body: ReadableStream<Uint8Array>, signal: AbortSignal | undefined) => unknown;
  /** The operation's own server (path- or operation-level `servers`); a client `baseUrl` still wins. */
  readonly server?: string;
  /** How the request body is encoded; absent when the operation takes none. */
  readonly body?: BodyEncoding;
  /**
   * The header parameter the spec declares for an idempotency key (`Idempotency-Key`): a key is made
   * when the caller gives none, and the request is then safe to retry.
   */
  readonly idempotencyHeader?: string;
  /** The body's media type, when it is not the encoding's own (`application/vnd.github+json`, `text/plain`). */
  readonly mediaType?: string;
  /**
   * The param holding the whole body (`body`); absent when the params left over by the query and
   * headers are the body's properties.
   */
  readonly bodyParam?: string;
  /** The body must be sent even when empty (the spec's `requestBody.required`). */
  readonly bodyRequired?: true;
  /** Other media types the caller may choose with the `contentType` param, each with its encoding. */
  readonly bodies?: Readonly<Record<string, BodyEncoding>>;
  /** Form body properties the spec's `encoding` gives a style of their own (query-encode.ts's encoders). */
  readonly fields?: Readonly<Record<string, QueryEncoder>>;
  /** How a list call asks for its next page (pagination.ts); absent means Stripe's cursor (`starting_after`). */
  readonly paging?: Paging;
  /**
   * The Accept header: the success media type the spec declares when it is not plain
   * `application/json` (`application/hal+json`, `text/event-stream`, any type); absent means
   * `application/json`, or any type for an answer read by `response`.
   */
  readonly accept?: string;
  /**
   * How a success body is read: absent for JSON, response.ts's `textResponse` for text
   * (`text/plain`, `text/csv`, …), `blobResponse` for anything else (PDFs, octet streams, images,
   * a download after a redirect), `anyResponse` for a wildcard type (by the answer's Content-Type).
   */
  readonly response?: ResponseReader;
}
