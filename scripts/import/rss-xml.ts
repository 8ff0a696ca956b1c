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

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded below with a full HTML table: feeds use &#8216; and &hellip; freely.
  // Not expanding DOCTYPE entities here also shuts out entity-expansion bombs.
  processEntities: false,
  cdataPropName: '#cdata',
  isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && name !== 'rss',
});

export function parseXml(page: Page): unknown {
  // The parser itself reads broken XML without a word, so a malformed page is caught here.
  // fast-xml-parser 5 points to its split-out fast-xml-validator, which this project does not
  // depend on; the bundled validator is the same code.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const valid = XMLValidator.validate(page.text);
  if (valid !== true) {
    throw new ImportError(
      `${page.where}: not valid XML (line ${valid.err.line}: ${valid.err.msg})`,
    );
  }
  return parser.parse(page.text);
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
