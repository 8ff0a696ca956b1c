/**
 * `api/updates.json` (decision 022): what an open reader asks for every minute to learn of
 * new stories and of corrections. It holds the newest articles with only what a list needs
 * to tell whether one is new to it (slug, times, section path, tag and author slugs), and the
 * latest changes to older articles, so it stays a few KB gzipped whatever the archive's size.
 */
import { apiPaths, type UpdateEntry, type Updates } from '../../src/contract/article.ts';
import { sectionPath } from '../../src/lib/paths.ts';
import type { ArticleRecord } from './article-record.ts';

/**
 * How many of the newest articles the file lists: more than a newsroom publishes between
 * two checks (a minute) or in the hour a tab may sit unwatched (a background tab does not
 * check), and few enough that the file stays a few KB.
 */
export const UPDATES_NEWEST = 50;
/** How many changes to older articles it lists: more than a newsroom corrects in a minute. */
export const UPDATES_CHANGED = 20;

/** What the file says of one of the newest articles. */
export function updateEntry(record: Pick<ArticleRecord, 'summary' | 'tags' | 'authors'>): UpdateEntry {
  const { slug, published, modified, section } = record.summary;
  return {
    slug,
    published,
    modified,
    section: sectionPath(section),
    tags: [...new Set(record.tags.map((tag) => tag.slug))],
    authors: [...new Set(record.authors.map((author) => author.slug))],
  };
}

/**
 * The latest changes among `older` (articles past the newest), latest first: one pass that
 * keeps a short list, not a sort of 100,000.
 */
export function latestChanges(older: Iterable<{ slug: string; modified: string }>): Updates['changed'] {
  const kept: { slug: string; modified: string; time: number }[] = [];
  for (const { slug, modified } of older) {
    const time = Date.parse(modified);
    const last = kept.at(-1);
    if (kept.length === UPDATES_CHANGED && last !== undefined && time <= last.time) continue;
    const at = kept.findIndex((other) => time > other.time);
    kept.splice(at === -1 ? kept.length : at, 0, { slug, modified, time });
    if (kept.length > UPDATES_CHANGED) kept.pop();
  }
  return kept.map(({ slug, modified }) => ({ slug, modified }));
}

/** The file's path (under the bundle root) and text. */
export function updatesOutput(
  apiDir: string,
  newest: UpdateEntry[],
  changed: Updates['changed'],
): [string, string] {
  const updates: Updates = { newest, changed };
  return [`${apiDir}/${apiPaths.updates()}`, JSON.stringify(updates)];
}
