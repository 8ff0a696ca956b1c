/**
 * Every page the reader has, from the built JSON API: each list's front (`front.json`, at the
 * list's own URL) and its pages (`3.json`, at `page/3/`), every article, every section, tag
 * and author page and theirs. Each page comes from one API file, so the content build's
 * change list (decision 023) says which pages an edit touched.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FRONT_FILE } from '../../src/contract/article.ts';
import { paths } from '../../src/lib/paths.ts';

export type PageSpec = {
  /** The page's path: `/`, `/page/2/`, `/{slug}/`, `/tags/uk/page/3/`. */
  path: string;
  /** API files (relative to the API folder) whose content the page shows. */
  sources: string[];
};

const ARCHIVE_FOLDERS = {
  sections: 'section',
  tags: 'tag',
  authors: 'author',
} as const;

/** A list's file: its front (undefined), or a page by number; anything else is no list's. */
const pageOf = (name: string): number | undefined | false =>
  name === FRONT_FILE ? undefined : /^\d+\.json$/.test(name) ? Number(name.slice(0, -5)) : false;

/**
 * The page an API file (relative to the API folder, with `/`) is shown on, if it is one
 * page's content: `articles/{slug}.json`, `latest/{front|n}.json`, `{sections|tags|authors}/{path}/{front|n}.json`.
 * Other files (the section menu, the search index) are shown on no page of their own.
 */
export function pageFor(source: string): PageSpec | undefined {
  if (!source.endsWith('.json')) return undefined;
  const parts = source.split('/');
  const [folder] = parts;
  const last = parts[parts.length - 1] ?? '';
  if (folder === 'articles' && parts.length === 2) {
    return { path: paths.article(last.replace(/\.json$/, '')), sources: [source] };
  }
  const page = pageOf(last);
  if (page === false) return undefined;
  if (folder === 'latest' && parts.length === 2) {
    return { path: paths.home(page), sources: [source] };
  }
  if (folder !== undefined && folder in ARCHIVE_FOLDERS && parts.length >= 3) {
    const kind = ARCHIVE_FOLDERS[folder as keyof typeof ARCHIVE_FOLDERS];
    return {
      path: paths.archive(kind, parts.slice(1, -1).join('/'), page),
      sources: [source],
    };
  }
  return undefined;
}

function filesIn(dir: string, isRecursive: boolean): string[] {
  try {
    return (readdirSync(dir, { recursive: isRecursive }) as string[])
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.split(path.sep).join('/'));
  } catch {
    return [];
  }
}

/** Every page, from a listing of the API's folders (a full prerender's work). */
export function listPages(apiDir: string): PageSpec[] {
  const sources = [
    ...filesIn(path.join(apiDir, 'latest'), false).map((name) => `latest/${name}`),
    ...filesIn(path.join(apiDir, 'articles'), false).map((name) => `articles/${name}`),
    ...Object.keys(ARCHIVE_FOLDERS).flatMap((folder) =>
      filesIn(path.join(apiDir, folder), true).map((name) => `${folder}/${name}`),
    ),
  ];
  return sources.flatMap((source) => pageFor(source) ?? []);
}
