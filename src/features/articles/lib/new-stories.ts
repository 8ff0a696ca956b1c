import type {
  ArchiveKind,
  ArticleSummary,
  UpdateEntry,
  Updates,
} from '../../../contract/article.ts';

/** Which articles a list shows: all of them (the latest), or an archive's. */
export type ListScope = { kind: 'latest' } | { kind: ArchiveKind; path: string };

/** Whether a list shows the article: a section's front lists its sub-sections' too. */
export function isInList(entry: UpdateEntry, scope: ListScope): boolean {
  switch (scope.kind) {
    case 'latest':
      return true;
    case 'section':
      return entry.section === scope.path || entry.section.startsWith(`${scope.path}/`);
    case 'tag':
      return entry.tags.includes(scope.path);
    case 'author':
      return entry.authors.includes(scope.path);
    default:
      return scope satisfies never;
  }
}

/**
 * The articles newer than the newest a list shows, which it does not show yet, newest first.
 * An article published earlier than the list's newest (back-dated) is not news to it.
 */
export function newStories(
  updates: Updates,
  scope: ListScope,
  shown: readonly Pick<ArticleSummary, 'slug' | 'published'>[],
): string[] {
  const slugs = new Set(shown.map((article) => article.slug));
  const newest = Math.max(...shown.map((article) => Date.parse(article.published)));
  return updates.newest
    .filter(
      (entry) =>
        isInList(entry, scope) && !slugs.has(entry.slug) && Date.parse(entry.published) >= newest,
    )
    .map((entry) => entry.slug);
}
