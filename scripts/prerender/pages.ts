/**
 * Every page the reader has, from the built JSON API: the latest list and its pages, every
 * article, every section, tag and author page and theirs. Each page with the API files its
 * content comes from, so a rebuild can tell which pages an edit touched.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { paths } from '../../src/lib/paths.ts';

export type PageSpec = {
  /** The page's path: `/`, `/page/2/`, `/{slug}/`, `/tags/uk/page/3/`. */
  path: string;
  /** API files (relative to the API folder) whose content the page shows. */
  sources: string[];
};

const ARCHIVE_FOLDERS = [
  ['sections', 'section'],
  ['tags', 'tag'],
  ['authors', 'author'],
] as const;

const pageNumber = (name: string) => Number(name.replace(/\.json$/, ''));

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
    pages.push({ path: paths.home(pageNumber(name)), sources: [`latest/${name}`] });
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
        path: paths.archive(kind, archivePath, pageNumber(path.basename(entry))),
        sources: [`${folder}/${entry.split(path.sep).join('/')}`],
      });
    }
  }
  return pages;
}
