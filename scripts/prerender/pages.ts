/**
 * Every page the reader has, from the built JSON API: each list's front (`front.json`, at the
 * list's own URL) and its pages (`3.json`, at `page/3/`), every article, every section, tag
 * and author page and theirs. Each page with the API files its
 * content comes from, so a rebuild can tell which pages an edit touched.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FRONT_FILE } from '../../src/contract/article.ts';
import { paths } from '../../src/lib/paths.ts';

export type PageSpec = {
  /** The page's path: `/`, `/page/1/`, `/{slug}/`, `/tags/uk/page/3/`. */
  path: string;
  /** API files (relative to the API folder) whose content the page shows. */
  sources: string[];
};

const ARCHIVE_FOLDERS = [
  ['sections', 'section'],
  ['tags', 'tag'],
  ['authors', 'author'],
] as const;

/** A list's file: its front, or a page by number. */
const pageOf = (name: string) =>
  name === FRONT_FILE ? undefined : Number(name.replace(/\.json$/, ''));

function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
}

export function listPages(apiDir: string): PageSpec[] {
  const pages: PageSpec[] = [];
  for (const name of jsonFiles(path.join(apiDir, 'latest'))) {
    pages.push({ path: paths.home(pageOf(name)), sources: [`latest/${name}`] });
  }
  for (const name of jsonFiles(path.join(apiDir, 'articles'))) {
    pages.push({
      path: paths.article(name.replace(/\.json$/, '')),
      sources: [`articles/${name}`],
    });
  }
  for (const [folder, kind] of ARCHIVE_FOLDERS) {
    const root = path.join(apiDir, folder);
    let entries: string[];
    try {
      entries = readdirSync(root, { recursive: true }) as string[];
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.endsWith('.json')) continue;
      const archivePath = path.dirname(entry).split(path.sep).join('/');
      pages.push({
        path: paths.archive(kind, archivePath, pageOf(path.basename(entry))),
        sources: [`${folder}/${entry.split(path.sep).join('/')}`],
      });
    }
  }
  return pages;
}
