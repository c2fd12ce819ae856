// Names generated code may not take because something else in the output already has them. Each
// list is checked against the file it describes by test/generator/taken-names.test.ts, so a new
// runtime export or a new binding in the client scaffold cannot be forgotten here.

/** Words a module (strict code) cannot use as a binding name, plus `undefined`, which it must not shadow. */
export const RESERVED_WORDS: readonly string[] = [
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
  'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await', 'arguments',
  'eval', 'undefined',
];

/** Everything `templates/runtime/index.ts` exports (index.ts re-exports it beside the generated names). */
export const RUNTIME_EXPORTS: readonly string[] = [
  'BodyEncoding', 'HttpMethod', 'OperationSpec', 'QueryEncoder', 'ResponseReader',
  'AppInfo', 'ClientOptions', 'FetchLike', 'RequestOptions', 'SpecDefaults', 'Transport', 'WithCredentials',
  'ApiPromise', 'ResponseInfo', 'WithResponse',
  'FetchedPage', 'ListObject', 'ListPromise', 'NextPage', 'Pager', 'PageState', 'Paged', 'Paging', 'SearchResult',
  'CheckedExpand', 'CheckedExpandPath', 'Expand', 'ExpandedBy', 'Expanded', 'ExpandedListPromise', 'ExpandPathArray', 'ExpandPathOf', 'ExpandPaths', 'NothingToExpand',
  'AuthScheme', 'BasicCredentials', 'Credential', 'Security', 'HeaderInput',
  'ApiErrorInit', 'DefaultErrorAnswer', 'ErrorAnswer', 'ErrorClass', 'ErrorOf', 'ErrorStyle', 'HttpStatus', 'RawApiError', 'StatusRange', 'VendorReading',
  'ServerSentEvent', 'eventStream', 'serverSentEvents', 'AccountOption', 'IdempotencyPolicy', 'RetryDelay', 'RetryRule', 'Vendor', 'RawConvention',
  'EncodedRequest', 'EncodedBody', 'RawBody',
  'createTransport',
  'ApiError', 'AuthenticationError', 'ConnectionError', 'InvalidRequestError',
  'PermissionError', 'RateLimitError', 'ServerError', 'errorFromResponse', 'isApiError', 'requestIdOf',
  'apiPromise', 'itemIdCursor', 'linkHeader', 'listCall', 'listPromise', 'nextUrl', 'offsetPaging', 'pageNumber', 'tokenCursor', 'jsonRawBody', 'rawRequest', 'appendBracketPairs', 'encodeComponent', 'formEncode', 'toFormData', 'toMultipart',
  'deepObjectQuery', 'formFlatQuery', 'formQuery', 'pipeDelimitedQuery', 'spaceDelimitedQuery',
  'bracketFormBody', 'bracketMultipartBody', 'formBody', 'jsonBody', 'multipartBody', 'rawBody',
  'buildPath', 'apiKeyAuth', 'basicAuth', 'bearerAuth', 'credentialValue', 'credentialsFor', 'buildHeaders', 'checkHeaderValue', 'encodeRequest',
  'INITIAL_RETRY_DELAY_MS', 'MAX_RETRY_AFTER_MS', 'MAX_RETRY_DELAY_MS', 'retryAfterMs', 'retryDelayMs', 'shouldRetry', 'sleep',
  'DEFAULT_MAX_RESPONSE_BYTES', 'anyResponse', 'blobResponse', 'readBodyBytes', 'readBodyText', 'textResponse',
];

/**
 * Everything the vendors' runtime modules (`templates/runtime/vendors/<vendor>/index.ts`) export: index.ts
 * re-exports its profile's. Taken in every client, so that a schema's generated name does not depend
 * on which profile the spec matched.
 */
export const VENDOR_RUNTIME_EXPORTS: readonly string[] = [
  'STRIPE', 'CardError', 'IdempotencyError', 'stripeErrors', 'stripeRawRequest', 'stripeShouldRetry',
  'TypedUpdatedWebhookEvent', 'TypedWebhookEvent', 'UnknownEventType', 'UnknownWebhookEvent', 'WebhookEventEnvelope',
  'SignatureHeader', 'VerifyWebhookOptions', 'WebhookPayload', 'WebhookSignatureReason',
  'DEFAULT_WEBHOOK_TOLERANCE_S', 'WebhookSignatureError', 'generateTestHeader', 'verifyWebhookSignature',
];

/** What `webhooks.ts` exports (index.ts re-exports it when the spec names event types). */
export const WEBHOOKS_FILE_EXPORTS: readonly string[] = ['WebhookEvent', 'WebhookEventType', 'WebhookEventOfType', 'constructEvent'];

/**
 * The names `templates/client.ts.hbs` binds in the scope where the operation functions are
 * referenced (module scope and `createClient`'s body), other than those functions and the
 * runtime's exports (its own `createTransport` is one of those).
 */
export const CLIENT_SCAFFOLD_NAMES: readonly string[] = [
  'API_VERSION', 'DEFAULT_BASE_URL', 'SPEC_DEFAULTS', 'createClient', 'createRuntimeTransport',
  'Client', 'ClientCredentials', 'options', 'transport', 'bind',
];

/**
 * The options of `createClient` and of a call (the runtime's ClientOptions and RequestOptions), which
 * a security scheme's option may not take (credential-options.ts). A vendor's own options need no
 * place here: its profile names its clients' credentials.
 */
export const CLIENT_OPTIONS: readonly string[] = [
  'apiVersion', 'appInfo', 'baseUrl', 'fetch', 'headers', 'maxResponseBytes', 'maxRetries', 'timeout',
  'idempotencyKey', 'signal',
];

/** The parameters every operation function takes besides its path arguments. */
export const OPERATION_PARAMETERS: readonly string[] = ['transport', 'params', 'options'];

/** Globals the generated types refer to. */
export const GLOBAL_TYPES: readonly string[] = [
  'Array', 'Boolean', 'Date', 'Error', 'Function', 'Map', 'Number', 'Object', 'Omit', 'Partial', 'Pick',
  'Promise', 'Readonly', 'Record', 'Required', 'Set', 'String', 'Symbol', 'Exclude', 'Extract', 'NonNullable',
  'Blob',
];
