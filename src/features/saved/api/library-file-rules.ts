/**
 * What a file of saved articles may hold beyond the article contract's shapes: the rules the
 * site's own content obeys once built, checked again because a file can come from anyone.
 * A crafted file once held `javascript:` links, foreign and `data:` photos, and a save dated
 * in the year 9999 (so it could never be replaced); every one of those is refused here.
 */
import { isWebUrl } from '../../../contract/article.ts';
import { MAX_BODY_BYTES } from '../../../lib/api-client.ts';

/** A file larger than this is refused before it is read: a few thousand articles fit in it. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** More articles than a reader saves in years; each is still checked one by one. */
export const MAX_ARTICLES = 5_000;

/**
 * A saved article is no larger than the site would send it: the app's own limit on any
 * response (an article of more would not load from the site either).
 */
export const MAX_ARTICLE_BYTES = MAX_BODY_BYTES;

/** A clock a day fast or a file saved in another time zone is fine; a later date is not. */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** The longest each named field may be, in characters; the rest are bounded by the article's size. */
const MAX_LENGTHS: Record<string, number> = {
  slug: 200,
  name: 200,
  title: 500,
  standfirst: 2_000,
  alt: 2_000,
  caption: 2_000,
  credit: 500,
};

const DATES = new Set(['savedAt', 'exportedAt', 'published', 'modified']);

/** Control characters (C0, DEL, C1) have no place in a title or a name. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A photo as the site publishes it: a file under its own `images/` path. Nothing from another
 * origin (`https://elsewhere/`, `//elsewhere/`), no `data:` and no way out of the folder.
 */
export function isSiteImage(src: string): boolean {
  const root = `${import.meta.env.BASE_URL}images/`;
  if (!src.startsWith(root)) return false;
  const segments = src.slice(root.length).split('/');
  return segments.every((segment) => /^[^\\?#%]+$/.test(segment) && !/^\.{1,2}$/.test(segment));
}

export type FileProblem = { path: string; message: string };

/**
 * The first value in `data` (a file of saved articles that already fits the contract's
 * shapes) that breaks a rule above, with its dot path (`articles.3.article.body.2.image.src`),
 * or undefined when there is none.
 */
export function firstFileProblem(data: unknown, now = Date.now()): FileProblem | undefined {
  return visit(data, [], now);
}

function visit(value: unknown, path: (string | number)[], now: number): FileProblem | undefined {
  const key = path.at(-1);
  if (typeof value === 'string') {
    const message = typeof key === 'string' ? ruleFor(key, value, now) : undefined;
    return message === undefined ? undefined : { path: path.join('.'), message };
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = visit(item, [...path, index], now);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (key === 'article') {
    const bytes = new TextEncoder().encode(JSON.stringify(record)).byteLength;
    if (bytes > MAX_ARTICLE_BYTES) {
      return {
        path: path.join('.'),
        message: `is ${megabytes(bytes)}, over ${megabytes(MAX_ARTICLE_BYTES)}`,
      };
    }
  }
  for (const [name, item] of Object.entries(record)) {
    const problem = visit(item, [...path, name], now);
    if (problem) return problem;
  }
  return undefined;
}

/** What is wrong with the string `value` held under `key`, if anything. */
function ruleFor(key: string, value: string, now: number): string | undefined {
  const longest = MAX_LENGTHS[key];
  if (longest !== undefined && value.length > longest) {
    return `is ${value.length} characters long, over ${longest}`;
  }
  if ((key === 'title' || key === 'name') && CONTROL.test(value)) {
    return 'holds a control character';
  }
  if (DATES.has(key) && Date.parse(value) > now + CLOCK_SKEW_MS) {
    return `${value} is in the future`;
  }
  if (key === 'src' && !isSiteImage(value)) {
    return `${quote(value)} is not a photo of this site (under ${import.meta.env.BASE_URL}images/)`;
  }
  // Links (http(s) or mailto) and embeds (http(s)) are held by the contract itself.
  if (key === 'source' && !isWebUrl(value)) return `${quote(value)} is not an http(s) URL`;
  return undefined;
}

/** A value in a message: quoted, and cut short so a hostile one cannot fill the screen. */
const quote = (value: string) =>
  JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
