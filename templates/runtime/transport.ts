// The transport: the one object a generated client holds. It turns an OperationSpec plus params into a
// fetch call with auth, versioning, idempotency, timeouts, retries and typed errors, and nothing more.
// A call goes through named steps (build the request, send one attempt, decide a retry, its delay,
// read the answer, make the error); a vendor's module (vendors/) may replace the policy ones.

import type { EncodedBody, OperationSpec, ResponseReader } from './operation.js';
import type { AuthScheme, BasicCredentials, Security } from './auth.js';
import type { Vendor } from './vendor.js';
import type { ApiPromise, WithResponse } from './api-promise.js';
import { apiPromise } from './api-promise.js';
import { credentialsFor, credentialValue } from './auth.js';
import { buildHeaders } from './headers.js';
import { encodeRequest } from './encode-request.js';
import { encodeComponent } from './form-encode.js';
import { ApiError, ConnectionError, errorFromResponse, requestIdOf } from './errors.js';
import { retryDelayMs, shouldRetry, sleep, timer } from './retry.js';
import { DEFAULT_MAX_RESPONSE_BYTES, anyResponse, parseJson, readBodyBytes } from './response.js';

/** Anything shaped like the global fetch (the global one is used when none is given). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Identifies a plugin or app built on the client, appended to the User-Agent. */
export interface AppInfo {
  readonly name: string;
  readonly version?: string | undefined;
  readonly url?: string | undefined;
}

/**
 * What the user passes when creating a client (a vendor's module may add options: vendors/), beside
 * the credentials its spec's security schemes take (the generated client's `ClientCredentials`).
 */
export interface ClientOptions {
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

/**
 * ClientOptions, and any other option: the credentials, named by the spec's schemes (the generated
 * client types them; `defaults.auth` says which options hold one).
 */
export type WithCredentials<Options> = {
  readonly [K in keyof Options]: K extends keyof ClientOptions ? ClientOptions[K] : unknown;
};

/** What the generator knows from the spec. */
export interface SpecDefaults {
  /** The version the client was generated for, sent in `versionHeader`. */
  readonly apiVersion: string;
  /** Header carrying the version (`Stripe-Version` for Stripe); absent or false for APIs not versioned by header. */
  readonly versionHeader?: string | false | undefined;
  /** What the API's vendor module adds (vendors/stripe/'s `STRIPE`): an account option, its errors. */
  readonly vendor?: Vendor | undefined;
  readonly baseUrl: string;
  /** The spec's security schemes the client uses, by the option holding each one's credential. */
  readonly auth?: Readonly<Record<string, AuthScheme>> | undefined;
  /** The document's security requirement (auth.ts), for operations without their own; absent: none. */
  readonly security?: Security | undefined;
  /** The options every operation needs: a client is not made without them. */
  readonly required?: readonly string[] | undefined;
  /** e.g. `my-client/1.0.0`; sent as User-Agent outside browsers (browsers forbid or drop it). */
  readonly userAgent?: string | undefined;
}

/** Per-call settings; each overrides the client's (a vendor's module may add options: vendors/). */
export interface RequestOptions {
  /**
   * Sent verbatim in the idempotency header the operation or the vendor declares (`Idempotency-Key`
   * otherwise); where one is declared, a random key is made when absent. Kept the same on every
   * retry, and makes the request safe to retry.
   */
  readonly idempotencyKey?: string | undefined;
  readonly timeout?: number | undefined;
  readonly maxRetries?: number | undefined;
  /** Aborting rejects the call with the signal's reason (by default a DOMException named AbortError), even mid-backoff. */
  readonly signal?: AbortSignal | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

export interface Transport {
  /**
   * One call; with `target` (a list's next page as the API gave it, or rawRequest's absolute URL,
   * each through `sameOrigin`), that URL instead of the operation's path and query, with the same
   * auth. `withResponse()` on the result gives the status and headers (a `Link` header, say).
   */
  request<T>(
    spec: OperationSpec,
    pathParams: Readonly<Record<string, string | number>>,
    params: object | undefined,
    options: RequestOptions | undefined,
    target?: UrlTarget,
  ): ApiPromise<T>;
}

/** The URL a call goes to instead of the operation's path, from the base URL and the query keys. */
export type UrlTarget = (base: string, keyPairs: readonly string[]) => string;

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

/** Why no response arrived, with the credentials scrubbed in case a low-level message echoed the URL. */
function connectionError(
  cause: unknown,
  timedOut: boolean,
  timeout: number,
  retries: number,
  secrets: readonly string[],
): ConnectionError {
  const inner = (cause as { cause?: unknown } | null)?.cause;
  const detail =
    (cause instanceof Error ? cause.message : String(cause)) +
    (inner instanceof Error ? ': ' + inner.message : '');
  const leaks = secrets.some((secret) =>
    [secret, encodeComponent(secret)].some((k) => (detail + String(cause)).includes(k)),
  );
  const message =
    (timedOut
      ? `Request timed out after ${timeout} ms`
      : `Could not connect to the API (${leaks ? 'network error' : detail})`) +
    (retries ? `; gave up after ${retries} ${retries > 1 ? 'retries' : 'retry'}` : '');
  return new ConnectionError(message, leaks ? {} : { cause });
}

const trimSlashes = (url: string) => url.replace(/\/+$/, '');

/**
 * A URL as the API gave it (absolute or relative to the base URL), followed only on the client's
 * own origin: credentials go nowhere else. `keyPairs` are the `name=key` credentials that travel in
 * the query; each is added unless the URL carries that parameter already. Given to the transport by
 * the callers that follow URLs, so a bundle whose calls never do leaves it out.
 */
export const sameOrigin =
  (given: string): UrlTarget =>
  (base, keyPairs) => {
    const url = new URL(given, base + '/');
    const origin = new URL(base).origin;
    if (url.origin !== origin) {
      throw new TypeError(
        `The URL is on ${url.origin}, not on the client's ${origin}: not followed`,
      );
    }
    const names = url.search
      .slice(1)
      .split('&')
      .map((pair) => pair.split('=')[0]);
    const added = keyPairs.filter((pair) => !names.includes(pair.slice(0, pair.indexOf('='))));
    return url.href + (added.length ? (url.search ? '&' : '?') + added.join('&') : '');
  };

/** The client's and the app's names; none in browsers, which forbid or drop User-Agent. */
function userAgentOf(client: string | undefined, app: AppInfo | undefined): string | undefined {
  if (/^Mozilla\//.test(globalThis.navigator?.userAgent)) return undefined;
  const appName =
    app && app.name + (app.version ? '/' + app.version : '') + (app.url ? ` (${app.url})` : '');
  return [client, appName].filter(Boolean).join(' ') || undefined;
}

/** One request as built: sent alike on every attempt (the idempotency key included). */
interface Prepared {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: EncodedBody | null;
  /** Safe to repeat: an idempotent method, or an idempotency key on it. */
  readonly safe: boolean;
  /** A stream body: sent as it is read, so it cannot be sent twice. */
  readonly streamed: boolean;
  /** The operation's reader of an event stream answer, if it streams. */
  readonly events: OperationSpec['events'];
  /** How a success body is read: the operation's reader, or by its Content-Type when the caller chose the Accept; undefined for JSON. */
  readonly reader: ResponseReader | undefined;
}

/** What one attempt ended with: a response and its bytes (undefined past the bound), or a failure. */
type Outcome =
  | {
      readonly res: Response;
      readonly bytes: Uint8Array<ArrayBuffer> | undefined;
      /** An event stream, left unread for the operation's `events` reader. */
      readonly live?: true;
    }
  | {
      readonly res?: undefined;
      readonly failure: unknown;
      readonly timedOut: boolean;
    };

/** Methods that may be repeated without changing the outcome (RFC 9110, 9.2.2). */
const IDEMPOTENT_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'];

/**
 * Creates the transport a generated client uses for every call. Options are checked here, so a missing
 * key or a malformed base URL fails at construction rather than on the first call. `options` holds
 * the credentials too, each under the option `defaults.auth` names (typed by the generated client).
 * Per call: at most 1 + maxRetries attempts, each bounded by `timeout`; see retry.ts for the policy.
 */
export function createTransport<Options extends WithCredentials<Options>>(
  given: Options,
  defaults: SpecDefaults,
): Transport {
  const options: ClientOptions = given;
  const schemes = defaults.auth ?? {};
  // Credentials are options named by the spec's schemes (the generated ClientCredentials).
  const optionOf = (from: object, name: string) =>
    (from as Readonly<Record<string, unknown>>)[name];
  // A credential given as a value is checked at once (a function when it is asked), and a
  // required one even when absent.
  for (const name in schemes) {
    const credential = optionOf(options, name);
    if (
      typeof credential !== 'function' &&
      (credential !== undefined || defaults.required?.includes(name))
    )
      credentialValue(name, schemes[name]!, credential);
  }
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
  const vendor: Vendor = defaults.vendor ?? {};
  const { account, errors, idempotency } = vendor;
  const decideRetry = vendor.shouldRetry ?? shouldRetry;
  const delayOf = vendor.retryDelay ?? retryDelayMs;
  // The option is named by the vendor (`stripeAccount`); its module declares it on the option types.
  const accountOf = (given: object) => account && (optionOf(given, account.option) as string);

  /** Step 1, build the request: URL, headers and body, once for every attempt. */
  function prepare(
    spec: OperationSpec,
    pathParams: Readonly<Record<string, string | number>>,
    params: object | undefined,
    request: RequestOptions,
    credentials: readonly (readonly [AuthScheme, string])[],
    target: UrlTarget | undefined,
  ): Prepared {
    const { method } = spec;
    const encoded = encodeRequest(spec, pathParams, params);
    const { query } = encoded;
    const keyPairs: string[] = [];
    const auth: [string, string][] = [];
    const cookies: string[] = [];
    for (const [{ in: at, name }, value] of credentials) {
      if (at === 'query') keyPairs.push(encodeComponent(name) + '=' + encodeComponent(value));
      else if (at === 'cookie') cookies.push(name + '=' + value);
      else auth.push([name, value]);
    }
    if (cookies.length) auth.push(['Cookie', cookies.join('; ')]);
    query.push(...keyPairs);
    // A client baseUrl wins over the operation's own server, which wins over the spec's.
    const base = trimSlashes(options.baseUrl ?? spec.server ?? defaults.baseUrl);
    const url =
      target === undefined
        ? base + encoded.path + (query.length ? '?' + query.join('&') : '')
        : target(base, keyPairs);
    // The idempotency header the operation declares, else the vendor's; a key is made only for those.
    const keyHeader = spec.idempotencyHeader ?? idempotency?.header;
    const keyMade = spec.idempotencyHeader !== undefined || !!idempotency?.methods.includes(method);
    const idempotencyKey = request.idempotencyKey ?? (keyMade ? crypto.randomUUID() : undefined);
    // A PDF, a CSV or an image: the server may answer with the media type it has.
    const accept = spec.accept ?? (spec.response ? '*/*' : undefined);
    const headers = buildHeaders({
      auth,
      version,
      account,
      accountId: accountOf(request) ?? accountOf(options),
      idempotency:
        idempotencyKey === undefined ? undefined : [keyHeader ?? 'Idempotency-Key', idempotencyKey],
      contentType: encoded.contentType,
      accept,
      userAgent,
      params: encoded.headerParams,
      extra: [options.headers, request.headers],
    });
    const safe = IDEMPOTENT_METHODS.includes(method) || (!!keyHeader && headers.has(keyHeader));
    const streamed = encoded.body instanceof ReadableStream;
    // An Accept the caller set (GitHub's `application/vnd.github.raw`) is answered in its own type.
    const asked = headers.get('accept') !== (accept ?? 'application/json');
    return {
      url,
      method,
      headers,
      body: encoded.body ?? null,
      safe,
      streamed,
      events: spec.events,
      reader: asked ? anyResponse : spec.response,
    };
  }

  /** Step 2, one attempt: the fetch and the body read, bounded by `timeout`, stopped by `signal`. */
  async function attempt(
    prepared: Prepared,
    timeout: number,
    maxResponseBytes: number,
    signal: AbortSignal | undefined,
  ): Promise<Outcome> {
    signal?.throwIfAborted();
    // One controller per attempt: the timeout covers reading the body too, and the caller's signal
    // is forwarded into it.
    const controller = new AbortController();
    const abort = (reason?: unknown) => controller.abort(reason);
    const stop = timer(timeout, signal, abort, abort);
    const { url, method, headers, body, streamed } = prepared;
    try {
      const res = await fetchFn(url, {
        method,
        headers,
        body,
        signal: controller.signal,
        // A stream is sent as it is read (fetch wants it said).
        ...(streamed && { duplex: 'half' }),
      });
      if (
        prepared.events &&
        res.ok &&
        /^text\/event-stream/i.test(res.headers.get('content-type') ?? '')
      ) {
        return { res, bytes: undefined, live: true };
      }
      return { res, bytes: await readBodyBytes(res, maxResponseBytes) };
    } catch (failure) {
      signal?.throwIfAborted();
      // Only the timer aborts the attempt without the caller's signal being aborted too.
      return { failure, timedOut: controller.signal.aborted };
    } finally {
      stop();
    }
  }

  /** What every answer tells the caller beside its data, read or streamed. */
  const responseInfo = (res: Response) => ({
    status: res.status,
    headers: res.headers,
    requestId: requestIdOf(res.headers),
  });

  /** Step 5, read the answer: the data, or the error the answer makes (step 6, errors.ts). */
  function read<T>(
    prepared: Prepared,
    res: Response,
    bytes: Uint8Array<ArrayBuffer> | undefined,
    maxResponseBytes: number,
  ): WithResponse<T> {
    const { status, ok } = res;
    const info = responseInfo(res);
    if (bytes === undefined) {
      throw new ApiError(
        `The response body is larger than maxResponseBytes (${maxResponseBytes} bytes)`,
        info,
      );
    }
    // An error body is read as JSON whatever the operation answers on success.
    // A HEAD answer has no body, whatever its Content-Type and Content-Length say; nor has a 204
    // or 205 (fetch gives them none): like any empty body, they are undefined.
    const { reader } = prepared;
    const { data, json } =
      ok && (prepared.method === 'HEAD' || !bytes.length)
        ? { data: undefined, json: true }
        : ok && reader
          ? { data: reader(bytes, res.headers.get('content-type')), json: true }
          : parseJson(new TextDecoder().decode(bytes));
    // An error status, or a body that is not JSON where JSON was expected (then `data` is the text).
    if (!ok || !json) throw errorFromResponse(status, res.headers, data, errors);
    return { data: data as T, response: info };
  }

  async function send<T>(
    spec: OperationSpec,
    pathParams: Readonly<Record<string, string | number>>,
    params: object | undefined,
    request: RequestOptions = {},
    target?: UrlTarget,
  ): Promise<WithResponse<T>> {
    const { signal } = request;
    // The operation's security decides which credentials go (a call's own options win); a
    // function is asked now, for this call.
    const credentials: (readonly [AuthScheme, string])[] = [];
    const secrets: string[] = [];
    for (const [name, given] of credentialsFor(
      spec.security ?? defaults.security ?? [],
      schemes,
      (option) => optionOf(request, option) ?? optionOf(options, option),
    )) {
      const credential = await (typeof given === 'function' ? given() : given);
      credentials.push([schemes[name]!, credentialValue(name, schemes[name]!, credential)]);
      // The key, or Basic's password: never echoed in an error.
      secrets.push(
        typeof credential === 'string' ? credential : (credential as BasicCredentials).password,
      );
    }
    const { maxRetries, timeout, maxResponseBytes } = limits(request, clientLimits);
    const prepared = prepare(spec, pathParams, params, request, credentials, target);
    for (let retry = 0; ; retry++) {
      const outcome = await attempt(prepared, timeout, maxResponseBytes, signal);
      const { res } = outcome;
      // Steps 3 and 4: decide a retry, and wait its delay.
      if (
        retry < (prepared.streamed ? 0 : maxRetries) &&
        !res?.ok &&
        decideRetry(res?.status, res?.headers, prepared.safe)
      ) {
        await sleep(delayOf(retry + 1, res?.headers), signal);
        continue;
      }
      if (!res) {
        throw connectionError(outcome.failure, outcome.timedOut, timeout, retry, secrets);
      }
      if (outcome.live) {
        // Read as it arrives: the caller's signal still stops it (sse.ts).
        return {
          data: spec.events!(res.body!, signal) as T,
          response: responseInfo(res),
        };
      }
      return read<T>(prepared, res, outcome.bytes, maxResponseBytes);
    }
  }

  return {
    request: <T,>(
      spec: OperationSpec,
      pathParams: Readonly<Record<string, string | number>>,
      params: object | undefined,
      options: RequestOptions | undefined,
      target?: UrlTarget,
    ): ApiPromise<T> => apiPromise(send<T>(spec, pathParams, params, options, target)),
  };
}
