// The transport: the one object a generated client holds. It turns an OperationSpec plus params into a
// fetch call with auth, versioning, idempotency, timeouts, retries and typed errors, and nothing more.

import type { OperationSpec } from './operation.js';
import type { AuthScheme } from './headers.js';
import type { Vendor } from './vendor.js';
import type { ApiPromise, WithResponse } from './api-promise.js';
import { apiPromise } from './api-promise.js';
import { buildHeaders, checkHeaderValue } from './headers.js';
import { encodeRequest } from './encode-request.js';
import { encodeComponent } from './form-encode.js';
import { ApiError, ConnectionError, errorFromResponse } from './errors.js';
import { retryDelayMs, shouldRetry, sleep, timer } from './retry.js';
import { DEFAULT_MAX_RESPONSE_BYTES, parseJson, readBodyBytes } from './response.js';

/** Anything shaped like the global fetch (the global one is used when none is given). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Identifies a plugin or app built on the client, appended to the User-Agent. */
export interface AppInfo {
  readonly name: string;
  readonly version?: string | undefined;
  readonly url?: string | undefined;
}

/** What the user passes when creating a client (a vendor's module may add options: vendors/). */
export interface ClientOptions {
  readonly apiKey: string;
  /** Defaults to the spec's server, e.g. `https://api.example.com`. */
  readonly baseUrl?: string | undefined;
  /** Overrides the API version the client was generated for; the types may then no longer match. */
  readonly apiVersion?: string | undefined;
  /** Retries after a failed attempt; default 2. */
  readonly maxRetries?: number | undefined;
  /** Milliseconds each attempt may take, body included; default 80000. */
  readonly timeout?: number | undefined;
  readonly fetch?: FetchLike | undefined;
  /** Extra headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly appInfo?: AppInfo | undefined;
  /** Largest response body accepted; default 64 MiB. */
  readonly maxResponseBytes?: number | undefined;
}

/** What the generator knows from the spec. */
export interface SpecDefaults {
  /** The version the client was generated for, sent in `versionHeader`. */
  readonly apiVersion: string;
  /** Header carrying the version (`Stripe-Version` for Stripe); absent or false for APIs not versioned by header. */
  readonly versionHeader?: string | false | undefined;
  /** What the API's vendor module adds (vendors/stripe/'s `STRIPE`): an account option, its errors. */
  readonly vendor?: Vendor | undefined;
  readonly baseUrl: string;
  readonly auth: AuthScheme;
  /** e.g. `my-client/1.0.0`; sent as User-Agent outside browsers (browsers forbid or drop it). */
  readonly userAgent?: string | undefined;
}

/** Per-call settings; each overrides the client's (a vendor's module may add options: vendors/). */
export interface RequestOptions {
  readonly apiKey?: string | undefined;
  /** Sent verbatim; POSTs get a random one when absent. Kept the same on every retry. */
  readonly idempotencyKey?: string | undefined;
  readonly timeout?: number | undefined;
  readonly maxRetries?: number | undefined;
  /** Aborting rejects the call with the signal's reason (by default a DOMException named AbortError), even mid-backoff. */
  readonly signal?: AbortSignal | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

export interface Transport {
  /** One call; with `pageUrl` (a list's next page as the API gave it), that URL instead of the operation's path and query. */
  request<T>(
    spec: OperationSpec,
    pathParams: Readonly<Record<string, string | number>>,
    params: object | undefined,
    options: RequestOptions | undefined,
    pageUrl?: string,
  ): ApiPromise<T>;
}

/**
 * The numeric options, with what each may be. setTimeout fires at once past 2^31 - 1 ms, so longer
 * timeouts are refused; 2^53 - 1 is Number.MAX_SAFE_INTEGER.
 */
const LIMITS = [
  ['maxRetries', 0, 100],
  ['timeout', 1, 2 ** 31 - 1],
  ['maxResponseBytes', 0, 2 ** 53 - 1],
] as const;

type Limits = { -readonly [K in (typeof LIMITS)[number][0]]: number };

/** The numeric options `given` sets, checked, over `fallback` (the client's, or the defaults). */
function limits(
  given: Partial<Readonly<Record<keyof Limits, number | undefined>>>,
  fallback: Limits,
): Limits {
  const out = { ...fallback };
  for (const [name, min, max] of LIMITS) {
    const value = given[name];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new TypeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
    }
    out[name] = value;
  }
  return out;
}

function checkApiKey(key: unknown): string {
  if (!key || typeof key !== 'string')
    throw new TypeError('apiKey is required: pass your secret key as { apiKey }');
  return checkHeaderValue('apiKey', key);
}

/** Why no response arrived, with the key scrubbed in case a low-level message echoed the URL. */
function connectionError(
  cause: unknown,
  timedOut: boolean,
  timeout: number,
  retries: number,
  apiKey: string,
): ConnectionError {
  const inner = (cause as { cause?: unknown } | null)?.cause;
  const detail =
    (cause instanceof Error ? cause.message : String(cause)) +
    (inner instanceof Error ? ': ' + inner.message : '');
  const leaks = [apiKey, encodeComponent(apiKey)].some((k) => (detail + String(cause)).includes(k));
  const message =
    (timedOut
      ? `Request timed out after ${timeout} ms`
      : `Could not connect to the API (${leaks ? 'network error' : detail})`) +
    (retries ? `; gave up after ${retries} ${retries > 1 ? 'retries' : 'retry'}` : '');
  return new ConnectionError(message, leaks ? {} : { cause });
}

const trimSlashes = (url: string) => url.replace(/\/+$/, '');

/**
 * A next page's URL as the API gave it (absolute or relative to `base`), followed only on the
 * client's own origin: the key goes nowhere else. `keyPair` is `name=key` when the key travels
 * in the query; it is added unless the URL carries that parameter already.
 */
function sameOrigin(given: string, base: string, keyPair: string | undefined): string {
  const url = new URL(given, base + '/');
  const origin = new URL(base).origin;
  if (url.origin !== origin) {
    throw new TypeError(
      `The next page's URL is on ${url.origin}, not on the client's ${origin}: not followed`,
    );
  }
  const name = keyPair?.slice(0, keyPair.indexOf('='));
  const has = url.search
    .slice(1)
    .split('&')
    .some((pair) => pair.split('=')[0] === name);
  return keyPair && !has ? url.href + (url.search ? '&' : '?') + keyPair : url.href;
}

/** The client's and the app's names; none in browsers, which forbid or drop User-Agent. */
function userAgentOf(client: string | undefined, app: AppInfo | undefined): string | undefined {
  if (/^Mozilla\//.test(globalThis.navigator?.userAgent)) return undefined;
  const appName =
    app && app.name + (app.version ? '/' + app.version : '') + (app.url ? ` (${app.url})` : '');
  return [client, appName].filter(Boolean).join(' ') || undefined;
}

/**
 * Creates the transport a generated client uses for every call. Options are checked here, so a missing
 * key or a malformed base URL fails at construction rather than on the first call.
 * Per call: at most 1 + maxRetries attempts, each bounded by `timeout`; see retry.ts for the policy.
 */
export function createTransport(options: ClientOptions, defaults: SpecDefaults): Transport {
  const clientKey = checkApiKey(options.apiKey);
  const baseUrl = trimSlashes(options.baseUrl ?? defaults.baseUrl);
  try {
    new URL(baseUrl);
  } catch {
    throw new TypeError(`baseUrl must be an absolute URL, got "${baseUrl}"`);
  }
  const clientLimits = limits(options, {
    maxRetries: 2,
    timeout: 80_000,
    maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
  });
  // Late-bound so a fetch installed or stubbed after client creation is used, and never called as a method.
  const fetchFn: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const { versionHeader } = defaults;
  const version = versionHeader
    ? ([versionHeader, options.apiVersion ?? defaults.apiVersion] as const)
    : undefined;
  const userAgent = userAgentOf(defaults.userAgent, options.appInfo);
  const auth = defaults.auth;
  const { account, errors }: Vendor = defaults.vendor ?? {};
  // The option is named by the vendor (`stripeAccount`); its module declares it on the option types.
  const accountOf = (given: object) =>
    account && (given as Readonly<Record<string, string | undefined>>)[account.option];

  async function send<T>(
    spec: OperationSpec,
    pathParams: Readonly<Record<string, string | number>>,
    params: object | undefined,
    request: RequestOptions = {},
    /** A next page's URL as the API gave it, sent instead of the operation's path and query. */
    pageUrl?: string,
  ): Promise<WithResponse<T>> {
    const { signal } = request;
    const apiKey = request.apiKey === undefined ? clientKey : checkApiKey(request.apiKey);
    const { maxRetries, timeout, maxResponseBytes } = limits(request, clientLimits);
    const encoded = encodeRequest(spec, pathParams, params);
    const streamed = encoded.body instanceof ReadableStream;
    const retries = streamed ? 0 : maxRetries;
    const { query } = encoded;
    const keyPair = auth.query && encodeComponent(auth.query) + '=' + encodeComponent(apiKey);
    if (keyPair) query.push(keyPair);
    // A client baseUrl wins over the operation's own server, which wins over the spec's.
    const base = trimSlashes(options.baseUrl ?? spec.server ?? defaults.baseUrl);
    const url =
      pageUrl === undefined
        ? base + encoded.path + (query.length ? '?' + query.join('&') : '')
        : sameOrigin(pageUrl, base, keyPair);
    // Built once: every retry sends the very same headers, Idempotency-Key included.
    const headers = buildHeaders({
      method: spec.method,
      auth,
      apiKey,
      version,
      account,
      accountId: accountOf(request) ?? accountOf(options),
      idempotencyKey: request.idempotencyKey,
      contentType: encoded.contentType,
      // A PDF, a CSV or an image: the server may answer with the media type it has.
      accept: spec.response ? '*/*' : undefined,
      userAgent,
      params: encoded.headerParams,
      extra: [options.headers, request.headers],
    });

    for (let retry = 0; ; retry++) {
      signal?.throwIfAborted();
      // One controller per attempt: the timeout covers reading the body too, and the caller's signal
      // is forwarded into it.
      const attempt = new AbortController();
      const abort = (reason?: unknown) => attempt.abort(reason);
      const stop = timer(timeout, signal, abort, abort);
      let res: Response | undefined;
      let bytes: Uint8Array<ArrayBuffer> | undefined;
      let failure: unknown;
      try {
        res = await fetchFn(url, {
          method: spec.method,
          headers,
          body: encoded.body ?? null,
          signal: attempt.signal,
          // A stream is sent as it is read (fetch wants it said); it cannot be sent twice.
          ...(streamed && { duplex: 'half' }),
        });
        bytes = await readBodyBytes(res, maxResponseBytes);
      } catch (error) {
        signal?.throwIfAborted();
        res = undefined;
        failure = error;
      } finally {
        stop();
      }

      if (retry < retries && !res?.ok && shouldRetry(res?.status, res?.headers)) {
        await sleep(retryDelayMs(retry + 1, res?.headers), signal);
        continue;
      }
      // Only the timer aborts the attempt without the caller's signal being aborted too.
      if (!res) throw connectionError(failure, attempt.signal.aborted, timeout, retry, apiKey);
      const { status, ok } = res;
      const info = {
        status,
        headers: res.headers,
        requestId: res.headers.get('request-id') ?? undefined,
      };
      if (bytes === undefined) {
        throw new ApiError(
          `The response body is larger than maxResponseBytes (${maxResponseBytes} bytes)`,
          info,
        );
      }
      // An error body is read as JSON whatever the operation answers on success.
      // A HEAD answer has no body, whatever its Content-Type and Content-Length say.
      const { data, json } =
        ok && spec.method === 'HEAD'
          ? { data: undefined, json: true }
          : ok && spec.response
            ? { data: spec.response(bytes, res.headers.get('content-type')), json: true }
            : parseJson(new TextDecoder().decode(bytes));
      // An error status, or a body that is not JSON where JSON was expected (then `data` is the text).
      if (!ok || !json) throw errorFromResponse(status, res.headers, data, errors);
      return { data: data as T, response: info };
    }
  }

  return {
    request: <T,>(
      spec: OperationSpec,
      pathParams: Readonly<Record<string, string | number>>,
      params: object | undefined,
      options: RequestOptions | undefined,
      pageUrl?: string,
    ): ApiPromise<T> => apiPromise(send<T>(spec, pathParams, params, options, pageUrl)),
  };
}
