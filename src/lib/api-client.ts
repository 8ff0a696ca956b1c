/**
 * The one place the app talks to the network. Every response is validated against the
 * contract before the app trusts it; failures come back as typed errors so that views can
 * tell "no such article" from "the network is down".
 */
import * as v from 'valibot';

const TIMEOUT_MS = 10_000;

/** The resource does not exist (HTTP 404). */
export class NotFoundError extends Error {
  readonly url: string;
  constructor(url: string) {
    super(`Not found: ${url}`);
    this.name = 'NotFoundError';
    this.url = url;
  }
}

/** The request failed: offline, timed out, a server error, or data that breaks the contract. */
export class ApiError extends Error {
  readonly url: string;
  readonly status: number | undefined;
  constructor(url: string, message: string, status?: number, options?: { cause?: unknown }) {
    super(`${message}: ${url}`, options);
    this.name = 'ApiError';
    this.url = url;
    this.status = status;
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

/** A resource of the JSON API, by its path under the API's base URL. */
export async function getJson<TSchema extends v.GenericSchema>(
  path: string,
  schema: TSchema,
  options: { signal?: AbortSignal } = {},
): Promise<v.InferOutput<TSchema>> {
  const url = `${apiBaseUrl()}${path}`;
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;

  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const reason = timeout.aborted ? 'Timed out' : 'Network error';
    throw new ApiError(url, reason, undefined, { cause: error });
  }
  if (response.status === 404) throw new NotFoundError(url);
  if (!response.ok) throw new ApiError(url, `HTTP ${response.status}`, response.status);
  // A host that rewrites every unknown path to index.html answers a missing JSON file
  // with the app's own page: that is a missing resource, not a broken one.
  if (response.headers.get('content-type')?.includes('text/html')) throw new NotFoundError(url);

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(url, 'Network error', response.status, { cause: error });
  }
  return readJson(url, text, schema);
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
    throw new ApiError(source, 'Response is not JSON', undefined, { cause: error });
  }
  const result = v.safeParse(schema, body);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue ? v.getDotPath(issue) : null;
    throw new ApiError(
      source,
      `Unexpected data${where ? ` at ${where}` : ''} (${issue?.message ?? 'invalid'})`,
    );
  }
  return result.output;
}
