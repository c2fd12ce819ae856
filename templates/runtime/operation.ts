// What a generated operation hands the transport: a description of the call.
// Generated files hold one frozen OperationSpec per operation; the runtime does the encoding. The
// query styles, the body encoding and a non-JSON answer's reader are named by reference
// (query-encode.ts, body.ts, response.ts), and so is a list's pager (pagination.ts), so a bundle
// holds only the ones its operations use.

import type { Paging } from './pagination.js';

/**
 * Appends the `name=value` pairs of one query parameter (its name already encoded) to `out`: one of
 * query-encode.ts's encoders, for its OpenAPI `style` and `explode`. Every style sends nothing for
 * undefined and empty arrays, and `name=` for null.
 */
export type QueryEncoder = (out: string[], key: string, value: unknown) => void;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How a request body is written: one of body.ts's `formBody`, `jsonBody`, `multipartBody`. */
export interface BodyEncoding {
  /** Sent as Content-Type; absent for multipart, whose boundary fetch writes itself. */
  readonly contentType?: string;
  /** The params that are neither query nor header, as the body. */
  readonly encode: (data: Readonly<Record<string, unknown>>) => string | FormData;
}

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
  /** The operation's own server (path- or operation-level `servers`); a client `baseUrl` still wins. */
  readonly server?: string;
  /** How the request body is encoded; absent when the operation takes none. */
  readonly body?: BodyEncoding;
  /** How a list call asks for its next page (pagination.ts); absent means Stripe's cursor (`starting_after`). */
  readonly paging?: Paging;
  /**
   * How a success body is read: absent for JSON, response.ts's `textResponse` for text
   * (`text/plain`, `text/csv`, …), `blobResponse` for anything else (PDFs, octet streams, images).
   */
  readonly response?: ResponseReader;
}
