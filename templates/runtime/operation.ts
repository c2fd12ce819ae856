// What a generated operation hands the transport: a description of the call, never logic.
// Generated files hold one frozen OperationSpec per operation; the runtime does the encoding.

/** How one query parameter is serialised (OpenAPI `style` + `explode`, defaults resolved). */
export type QueryStyle =
  | 'form' //            explode: true   (a=1&a=2, object properties spread)
  | 'form-flat' //       explode: false  (a=1,2)
  | 'deepObject' //      Stripe bracket notation (a[b]=1, a[0]=x)
  | 'spaceDelimited'
  | 'pipeDelimited';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OperationSpec {
  readonly method: HttpMethod;
  /** Path template with `{name}` placeholders, e.g. `/v1/financial_connections/accounts/{account}`. */
  readonly path: string;
  /** Query parameters by name, with their encoding. */
  readonly query?: Readonly<Record<string, QueryStyle>>;
  /** Header parameters by name (sent as given). */
  readonly headers?: readonly string[];
  /** The operation's own server (path- or operation-level `servers`); a client `baseUrl` still wins. */
  readonly server?: string;
  /** Media type of the request body; absent when the operation takes none. */
  readonly body?: 'form' | 'json' | 'multipart';
  /** How a list call asks for its next page; absent means by cursor (`starting_after`). */
  readonly paging?: 'page';
  /**
   * How a success body is read: absent for JSON, `text` for text (`text/plain`, `text/csv`, …),
   * `blob` for anything else (`application/pdf`, `application/octet-stream`, images).
   */
  readonly response?: 'text' | 'blob';
}
