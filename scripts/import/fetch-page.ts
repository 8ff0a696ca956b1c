/**
 * Reads one page of a source, from the network or from a file, and checks it before use:
 * a page that is not what it claims to be stops the import with its URL and the reason.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import {
  DEFAULT_LIMIT_BYTES,
  formatBytes,
  HttpError,
  httpGet,
  namedLimit,
  type HttpOptions,
} from '../lib/http.ts';
import { ImportError } from './import-error.ts';

export type Page = {
  /** The URL or file the page came from, as named in messages. */
  where: string;
  text: string;
  /** Response headers; none for a file. */
  headers?: Headers;
};

export function isHttpUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

export async function readPage(
  location: string,
  http: HttpOptions,
  accept?: string,
): Promise<Page> {
  if (isHttpUrl(location)) {
    const result = await httpGet(location, http, accept === undefined ? {} : { accept }).catch(
      (error: unknown) => {
        // A source that cannot be read stops the import, with the request's own message.
        throw error instanceof HttpError ? new ImportError(error.message, { cause: error }) : error;
      },
    );
    return {
      where: location,
      text: new TextDecoder().decode(result.body),
      headers: result.headers,
    };
  }
  try {
    // A file is held to the same cap as an answer from the network.
    const limit = http.limitBytes ?? DEFAULT_LIMIT_BYTES;
    const { size } = await stat(path.resolve(location));
    if (size > limit) {
      const cap = namedLimit(http.limitNames?.limitBytes, formatBytes(limit));
      throw new ImportError(`${location}: larger than ${cap}; not read`);
    }
    return { where: location, text: await readFile(path.resolve(location), 'utf8') };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new ImportError(`${location}: cannot read the file (${code})`, { cause: error });
  }
}

export function parseJson(page: Page): unknown {
  try {
    return JSON.parse(page.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(`${page.where}: not valid JSON (${reason})`, { cause: error });
  }
}

/** Checks external data against its schema; the message names the first field that is wrong. */
export function checkShape<TSchema extends v.GenericSchema>(
  page: Page,
  schema: TSchema,
  data: unknown,
  what: string,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const field = issue === undefined ? undefined : v.getDotPath(issue);
  const detail =
    issue === undefined ? 'unexpected shape' : `${field ?? '(top level)'}: ${issue.message}`;
  throw new ImportError(`${page.where}: not ${what}: ${detail}`);
}
