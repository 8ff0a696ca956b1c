/**
 * RSS 2.0 as fast-xml-parser reads it, checked with valibot before use. Every element is
 * parsed as a list (a repeated element is never a surprise), CDATA is kept apart from text,
 * and entities are decoded here with a full HTML table rather than by the parser.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeHTML } from 'entities';
import * as v from 'valibot';
import type { Page } from './fetch-page.ts';
import { ImportError } from './import-error.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { NestingError } from './parse-html.ts';
import { cleanText, htmlToText } from './text.ts';

/** Element text: a string, or text and CDATA kept apart (CDATA is raw, text is entity-encoded). */
const TextSchema = v.union([
  v.string(),
  v.object({
    '#text': v.optional(v.string()),
    '#cdata': v.optional(v.union([v.string(), v.array(v.string())])),
    '@_type': v.optional(v.string()),
  }),
]);
export type XmlText = v.InferOutput<typeof TextSchema>;
/** Every element is parsed as a list, so a repeated one is never a surprise. */
const Texts = v.optional(v.array(TextSchema));

const MediaThumbnailSchema = v.object({
  '@_url': v.optional(v.string()),
  '@_width': v.optional(v.string()),
  '@_height': v.optional(v.string()),
});
export type MediaThumbnail = v.InferOutput<typeof MediaThumbnailSchema>;
const Thumbnails = v.optional(v.array(MediaThumbnailSchema));

const MediaContentSchema = v.object({
  '@_url': v.optional(v.string()),
  '@_width': v.optional(v.string()),
  '@_height': v.optional(v.string()),
  '@_medium': v.optional(v.string()),
  '@_type': v.optional(v.string()),
  'media:description': Texts,
  'media:credit': Texts,
  'media:title': Texts,
  'media:thumbnail': Thumbnails,
});
export type MediaContent = v.InferOutput<typeof MediaContentSchema>;

const ItemSchema = v.object({
  title: Texts,
  link: Texts,
  guid: Texts,
  pubDate: Texts,
  'dc:date': Texts,
  description: Texts,
  'content:encoded': Texts,
  'dc:creator': Texts,
  author: Texts,
  category: Texts,
  'media:content': v.optional(v.array(MediaContentSchema)),
  'media:group': v.optional(
    v.array(
      v.object({
        'media:content': v.optional(v.array(MediaContentSchema)),
        'media:thumbnail': Thumbnails,
        'media:description': Texts,
        'media:credit': Texts,
      }),
    ),
  ),
  'media:description': Texts,
  'media:credit': Texts,
  'media:title': Texts,
  'media:thumbnail': Thumbnails,
  'dc:language': Texts,
  enclosure: v.optional(
    v.array(v.object({ '@_url': v.optional(v.string()), '@_type': v.optional(v.string()) })),
  ),
});
export type Item = v.InferOutput<typeof ItemSchema>;

export const FeedSchema = v.object({
  rss: v.object({
    channel: v.pipe(
      v.array(
        v.object({
          title: Texts,
          link: Texts,
          language: Texts,
          'dc:language': Texts,
          item: v.optional(v.array(ItemSchema)),
          'atom:link': v.optional(
            v.array(
              v.object({ '@_rel': v.optional(v.string()), '@_href': v.optional(v.string()) }),
            ),
          ),
        }),
      ),
      v.minLength(1, 'no channel'),
    ),
  }),
});

const parserOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded below with a full HTML table: feeds use &#8216; and &hellip; freely.
  // Not expanding DOCTYPE entities here also shuts out entity-expansion bombs.
  processEntities: false,
  cdataPropName: '#cdata',
  isArray: (name: string, _path: unknown, _isLeaf: boolean, isAttribute: boolean) =>
    !isAttribute && name !== 'rss',
};

/** A DOCTYPE's internal subset, where entities are declared. */
const INTERNAL_SUBSET = /<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/i;
/** An entity whose text is elsewhere (a file, a URL), or a parameter entity that pulls one in. */
const OUTSIDE_ENTITY = /<!ENTITY\s+(?:%\s*)?[^\s>]+\s+(?:SYSTEM|PUBLIC)\b|<!ENTITY\s+%/i;

/**
 * Parses a feed. Nothing outside the document is ever read: a DOCTYPE that declares entities
 * from files or URLs (`<!ENTITY xxe SYSTEM "file:///etc/passwd">`) refuses the feed, and the
 * entities a feed declares inside itself are never expanded (no "billion laughs").
 */
export function parseXml(
  page: Page,
  maxDepth = DEFAULT_LIMITS.maxDepth,
  warn: (message: string) => void = () => undefined,
): unknown {
  const subset = INTERNAL_SUBSET.exec(page.text)?.[1];
  if (subset !== undefined && OUTSIDE_ENTITY.test(subset)) {
    throw new ImportError(
      `${page.where}: its DOCTYPE declares entities from outside the feed (SYSTEM, PUBLIC or parameter entities); refused, nothing outside a feed is read`,
    );
  }
  if (subset !== undefined && /<!ENTITY/i.test(subset))
    warn(`${page.where}: its DOCTYPE declares entities; they are left as written, not expanded`);
  // The parser itself reads broken XML without a word, so a malformed page is caught here.
  // fast-xml-parser 5 points to its split-out fast-xml-validator, which this project does not
  // depend on; the bundled validator is the same code.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  let valid: ReturnType<typeof XMLValidator.validate>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    valid = XMLValidator.validate(page.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(`${page.where}: not valid XML (${reason})`, { cause: error });
  }
  if (valid !== true) {
    throw new ImportError(
      `${page.where}: not valid XML (line ${valid.err.line}: ${valid.err.msg})`,
    );
  }
  try {
    return new XMLParser({ ...parserOptions, maxNestedTags: maxDepth }).parse(page.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/nested tags/i.test(reason))
      throw new ImportError(`${page.where}: ${new NestingError('XML', maxDepth).message}`);
    throw new ImportError(`${page.where}: not readable XML (${reason})`, { cause: error });
  }
}

export function dimension(value: string | undefined): number | undefined {
  const number = value === undefined || !/^\s*\d+\s*$/.test(value) ? NaN : Number(value);
  return Number.isInteger(number) && number >= 1 ? number : undefined;
}

export function first<T>(
  list: XmlText[] | undefined,
  read: (text: XmlText) => T | undefined,
): T | undefined {
  return list?.[0] === undefined ? undefined : read(list[0]);
}

/** Text meant as text: entities are decoded in CDATA too, where feeds leave them. */
export function plain(text: XmlText): string {
  if (typeof text === 'string') return cleanText(decodeHTML(text));
  return cleanText(decodeHTML((text['#text'] ?? '') + [text['#cdata'] ?? []].flat().join('')));
}

/** Text meant as HTML: XML entities decoded, CDATA as written; the HTML parser does the rest. */
export function html(text: XmlText): string {
  if (typeof text === 'string') return decodeHTML(text);
  return decodeHTML(text['#text'] ?? '') + [text['#cdata'] ?? []].flat().join('');
}

export function captionText(text: XmlText): string {
  const isHtml = typeof text !== 'string' && text['@_type'] === 'html';
  return isHtml ? htmlToText(html(text)) : plain(text);
}
