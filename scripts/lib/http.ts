/**
 * The build tools' only way to the network (importers reading a source, the content build
 * downloading photos): GET with a timeout, retries with exponential backoff for the
 * failures that pass (timeouts, dropped connections, 5xx, 429), and an immediate stop for
 * the ones that do not (other 4xx). Every error names the URL.
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
};

export const DEFAULT_HTTP: HttpOptions = { timeoutMs: 20_000, attempts: 4, retryDelayMs: 1_000 };

/** Servers that ask for a longer pause (Retry-After) get it, up to this. */
const MAX_RETRY_AFTER_MS = 60_000;

const USER_AGENT = 'news-reader/0.1';

export type HttpResult = { url: string; headers: Headers; body: Uint8Array };

type Failure = { problem: string; retryAfterMs?: number };

export type HttpRequest = {
  accept?: string;
  /** Stop reading early (to sniff an image's size from its first bytes). */
  maxBytes?: number;
  /** Fail, without retrying, an answer larger than this. */
  limitBytes?: number;
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

/** One attempt: a result, a failure worth retrying, or a thrown ImportError for one that is not. */
async function attemptGet(
  url: string,
  options: HttpOptions,
  request: HttpRequest,
): Promise<HttpResult | Failure> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    const response = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: {
        'user-agent': USER_AGENT,
        accept: request.accept ?? '*/*',
        ...(request.maxBytes === undefined ? {} : { range: `bytes=0-${request.maxBytes - 1}` }),
      },
    });
    if (response.ok) {
      return {
        url: response.url || url,
        headers: response.headers,
        body: await readBody(url, response, request),
      };
    }
    await response.body?.cancel().catch(() => undefined);
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    if (response.status === 429 || response.status >= 500) {
      return { problem: status, retryAfterMs: retryAfter(response.headers.get('retry-after')) };
    }
    throw new HttpError(`GET ${url}: ${status}`);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (signal.aborted) return { problem: `no response within ${formatMs(options.timeoutMs)}` };
    return { problem: `network error (${describeNetworkError(error)})` };
  }
}

async function readBody(
  url: string,
  response: Response,
  { maxBytes, limitBytes }: HttpRequest,
): Promise<Uint8Array> {
  const tooLarge = () =>
    new HttpError(`GET ${url}: larger than ${formatBytes(limitBytes ?? 0)}; not read`);
  if (limitBytes !== undefined && Number(response.headers.get('content-length')) > limitBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
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
    if (limitBytes !== undefined && size > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes} bytes`;
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
