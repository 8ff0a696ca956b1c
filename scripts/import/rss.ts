/**
 * RSS 2.0 importer, from a URL or a file, following RFC 5005's `<atom:link rel="next">` when
 * a feed pages. The first `<category>` is the section (a `/`-separated value, as RSS 2.0
 * defines it, is a path from the top: "Africa/Sudan"); the others are tags. The hero is the
 * largest image the item offers (`media:content`, `media:group`, `media:thumbnail`, an image
 * `enclosure`), measured when the feed gives only its width. The channel's `<language>` or
 * `<dc:language>` ("en-us", "tr-TR") is every item's, unless the item's text is plainly in
 * another script; the channel's `<title>` is the articles' `source_name`.
 */
import { decodeHTML } from 'entities';
import { splitCaptionCredit } from '../content/caption.ts';
import { completeArticles, draftOrSkip } from './article-draft.ts';
import { fromRfc3339, fromRfc822 } from './dates.ts';
import { checkShape, isHttpUrl, readPage } from './fetch-page.ts';
import { accessFor, nextPageOf } from './fetch-policy.ts';
import type { DraftImage } from './html-to-blocks.ts';
import { safeImageUrl, safeLinkUrl, siteHosts, slugOfPermalink } from './links.ts';
import { feedPage, type ImportSource, type SourceContext, type SourcePage } from './source.ts';
import {
  captionText,
  dimension,
  FeedSchema,
  first,
  html,
  parseXml,
  plain,
  type Item,
  type MediaContent,
  type MediaThumbnail,
} from './rss-xml.ts';
import { sourceNameOf } from './source-name.ts';
import { htmlToText, withoutMoreMarker } from './text.ts';

export function rssSource(location: string, context: SourceContext): ImportSource {
  const visited = new Set<string>();
  const { limits, policy, items: itemContext } = accessFor(location, context);
  return {
    name: location,
    key: JSON.stringify(['rss', location]),
    limits,
    start: location,
    async fetchPage(cursor, maxItems): Promise<SourcePage> {
      const where = String(cursor);
      visited.add(where);
      const page = await readPage(
        where,
        policy.page,
        'application/rss+xml, application/xml, text/xml',
      );
      const channel = checkShape(
        page,
        FeedSchema,
        parseXml(page, limits.maxDepth, context.warn),
        'an RSS 2.0 feed',
      ).rss.channel[0];
      const home =
        channel?.link?.[0] === undefined
          ? undefined
          : safeLinkUrl(plain(channel.link[0]), undefined);
      const base = isHttpUrl(where) ? where : home;
      const language = first(channel?.language, plain) ?? first(channel?.['dc:language'], plain);
      const sourceName = context.sourceName ?? sourceNameOf(first(channel?.title, plain));

      const listed = channel?.item ?? [];
      const { articles, skipped } = await completeArticles(
        listed.slice(0, maxItems).map((item, index) =>
          draftOrSkip(`${where}: item ${index + 1}`, () => ({
            ...draftOf(item, base, home),
            lang: first(item['dc:language'], plain) ?? language,
          })),
        ),
        sourceName === undefined ? itemContext : { ...itemContext, sourceName },
      );
      const nextHref = channel?.['atom:link']?.find((link) => link['@_rel'] === 'next')?.['@_href'];
      const next = nextPageOf(
        nextHref === undefined ? undefined : safeLinkUrl(decodeHTML(nextHref), base),
        where,
        visited,
        policy,
        context.warn,
      );
      return feedPage(where, { articles, skipped }, next, listed.length - maxItems);
    },
  };
}

function draftOf(item: Item, base: string | undefined, home: string | undefined) {
  const link = first(item.link, (text) => safeLinkUrl(plain(text), base));
  const guid = first(item.guid, (text) => safeLinkUrl(plain(text), undefined));
  // Titles are entity-encoded HTML in practice (&#8216;, &lt;em&gt;): read as HTML, kept as text.
  const title = first(item.title, (text) => htmlToText(html(text))) ?? '';
  const categories = (item.category ?? []).map(plain).filter((name) => name !== '');
  const [section = '', ...tags] = categories;
  const image = heroOf(item, base, title);
  const published =
    first(item.pubDate, (text) => fromRfc822(plain(text))) ??
    first(item['dc:date'], (text) => fromRfc3339(plain(text)));
  const description = first(item.description, (text) => htmlToText(html(text))) ?? '';
  const { standfirst, caption, credit } = splitRunInCaption(description, image?.caption);
  // The guid is the item's id even where it is no URL (`14645@http://i.hoder.com/`).
  const id = first(item.guid, plain) || link;
  return {
    label: link ?? guid ?? (title || 'an item without title or link'),
    id,
    slugs: [slugOfPermalink(link), slugOfPermalink(guid)],
    title,
    published,
    section: section.split('/'),
    tags,
    authors: authorsOf(item),
    standfirst: item['content:encoded'] === undefined ? '' : standfirst,
    image:
      image === undefined || image.caption !== undefined || caption === undefined
        ? image
        : {
            ...image,
            caption,
            ...(credit === undefined ? {} : { credit }),
            alt: image.alt === title ? caption : image.alt,
          },
    source: link ?? guid,
    body: {
      html: first(item['content:encoded'], html) ?? first(item.description, html) ?? '',
      base: link ?? base,
      siteHosts: siteHosts(link, home, base),
    },
  };
}

/**
 * RSS descriptions often open with the hero's caption and run straight into the excerpt:
 * "... on July 18, 2023 [Agency]The UK and Turkiye have ...". The bracketed credit with no
 * space after it marks where the caption ends.
 */
export function splitRunInCaption(
  description: string,
  knownCaption: string | undefined,
): { standfirst: string; caption?: string; credit?: string } {
  const text = withoutMoreMarker(description);
  const runIn = /^(.+?)\s?\[([^[\]]{2,200}?)\s*\](?=\S)(.+)$/su.exec(text);
  if (runIn !== null) {
    const [, caption = '', credit = '', rest = ''] = runIn;
    return { standfirst: rest.trim(), caption: caption.trim(), credit: credit.trim() };
  }
  if (knownCaption !== undefined && knownCaption !== '' && text.startsWith(knownCaption)) {
    return {
      standfirst: text
        .slice(knownCaption.length)
        .replace(/^\s*\[[^[\]]*\]/, '')
        .trim(),
    };
  }
  return { standfirst: text };
}

type Candidate = {
  src: string;
  width?: number | undefined;
  height?: number | undefined;
  content?: MediaContent;
};

/**
 * The largest image the item offers. Sizes are compared by width (by area where both are
 * given): The Guardian gives two `media:content` with a width only, 140 then 460, and the
 * hero is the 460 one, its height measured, never the thumbnail stretched.
 */
function heroOf(item: Item, base: string | undefined, title: string): DraftImage | undefined {
  const groups = item['media:group'] ?? [];
  const candidate = (
    element: MediaContent | MediaThumbnail,
    content?: MediaContent,
  ): Candidate[] => {
    const src =
      element['@_url'] === undefined ? undefined : safeImageUrl(decodeHTML(element['@_url']), base);
    return src === undefined
      ? []
      : [
          {
            src,
            width: dimension(element['@_width']),
            height: dimension(element['@_height']),
            ...(content === undefined ? {} : { content }),
          },
        ];
  };
  const contents = [
    ...(item['media:content'] ?? []),
    ...groups.flatMap((group) => group['media:content'] ?? []),
  ].filter(isImage);
  const thumbnails = [
    ...(item['media:thumbnail'] ?? []),
    ...groups.flatMap((group) => group['media:thumbnail'] ?? []),
    ...contents.flatMap((content) => content['media:thumbnail'] ?? []),
  ];
  const enclosures = (item.enclosure ?? []).filter((enclosure) =>
    enclosure['@_type']?.startsWith('image/'),
  );
  const candidates = [
    ...contents.flatMap((content) => candidate(content, content)),
    ...enclosures.flatMap((enclosure) => candidate(enclosure)),
    ...thumbnails.flatMap((thumbnail) => candidate(thumbnail)),
  ];
  const size = (entry: Candidate) =>
    entry.width !== undefined && entry.height !== undefined
      ? entry.width * entry.height
      : (entry.width ?? 0) * (entry.width ?? 0);
  // Stated sizes first, largest first; among none stated, the feed's own order.
  const chosen = [...candidates].sort((a, b) => size(b) - size(a))[0];
  if (chosen === undefined) return undefined;
  const content = chosen.content ?? contents[0];
  const group = groups[0];
  const rawCaption =
    first(content?.['media:description'], captionText) ??
    first(group?.['media:description'], captionText) ??
    first(item['media:description'], captionText) ??
    '';
  const credit =
    first(content?.['media:credit'], plain) ??
    first(group?.['media:credit'], plain) ??
    first(item['media:credit'], plain);
  const split =
    credit === undefined ? splitCaptionCredit(rawCaption) : { caption: rawCaption, credit };
  const alt = first(content?.['media:title'], plain) ?? first(item['media:title'], plain) ?? '';
  return {
    src: chosen.src,
    alt: alt || split.caption || title,
    // A width without a height is not a size: the image is measured.
    ...(chosen.width !== undefined && chosen.height !== undefined
      ? { width: chosen.width, height: chosen.height }
      : {}),
    ...(split.caption === '' ? {} : { caption: split.caption }),
    ...(split.credit === undefined ? {} : { credit: split.credit }),
  };
}

function isImage(content: MediaContent): boolean {
  if (content['@_medium'] !== undefined) return content['@_medium'] === 'image';
  if (content['@_type'] !== undefined) return content['@_type'].startsWith('image/');
  return /\.(?:jpe?g|png|gif|webp|avif)(?:$|\?)/i.test(content['@_url'] ?? '');
}

function authorsOf(item: Item): string[] {
  const creators = (item['dc:creator'] ?? []).map(plain).filter((name) => name !== '');
  if (creators.length > 0) return creators;
  // RSS's own <author> is "email (Name)"; only the name is a byline.
  return (item.author ?? []).map(plain).flatMap((author) => {
    const name = /\(([^()]+)\)\s*$/.exec(author)?.[1];
    return name === undefined ? [] : [name];
  });
}
