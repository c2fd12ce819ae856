// The runtime's public surface: everything generated code and its users import comes from here (a
// vendor's additions, vendors/<vendor>/*.ts, are exported beside it by that vendor's clients only).

export type {
  BodyEncoding,
  EncodedBody,
  HttpMethod,
  OperationSpec,
  QueryEncoder,
  RawBody,
  ResponseReader,
} from './operation.js';
export type {
  AppInfo,
  ClientOptions,
  FetchLike,
  RequestOptions,
  SpecDefaults,
  Transport,
  WithCredentials,
} from './transport.js';
export type { ApiPromise, ResponseInfo, WithResponse } from './api-promise.js';
export type {
  FetchedPage,
  ListObject,
  ListPromise,
  NextPage,
  Pager,
  PageState,
  Paged,
  Paging,
  SearchResult,
} from './pagination.js';
export type {
  CheckedExpand,
  CheckedExpandPath,
  Expand,
  ExpandedBy,
  Expanded,
  ExpandedListPromise,
  ExpandPathArray,
  ExpandPathOf,
  ExpandPaths,
  NothingToExpand,
} from './expand.js';
export type { AuthScheme, BasicCredentials, Credential, Security } from './auth.js';
export type { HeaderInput } from './headers.js';
export type {
  ApiErrorInit,
  DefaultErrorAnswer,
  ErrorAnswer,
  ErrorClass,
  ErrorOf,
  ErrorStyle,
  HttpStatus,
  RawApiError,
  StatusRange,
  VendorReading,
} from './errors.js';
export type { AccountOption, IdempotencyPolicy, RetryDelay, RetryRule, Vendor } from './vendor.js';
export type { RawConvention } from './raw-request.js';
export type { EncodedRequest } from './encode-request.js';

export { createTransport } from './transport.js';
export {
  ApiError,
  AuthenticationError,
  ConnectionError,
  InvalidRequestError,
  PermissionError,
  RateLimitError,
  ServerError,
  errorFromResponse,
  isApiError,
  requestIdOf,
} from './errors.js';
export { apiPromise } from './api-promise.js';
export {
  itemIdCursor,
  linkHeader,
  listCall,
  listPromise,
  nextUrl,
  offsetPaging,
  pageNumber,
  tokenCursor,
} from './pagination.js';
export { jsonRawBody, rawRequest } from './raw-request.js';
export { eventStream, serverSentEvents } from './sse.js';
export type { ServerSentEvent } from './sse.js';
export { appendBracketPairs, encodeComponent, formEncode } from './form-encode.js';
export {
  deepObjectQuery,
  formFlatQuery,
  formQuery,
  pipeDelimitedQuery,
  spaceDelimitedQuery,
} from './query-encode.js';
export { toFormData, toMultipart } from './multipart.js';
export {
  bracketFormBody,
  bracketMultipartBody,
  formBody,
  jsonBody,
  multipartBody,
  rawBody,
} from './body.js';
export { buildPath } from './path.js';
export { apiKeyAuth, basicAuth, bearerAuth, credentialValue, credentialsFor } from './auth.js';
export { buildHeaders, checkHeaderValue } from './headers.js';
export { encodeRequest } from './encode-request.js';
export {
  INITIAL_RETRY_DELAY_MS,
  MAX_RETRY_AFTER_MS,
  MAX_RETRY_DELAY_MS,
  retryAfterMs,
  retryDelayMs,
  shouldRetry,
  sleep,
} from './retry.js';
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  anyResponse,
  blobResponse,
  readBodyBytes,
  readBodyText,
  textResponse,
} from './response.js';
