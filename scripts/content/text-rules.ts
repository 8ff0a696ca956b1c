/**
 * What the text of an article's front matter may hold, beyond its shape: lengths that fit
 * file names and pages, no control or invisible characters where they break the page or hide
 * in an address, no look-alike letters in an address, and no slug the site's own pages use.
 * Each rule returns the message an editor reads, or undefined when the text passes
 * (decision 014).
 */
import { MAX_BODY_BYTES } from '../../src/lib/api-client.ts';

export const LIMITS = {
  /** A headline; the longest in the recorded feeds is under 200. */
  titleChars: 300,
  /**
   * A slug names a file (`api/articles/<slug>.json`, `<slug>/index.html`); most file systems
   * allow 255 bytes a name.
   */
  slugBytes: 200,
  /** A tag, an author, or one section of a section path. */
  nameChars: 100,
  /** Sections nest this deep at most (Africa > Sudan is 2). */
  sectionDepth: 6,
  standfirstChars: 2000,
  captionChars: 2000,
  altChars: 1000,
  creditChars: 300,
  sourceNameChars: 200,
  /** Sitemaps take URLs under 2,048 characters; so do most servers. */
  urlChars: 2048,
  tags: 100,
  authors: 50,
  related: 20,
  /** Aliases (`*name`) in one front matter: enough for an editor, too few for an alias bomb. */
  aliases: 20,
  /** Nesting of front matter's lists and mappings (the deepest field, `media`, needs 3). */
  yamlDepth: 20,
  /** An article file; a larger one is refused before it is read. */
  fileBytes: 4 * MAX_BODY_BYTES,
  /**
   * The article JSON before its Related list: what the app fetches at most (MAX_BODY_BYTES),
   * less room for four related summaries at their largest (see `RELATED_ROOM_BYTES`).
   */
  articleBytes: MAX_BODY_BYTES - 128 * 1024,
} as const;

/** What the Related list of an article may take: four summaries of 32 KB. */
export const RELATED_ROOM_BYTES = MAX_BODY_BYTES - LIMITS.articleBytes;

/**
 * First path segments the site's own pages and files take: an article there could never be
 * shown (the route wins) or would overwrite them. From the app's routes (src/app/router.tsx),
 * the built site's folders and files (dist/, public/), and names kept for pages to come.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  // Routes: the home page's pages, archives, search and saved articles.
  'page',
  'category',
  'tags',
  'author',
  'search',
  'saved',
  // Folders of the built site: the JSON API, Vite's assets, photos, icons, section feeds.
  'api',
  'assets',
  'images',
  'icons',
  'section',
  // Files of the built site, by name without extension.
  '404',
  'index',
  'app-shell',
  'boot',
  'favicon',
  'manifest',
  'sw',
  'feed',
  'rss',
  'sitemap',
  // Kept for the site's own pages.
  'offline',
  'authors',
  'sections',
  'latest',
  'articles',
]);

/** Characters as an editor can find them: `U+202E (right-to-left override)`. */
const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'delete',
  0x9b: 'control sequence introducer',
  0xad: 'soft hyphen',
  0x034f: 'combining grapheme joiner',
  0x061c: 'Arabic letter mark',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x2028: 'line separator',
  0x2060: 'word joiner',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'byte order mark',
  0x115f: 'Hangul choseong filler',
  0x1160: 'Hangul jungseong filler',
  0x3164: 'Hangul filler',
  0xffa0: 'halfwidth Hangul filler',
};

export function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[code];
  return name === undefined ? hex : `${hex} (${name})`;
}

/**
 * Characters that break a page or hide what text says: C0 and C1 controls (NUL and CR make
 * the server's HTML differ from the browser's), line and paragraph separators, bidirectional
 * embeddings, overrides and isolates (they reorder what the reader sees), the byte order mark,
 * and halves of a character (unpaired surrogates).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const HIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|\p{Cs}/u;
/** The same in running text, where a line break or a tab is the editor's own. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const HIDDEN_IN_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]|\p{Cs}/u;

function hiddenCharacter(pattern: RegExp, field: string, value: string): string | undefined {
  const found = pattern.exec(value);
  if (found === null) return undefined;
  const at = charCount(value.slice(0, found.index)) + 1;
  return `${field} holds an invisible or control character, ${describeChar(found[0])}, at character ${at}: remove it`;
}

/** Characters as an editor counts them: a letter outside the BMP (𝕏, most emoji) is one. */
function charCount(value: string): number {
  return value.length - (value.match(/[\ud800-\udbff][\udc00-\udfff]/g)?.length ?? 0);
}

function tooLong(field: string, value: string, max: number): string | undefined {
  const count = charCount(value);
  return count > max
    ? `${field} is ${count.toLocaleString('en')} characters long; at most ${max.toLocaleString('en')}`
    : undefined;
}

/** A headline or a name shown in one line: not too long, nothing hidden. */
export function lineRule(field: string, max: number) {
  return (value: string) => tooLong(field, value, max) ?? hiddenCharacter(HIDDEN_IN_LINE, field, value);
}

/**
 * Characters with no ink that a headline may use as hints (a soft hyphen, a zero-width space
 * between Thai words), but that make one name look like another: "U\u200bK" reads "UK" and
 * lives at /tags/u-k/.
 */
const INVISIBLE_IN_NAME = /\u034f|[\u00ad\u061c\u115f\u1160\u180e\u200b\u2060-\u2064\u3164\uffa0]/u;

/** A tag, an author or a section: a line with no character an address could hide behind. */
export function nameRule(field: string, max: number) {
  const line = lineRule(field, max);
  return (value: string) => line(value) ?? hiddenCharacter(INVISIBLE_IN_NAME, field, value);
}

/** A standfirst, caption or credit: not too long, nothing hidden but line breaks and tabs. */
export function textRule(field: string, max: number) {
  return (value: string) => tooLong(field, value, max) ?? hiddenCharacter(HIDDEN_IN_TEXT, field, value);
}

/** Letters with no ink: an address holding one looks like another. */
const INVISIBLE_LETTER = /[\u115f\u1160\u3164\uffa0]/u;

/** Scripts whose letters look alike (Latin a, Cyrillic а, Greek α): one word keeps to one. */
const LOOK_ALIKE_SCRIPTS = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
] as const;

function mixedScripts(word: string): string | undefined {
  const found = LOOK_ALIKE_SCRIPTS.filter(([, pattern]) => pattern.test(word)).map(([name]) => name);
  return found.length > 1 ? found.join(' and ') : undefined;
}

/**
 * An address (an article's slug, or what a tag, author or section becomes in its URL): short
 * enough to name a file, no letter without ink, no word mixing look-alike scripts.
 */
export function addressProblem(what: string, slug: string): string | undefined {
  const bytes = Buffer.byteLength(slug);
  if (bytes > LIMITS.slugBytes) {
    return `${what} is ${bytes.toLocaleString('en')} bytes long (UTF-8); at most ${LIMITS.slugBytes}, as it names files`;
  }
  const invisible = INVISIBLE_LETTER.exec(slug);
  if (invisible !== null) {
    return `${what} holds an invisible letter, ${describeChar(invisible[0])}: remove it`;
  }
  for (const word of slug.split('-')) {
    const scripts = mixedScripts(word);
    if (scripts !== undefined) {
      return `${what} mixes ${scripts} letters in the word "${word}", which makes a look-alike address: write the word in one script`;
    }
  }
  return undefined;
}

/** An article's slug: an address of its own, and not one the site's pages take. */
export function slugProblem(slug: string): string | undefined {
  if (RESERVED_SLUGS.has(slug)) {
    return `slug "${slug}" is reserved: /${slug}/ is the site's own, so the article could never be shown there`;
  }
  return addressProblem('slug', slug);
}

/** Content quoted in a message: escaped, and cut short, so a hostile value cannot flood the log. */
export function quote(value: string, max = 80): string {
  const chars = Array.from(value);
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max).join('')}…` : value);
}
