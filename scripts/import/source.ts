/**
 * What an importer is to the runner: a paged source of articles. Paging is by an opaque
 * cursor (a page number for WordPress, the next page's URL for feeds), so the runner can
 * save it and resume any source the same way.
 */
import type { HttpOptions } from '../lib/http.ts';
import type { ImportedArticle, ItemOrigin } from './imported-article.ts';
import type { ImportLimits } from './limits.ts';
import type { Cursor } from './state.ts';

export type SourcePage = {
  articles: ImportedArticle[];
  /** Items that could not become articles, one message each. */
  skipped: string[];
  /** Where the next page is; none on the last page. */
  next?: Cursor;
  /** Items the page listed beyond `--max-items`, left unread: the import stops after it. */
  unread?: number;
  /** "page 2 of 3", for the progress line. */
  label: string;
  /** Ids of items the source lists as no longer published (a WordPress post now a draft). */
  withdrawn?: string[];
  /** Ids of the items in `skipped` that have one: a sync tries them again next run. */
  skippedIds?: string[];
};

export type ImportSource = {
  /** Names the source in messages: its URL or file. */
  name: string;
  /** Same key, same resume state: the source plus the options that change what is fetched. */
  key: string;
  start: Cursor;
  /** How far one run of this import may go (pages, items, time ...). */
  limits: ImportLimits;
  /** Reads the page at `cursor`, and at most `maxItems` of its items. */
  fetchPage: (cursor: Cursor, maxItems: number) => Promise<SourcePage>;
};

export type SourceContext = {
  http: HttpOptions;
  /** The section for articles whose source names none. */
  section: string;
  /** Defaults (limits.ts) for those not given. */
  limits?: Partial<ImportLimits>;
  /** Hosts besides the source's that pages may come from (fetch-policy.ts). */
  allowHosts?: readonly string[];
  warn: (message: string) => void;
  /**
   * The name of the site the articles come from (the REST index's `name`, the feed's title),
   * written as every article's `source_name` for its byline; set by the source once read.
   */
  sourceName?: string;
  /**
   * Whether an item was imported already as the source still gives it (a sync's state): such
   * an item is passed over before its body and photos are read, and is not on the page.
   */
  isCurrent?: (origin: ItemOrigin) => boolean;
};

/**
 * A feed's page as the runner takes it: the next page (when it may be read), and how many of
 * the items it listed were left unread because the run reached `--max-items`.
 */
export function feedPage(
  where: string,
  read: Pick<SourcePage, 'articles' | 'skipped'>,
  next: string | undefined,
  unread: number,
): SourcePage {
  return {
    ...read,
    label: where,
    ...(next === undefined ? {} : { next }),
    ...(unread > 0 ? { unread } : {}),
  };
}
