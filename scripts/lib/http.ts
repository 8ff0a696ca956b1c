/**
 * The build tools' only way to the network (importers reading a source, the content build
 * downloading photos): GET with a timeout, retries with exponential backoff for the
 * failures that pass (timeouts, dropped connections, 5xx, 429), and an immediate stop for
 * the ones that do not (other 4xx). Every read is bounded: the body is streamed and dropped
 * at a byte cap, and redirects are followed by hand, a few at most, each hop checked by the
 * caller's guard before anything is sent to it. Every error names the URL.
 */

/** A request that failed for good; its message is one line naming the URL and why. */
export class HttpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export type HttpOptions = {
  /** Per attempt, reading the body included. */
  timeoutMs: number;
  /** Attempts in all, the first included. */
  attempts: number;
  /** The wait before the second attempt; it doubles for each one after. */
  retryDelayMs: number;
  /** Fail, without retrying, an answer larger than this (default DEFAULT_LIMIT_BYTES). */
  limitBytes?: number;
  /** Redirects followed before giving up (default DEFAULT_MAX_REDIRECTS). */
  maxRedirects?: number;
  /**
   * Checks a URL before anything is sent to it: the one asked for, then every redirect hop
   * (`from` is the URL that redirected). Returns why it may not be fetched, or undefined.
   */
  guard?: (url: URL, from: URL | undefined) => Promise<string | undefined>;
  /** How messages name the limits: the command-line options that set them. */
  limitNames?: { limitBytes?: string; maxRedirects?: string };
};

export const DEFAULT_HTTP: HttpOptions = { timeoutMs: 20_000, attempts: 4, retryDelayMs: 1_000 };

/** No caller reads an answer whole without a cap: a hostile server may send gigabytes. */
export const DEFAULT_LIMIT_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Servers that ask for a longer pause (Retry-After) get it, up to this. */
const MAX_RETRY_AFTER_MS = 60_000;

const USER_AGENT = 'news-reader/0.1';

export type HttpResult = { url: string; headers: Headers; body: Uint8Array };

type Failure = { problem: string; retryAfterMs?: number };

export type HttpRequest = {
  accept?: string;
  /** Stop reading early (to sniff an image's size from its first bytes). */
  maxBytes?: number;
  /** Fail, without retrying, an answer larger than this; overrides the options' cap. */
  limitBytes?: number;
  /**
   * What the answer must be, by its Content-Type, for its body to be read (an image and
   * nothing else, when measuring one): anything else is refused unread. An answer without
   * a Content-Type is read, and judged by its bytes.
   */
  expect?: { type: RegExp; what: string };
};

/** Fetches `url`, retrying what may pass. */
export async function httpGet(
  url: string,
  options: HttpOptions,
  request: HttpRequest = {},
): Promise<HttpResult> {
  let last: Failure = { problem: 'no attempt made' };
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    if (attempt > 1) {
      const backoff = options.retryDelayMs * 2 ** (attempt - 2);
      await sleep(Math.max(backoff, Math.min(last.retryAfterMs ?? 0, MAX_RETRY_AFTER_MS)));
    }
    const outcome = await attemptGet(url, options, request);
    if ('body' in outcome) return outcome;
    last = outcome;
  }
  const tries = options.attempts === 1 ? '1 attempt' : `${options.attempts} attempts`;
  throw new HttpError(`GET ${url}: ${last.problem}, still failing after ${tries}`);
}

/**
 * One attempt, following redirects by hand: a result, a failure worth retrying, or a thrown
 * HttpError for one that is not.
 */
async function attemptGet(
  url: string,
  options: HttpOptions,
  request: HttpRequest,
): Promise<HttpResult | Failure> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let current = new URL(url);
  let from: URL | undefined;
  try {
    for (let hops = 0; ; hops++) {
      const refusal = await options.guard?.(current, from);
      if (refusal !== undefined) {
        const hop = from === undefined ? '' : `redirected to ${current.href}: `;
        throw new HttpError(`GET ${url}: ${hop}${refusal}`);
      }
      const response = await fetch(current, {
        signal,
        redirect: 'manual',
        headers: {
          'user-agent': USER_AGENT,
          accept: request.accept ?? '*/*',
          ...(request.maxBytes === undefined ? {} : { range: `bytes=0-${request.maxBytes - 1}` }),
        },
      });
      const location = response.headers.get('location');
      if (REDIRECTS.has(response.status) && location !== null) {
        await response.body?.cancel().catch(() => undefined);
        if (hops >= maxRedirects) {
          const limit = namedLimit(options.limitNames?.maxRedirects, String(maxRedirects));
          throw new HttpError(
            `GET ${url}: more than ${limit} redirects; stopped at ${current.href}`,
          );
        }
        from = current;
        current = new URL(location, current);
        continue;
      }
      if (response.ok) {
        return {
          url: current.href,
          headers: response.headers,
          body: await readBody(url, response, options, request),
        };
      }
      await response.body?.cancel().catch(() => undefined);
      const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (response.status === 429 || response.status >= 500) {
        return { problem: status, retryAfterMs: retryAfter(response.headers.get('retry-after')) };
      }
      throw new HttpError(`GET ${url}: ${status}`);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (signal.aborted) return { problem: `no response within ${formatMs(options.timeoutMs)}` };
    return { problem: `network error (${describeNetworkError(error)})` };
  }
}

/** "--max-bytes 20 MB" where an option sets the limit, else the figure alone. */
export function namedLimit(name: string | undefined, figure: string): string {
  return name === undefined ? figure : `${name} ${figure}`;
}

async function readBody(
  url: string,
  response: Response,
  options: HttpOptions,
  { maxBytes, expect, ...request }: HttpRequest,
): Promise<Uint8Array> {
  const type = response.headers.get('content-type');
  if (expect !== undefined && type !== null && !expect.type.test(type)) {
    await response.body?.cancel().catch(() => undefined);
    throw new HttpError(`GET ${url}: not ${expect.what} (Content-Type ${type}); not read`);
  }
  const limitBytes = request.limitBytes ?? options.limitBytes ?? DEFAULT_LIMIT_BYTES;
  const limit = namedLimit(options.limitNames?.limitBytes, formatBytes(limitBytes));
  if (Number(response.headers.get('content-length')) > limitBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new HttpError(`GET ${url}: larger than ${limit}; not read`);
  }
  if (response.body === null) return new Uint8Array(await response.arrayBuffer());
  // Servers may ignore Range and send the whole file; stop reading once there is enough.
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  while (maxBytes === undefined || size < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new HttpError(`GET ${url}: larger than ${limit}; stopped reading there`);
    }
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks);
}

export function formatBytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return bytes >= 1024 * 1024
    ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`
    : `${bytes} bytes`;
}

function retryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function describeNetworkError(error: unknown): string {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string')
    return cause.code;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
