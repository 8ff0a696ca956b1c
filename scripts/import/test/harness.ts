/** Shared setup for the importer tests: a temp content folder, quick HTTP settings, the build. */
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as v from 'valibot';
import { ArticleSchema, type Article } from '../../../src/contract/article.ts';
import { buildContent } from '../../content/build-content.ts';
import type { HttpOptions } from '../../lib/http.ts';
import { runImport, type ImportSummary } from '../run-import.ts';
import type { ImportSource, SourceContext } from '../source.ts';

/** Retries with tiny delays, so the fault tests stay fast. */
export const QUICK_HTTP: HttpOptions = { timeoutMs: 2_000, attempts: 3, retryDelayMs: 5 };

export async function tempContent(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'reader-import-'));
}

/**
 * A context collecting warnings. A source on 127.0.0.1 may read from 127.0.0.1 because it is
 * there; a file source reaches the tests' servers only with `allowHosts: ['127.0.0.1']`, as
 * an editor would allow it with `--allow-host`.
 */
export function contextFor(
  http: HttpOptions = QUICK_HTTP,
  options: Pick<SourceContext, 'allowHosts' | 'limits'> = {},
): SourceContext & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    ...options,
    http,
    section: 'News',
    warn: (message) => warnings.push(message),
    warnings,
  };
}

export type ImportRun = { summary: ImportSummary; log: string[]; warnings: string[] };

export async function importInto(
  out: string,
  source: ImportSource,
  warnings: string[] = [],
): Promise<ImportRun> {
  const log: string[] = [];
  const summary = await runImport(source, {
    out,
    log: (line) => log.push(line),
    warn: (line) => warnings.push(line),
  });
  return { summary, log, warnings };
}

/** Runs an import expected to stop; returns its error. */
export async function failingImport(out: string, source: ImportSource): Promise<Error> {
  const error: unknown = await importInto(out, source).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Error)) throw new Error('the import was expected to fail');
  return error;
}

export async function readArticle(out: string, slug: string): Promise<string> {
  return readFile(path.join(out, 'articles', `${slug}.md`), 'utf8');
}

export async function listDir(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [])).sort();
}

/** Every file under `out` with its bytes and mtime, to prove a re-run touched nothing. */
export async function snapshot(out: string): Promise<Map<string, { text: string; mtime: number }>> {
  const files = new Map<string, { text: string; mtime: number }>();
  for (const name of await listDir(path.join(out, 'articles'))) {
    const file = path.join(out, 'articles', name);
    files.set(name, { text: await readFile(file, 'utf8'), mtime: (await stat(file)).mtimeMs });
  }
  return files;
}

/**
 * Runs the project's content build over the folder; it throws ContentError if it rejects it.
 * Photos are downloaded only from the tests' own servers: a fixture naming the source site's
 * real photos never sends a request to the Internet.
 */
export async function build(out: string) {
  return buildContent({
    contentDir: out,
    rootDir: out,
    mayDownload: (url) => new URL(url).hostname === '127.0.0.1',
    allowHosts: ['127.0.0.1'],
    warn: () => undefined,
  });
}

export function articleJson(files: Map<string, string | Uint8Array>, slug: string): Article {
  const text = files.get(`api/articles/${slug}.json`);
  if (typeof text !== 'string') throw new Error(`no JSON for ${slug}`);
  return v.parse(ArticleSchema, JSON.parse(text));
}
