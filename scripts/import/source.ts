/**
 * What an importer is to the runner: a paged source of articles. Paging is by an opaque
 * cursor (a page number for WordPress, the next page's URL for feeds), so the runner can
 * save it and resume any source the same way.
 */
import type { HttpOptions } from '../lib/http.ts';
import type { MeasureImage } from './image-size.ts';
import type { ImportedArticle } from './imported-article.ts';
import type { Cursor } from './state.ts';

export type SourcePage = {
  articles: ImportedArticle[];
  /** Items that could not become articles, one message each. */
  skipped: string[];
  /** Where the next page is; none on the last page. */
  next?: Cursor;
  /** "page 2 of 3", for the progress line. */
  label: string;
};

export type ImportSource = {
  /** Names the source in messages: its URL or file. */
  name: string;
  /** Same key, same resume state: the source plus the options that change what is fetched. */
  key: string;
  start: Cursor;
  fetchPage: (cursor: Cursor) => Promise<SourcePage>;
};

export type SourceContext = {
  http: HttpOptions;
  /** The section for articles whose source names none. */
  section: string;
  measureImage: MeasureImage;
  warn: (message: string) => void;
  /**
   * The name of the site the articles come from (the REST index's `name`, the feed's title),
   * written as every article's `source_name` for its byline; set by the source once read.
   */
  sourceName?: string;
};
