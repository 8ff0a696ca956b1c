import type { ArchiveKind, Section } from '../contract/article.ts';

/**
 * A list's front is its own path; its page N (counted from the oldest, decision 019) a path
 * of its own below it (`/page/2/`), as on the source site: a static host serves it as a file.
 */
const withPage = (path: string, page: number | undefined) =>
  page === undefined ? path : `${path}page/${page}/`;

/**
 * Every in-app URL is built here. Article and archive URLs keep the source site's shapes
 * (`/{slug}/`, `/category/{region}/{country}/`, `/tags/{tag}/`, `/author/{name}/`), so links
 * shared from the old site map one to one.
 */
export const paths = {
  home: (page?: number) => withPage('/', page),
  article: (slug: string) => `/${slug}/`,
  /** Search results: `/search/?q=...`, with the filters beside the query. */
  search: (params?: URLSearchParams) => {
    const query = params?.toString() ?? '';
    return query === '' ? '/search/' : `/search/?${query}`;
  },
  /** Articles saved on this device (drawn by the browser: the server cannot know them). */
  saved: () => '/saved/',
  /** The reader's own copy of a saved article, read from this device (decision 015). */
  savedCopy: (slug: string) => `/saved/${slug}/`,
  archive: (kind: ArchiveKind, path: string, page?: number) => {
    const folder = { section: 'category', tag: 'tags', author: 'author' }[kind];
    return withPage(`/${folder}/${path}/`, page);
  },
};

/** A section's archive path: its own slug under those of the sections above it. */
export function sectionPath(section: Section): string {
  return [...(section.parents ?? []), section].map((step) => step.slug).join('/');
}
