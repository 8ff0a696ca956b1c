/**
 * How far one import may go. A source is not trusted to end: a WordPress site may claim a
 * million pages, a feed's next link may never run out, an answer may be gigabytes, a
 * category's parents may loop. Every limit has a default fit for a real newsroom's archive
 * and a command-line option (cli.ts), and every message that reports one names that option.
 */
import { LIMITS } from '../content/text-rules.ts';
export type ImportLimits = {
  /** Pages of the source read in one run (`--max-pages`). */
  maxPages: number;
  /** Items (articles, skipped ones included) read in one run (`--max-items`). */
  maxItems: number;
  /** Bytes of one answer, streamed and dropped at the cap (`--max-bytes`, in MB). */
  maxBytes: number;
  /** The whole run, every request included (`--max-time`, in seconds). */
  maxTimeMs: number;
  /** Redirects followed for one request (`--max-redirects`). */
  maxRedirects: number;
  /** Nesting of a body's HTML and of a feed's XML (`--max-depth`). */
  maxDepth: number;
  /** Levels of a WordPress category's parent chain (`--max-category-depth`). */
  maxCategoryDepth: number;
};

export const DEFAULT_LIMITS: ImportLimits = {
  // WordPress serves 100 posts a page: 50,000 posts, more than most newsrooms' archives.
  maxPages: 500,
  maxItems: 50_000,
  // The largest page of 100 WordPress posts with `_embed` seen in the field was about 6 MB.
  maxBytes: 32 * 1024 * 1024,
  maxTimeMs: 60 * 60 * 1000,
  maxRedirects: 5,
  // Chromium's parser flattens HTML deeper than 512; real article bodies stay under 30.
  maxDepth: 256,
  // A section path is at most this deep in the site's content (decision 014).
  maxCategoryDepth: LIMITS.sectionDepth,
};

/** The command-line option that sets each limit, for messages. */
export const LIMIT_OPTIONS = {
  maxPages: '--max-pages',
  maxItems: '--max-items',
  maxBytes: '--max-bytes',
  maxTimeMs: '--max-time',
  maxRedirects: '--max-redirects',
  maxDepth: '--max-depth',
  maxCategoryDepth: '--max-category-depth',
} as const satisfies Record<keyof ImportLimits, string>;

export function limitsWith(overrides: Partial<ImportLimits> | undefined): ImportLimits {
  return { ...DEFAULT_LIMITS, ...overrides };
}
