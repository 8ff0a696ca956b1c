/**
 * The one place the app talks to the network. Every response is validated against the
 * contract before the app trusts it; failures come back as typed errors so that views can
 * tell "no such article" from "the network is down", and so that only failures that may
 * pass are tried again (decisions 010 and 018).
 */
import * as v from 'valibot';

/**
 * How long after the first request the answer's headers are waited for, over all attempts.
 * On a 3G connection one round trip takes about 2 s, and a phone busy drawing the page
 * notices the answer later still; a shorter wait would give up on a server that is
 * answering, and ask it again, so that a slow connection could load nothing at all. A
 * server silent this long is not answering: the reader gets the error view with Retry.
 */
export const HEADERS_DEADLINE_MS = 4500;

/**
 * How long the body may go without a single byte arriving. A slow body that keeps coming
 * is read to its end (or to the size limit); one that has stopped is given up.
 */
export const BODY_STALL_MS = 5000;

/** The least time an attempt waits for its headers: one round trip on 3G. */
export const MIN_ATTEMPT_WAIT_MS = 2000;

/** The waits before the second and the third attempt. */
export const RETRY_DELAYS_MS: readonly number[] = [250, 1000];

/**
 * A failure that came back (a 5xx, a reset connection) is asked again once, and a third time
 * only when that attempt starts within this time of the first, which leaves it 3 s of the
 * headers deadline. A timeout is not asked again: the deadline has passed.
 */
export const RETRY_BUDGET_MS = 1500;

/**
 * A response larger than this is refused, unread when its size is declared. The largest
 * files (search postings of a common word) are a few hundred KB at 100,000 articles; a
 * runaway file of megabytes would hold the tab for seconds while it is parsed and drawn.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The resource does not exist (HTTP 404). */
export class NotFoundError extends Error {
  readonly url: string;
  constructor(url: string) {
    super(`Not found: ${url}`);
    this.name = 'NotFoundError';
    this.url = url;
  }
}

/**
 * What went wrong: the network (offline, a reset connection), a timeout, an HTTP status, or
 * data that breaks the contract (not JSON, the wrong shape, an HTML page, too large).
 */
export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'data';

/** The request failed: offline, timed out, a server error, or data that breaks the contract. */
export class ApiError extends Error {
  readonly url: string;
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  constructor(
    url: string,
    message: string,
    kind: ApiErrorKind,
    status?: number,
    options?: { cause?: unknown },
  ) {
    super(`${message}: ${url}`, options);
    this.name = 'ApiError';
    this.url = url;
    this.kind = kind;
    this.status = status;
  }

  /**
   * Whether asking again a moment later may work: the network or the server failed in
   * passing (5xx, 408, 429). A file that is broken stays broken, so bad data is not.
   */
  get isTransient(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    const status = this.status ?? 0;
    return this.kind === 'http' && (status >= 500 || status === 408 || status === 429);
  }
}

/**
 * The JSON API's base URL, set at build time (`VITE_API_BASE_URL`); by default the API is
 * served beside the app, under the site's base path.
 */
export function apiBaseUrl(): string {
  const configured: unknown = import.meta.env.VITE_API_BASE_URL;
  const base =
    typeof configured === 'string' && configured !== ''
      ? configured
      : `${import.meta.env.BASE_URL}api/`;
  return base.endsWith('/') ? base : `${base}/`;
}

export type FetchOptions = {
  signal?: AbortSignal;
  /**
   * The HTTP cache's part (`fetch`'s `cache`): `no-cache` asks the host whether a kept copy
   * is still current (a 304 of a few hundred bytes when it is), for a file polled for news.
   */
  cache?: RequestCache;
};

/**
 * A resource of the JSON API, by its path under the API's base URL. A failure that may pass
 * and came back at once (network, 5xx) is tried again after 250 ms and then 1 s, within the
 * retry budget; a 404, bad data (too large included) and a timeout fail at once.
 */
export async function getJson<TSchema extends v.GenericSchema>(
  path: string,
  schema: TSchema,
  options: FetchOptions = {},
): Promise<v.InferOutput<TSchema>> {
  const url = `${apiBaseUrl()}${path}`;
  const started = performance.now();
  const deadline = started + HEADERS_DEADLINE_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return readJson(url, await fetchText(url, deadline, options), schema);
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      const isWorthRetrying =
        error instanceof ApiError &&
        error.isTransient &&
        error.kind !== 'timeout' &&
        delay !== undefined &&
        // The first retry is always made: how long a failure took to come back depends on the
        // link and the device, and a fast failure deserves its second chance on a slow phone.
        (attempt === 0 || performance.now() - started + delay <= RETRY_BUDGET_MS);
      if (!isWorthRetrying) throw error;
      await pause(delay, options.signal);
    }
  }
}

/**
 * getJson for a path built from something the app was given, such as a URL's slug: when
 * `isName` says it is not a name the API uses (`../../manifest.webmanifest?`), the path
 * would lead out of its folder, so it is not found, and nothing is fetched.
 */
export function getJsonIf<TSchema extends v.GenericSchema>(
  isName: boolean,
  path: string,
  schema: TSchema,
  options: { signal?: AbortSignal } = {},
): Promise<v.InferOutput<TSchema>> {
  if (!isName) return Promise.reject(new NotFoundError(`${apiBaseUrl()}${path}`));
  return getJson(path, schema, options);
}

/**
 * One attempt: the body's text, or a typed error (the caller's own abort passes through).
 * Its headers are waited for until `deadline` (by performance.now()); its body for as long
 * as bytes keep coming.
 */
async function fetchText(
  url: string,
  deadline: number,
  { signal: callerSignal, cache }: FetchOptions,
): Promise<string> {
  const attempt = new AbortController();
  let hasTimedOut = false;
  const timeOutAfter = (ms: number) =>
    setTimeout(() => {
      hasTimedOut = true;
      attempt.abort();
    }, ms);
  const failed = (error: unknown, status?: number) => {
    if (callerSignal?.aborted) return error;
    return hasTimedOut
      ? new ApiError(url, 'Timed out', 'timeout', status, { cause: error })
      : new ApiError(url, 'Network error', 'network', status, { cause: error });
  };

  // A retry that starts late still has a round trip on 3G to be answered in.
  let timer = timeOutAfter(Math.max(MIN_ATTEMPT_WAIT_MS, deadline - performance.now()));
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: callerSignal ? AbortSignal.any([callerSignal, attempt.signal]) : attempt.signal,
        headers: { accept: 'application/json' },
        ...(cache ? { cache } : {}),
      });
    } catch (error) {
      throw failed(error);
    }
    clearTimeout(timer);
    // The body's clock starts again with every piece that arrives (see readText).
    const stillComing = () => {
      clearTimeout(timer);
      timer = timeOutAfter(BODY_STALL_MS);
    };
    stillComing();

    if (!response.ok) {
      response.body?.cancel().catch(() => undefined);
      if (response.status === 404) throw new NotFoundError(url);
      throw new ApiError(url, `HTTP ${response.status}`, 'http', response.status);
    }
    let text: string;
    try {
      text = await readText(url, response, stillComing);
    } catch (error) {
      throw error instanceof ApiError ? error : failed(error, response.status);
    }
    if (response.headers.get('content-type')?.includes('text/html')) {
      // A host that rewrites every unknown path to index.html answers a missing JSON file
      // with the reader's own page: that is a missing resource. Any other page (a Wi-Fi
      // sign-in, a proxy's error page) is bad data.
      if (/\bid=["']?root\b/.test(text)) throw new NotFoundError(url);
      throw new ApiError(url, 'Response is an HTML page, not JSON', 'data', response.status);
    }
    return text;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body as text, refused past MAX_BODY_BYTES: at once when its declared size says so,
 * otherwise as soon as the bytes counted while it streams pass it, and the rest is never
 * downloaded. `onProgress` is told of every piece.
 */
async function readText(url: string, response: Response, onProgress: () => void): Promise<string> {
  const tooLarge = () =>
    new ApiError(
      url,
      `Response larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`,
      'data',
      response.status,
    );
  if (Number(response.headers.get('content-length')) > MAX_BODY_BYTES) {
    response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    onProgress();
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** Waits `ms`, or rejects as soon as the caller aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * JSON text checked against the contract: the data, typed, or an ApiError that names the
 * source and what is wrong, the one kind of error a view shows for bad data. Every payload
 * the app reads (API responses, a prerendered page's state) goes through here.
 */
export function readJson<TSchema extends v.GenericSchema>(
  source: string,
  text: string,
  schema: TSchema,
): v.InferOutput<TSchema> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ApiError(source, 'Response is not JSON', 'data', undefined, { cause: error });
  }
  const result = v.safeParse(schema, body);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue ? v.getDotPath(issue) : null;
    throw new ApiError(
      source,
      `Unexpected data${where ? ` at ${where}` : ''} (${issue?.message ?? 'invalid'})`,
      'data',
    );
  }
  return result.output;
}
