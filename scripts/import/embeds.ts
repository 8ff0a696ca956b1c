/**
 * Posts from other sites that a body embeds (a YouTube video, a tweet, an Instagram post, a
 * SoundCloud track ...) -> an `embed` draft: the post's own page URL, a title and a caption
 * where the source gives them, and a thumbnail only where the source HTML has one. The
 * reader shows a link card; no iframe or script of the source is ever kept.
 *
 * Sources embed in several ways, all read here: oEmbed `<iframe>`s (`youtube.com/embed/ID`,
 * `player.vimeo.com/video/ID` ...), the blockquotes of Twitter, Instagram and TikTok whose
 * script would turn them into widgets, Facebook's `div.fb-post`, and Gutenberg's
 * `<figure class="wp-block-embed">`, whose wrapper holds either the oEmbed HTML or, where
 * oEmbed did not run, the URL as text.
 */
import type { Element } from 'hast';
import { parseHtmlFragment } from './parse-html.ts';
import { providerOf } from '../content/embed-provider.ts';
import { findAll, findElement, hasClass, sourceOf, stringProperty } from './hast-query.ts';
import { safeImageUrl, safeLinkUrl } from './links.ts';
import { cleanText, textOf } from './text.ts';
import { isTrackerUrl } from './tracking.ts';

export type DraftEmbed = {
  type: 'embed';
  url: string;
  title?: string;
  caption?: string;
  thumbnail?: string;
};

/** The blockquotes that a provider's script would turn into a widget. */
const EMBED_QUOTES = ['twitter-tweet', 'twitter-video', 'instagram-media', 'tiktok-embed'];

/** Facebook's SDK markup: `<div class="fb-post" data-href="...">`. */
const FACEBOOK_DIVS = ['fb-post', 'fb-video', 'fb-embed'];

/** Titles embed codes ship with, which name no post. */
const GENERIC_TITLES =
  /^(?:YouTube video player|Vimeo video player|Embedded content|Embedded video|video|iframe|Spotify Embed.*|SoundCloud.*widget)$/i;

/** Whether a URL's host is a provider the reader names (YouTube, X ...), not just a host. */
export function isKnownProvider(url: string): boolean {
  try {
    return providerOf(url) !== new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return false;
  }
}

/**
 * The page a reader would visit for an embed's frame URL: `youtube.com/embed/ID` ->
 * `youtube.com/watch?v=ID`, `player.vimeo.com/video/ID` -> `vimeo.com/ID` ... A URL that is
 * already a page, or of a provider not known here, is returned as it is.
 */
export function pageUrlOfFrame(src: string): string {
  const url = new URL(src);
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname;
  const param = (name: string) => url.searchParams.get(name) ?? undefined;
  let match: RegExpExecArray | null;
  if (/(?:^|\.)youtube(?:-nocookie)?\.com$/.test(host)) {
    if ((match = /^\/embed\/videoseries\/?$/.exec(path)) && param('list'))
      return `https://www.youtube.com/playlist?list=${encodeURIComponent(param('list') ?? '')}`;
    if ((match = /^\/(?:embed|v|shorts|live)\/([\w-]{6,})/.exec(path))) {
      const start = param('start') ?? param('t');
      const id = match[1] ?? '';
      return `https://www.youtube.com/watch?v=${id}${start && /^\d+$/.test(start) ? `&t=${start}` : ''}`;
    }
  }
  if (host === 'player.vimeo.com' && (match = /^\/video\/(\d+)/.exec(path)))
    return `https://vimeo.com/${match[1] ?? ''}`;
  if (host === 'platform.twitter.com' && /\/embed\/Tweet\.html$/.test(path) && param('id'))
    return `https://twitter.com/i/status/${param('id') ?? ''}`;
  if (
    /(?:^|\.)instagram\.com$/.test(host) &&
    (match = /^\/(p|reel|tv)\/([\w-]+)\/embed/.exec(path))
  )
    return `https://www.instagram.com/${match[1] ?? 'p'}/${match[2] ?? ''}/`;
  if (/(?:^|\.)facebook\.com$/.test(host) && /^\/plugins\/(?:post|video)\.php$/.test(path)) {
    const href = param('href');
    const page = href === undefined ? undefined : safeLinkUrl(href, undefined);
    if (page?.startsWith('http')) return page;
  }
  if (host === 'w.soundcloud.com' && path.startsWith('/player')) {
    // The player names the track by its API URL, which no browser can open; the player can.
    const track = param('url');
    const page = track === undefined ? undefined : safeLinkUrl(track, undefined);
    if (page !== undefined && /^https?:\/\/(?:www\.|m\.)?soundcloud\.com\//.test(page)) return page;
    return url.href;
  }
  if (host === 'open.spotify.com' && (match = /^\/embed(?:-podcast)?\/(\w+)\/(\w+)/.exec(path)))
    return `https://open.spotify.com/${match[1] ?? ''}/${match[2] ?? ''}`;
  if (/(?:^|\.)dailymotion\.com$/.test(host) && (match = /^\/embed\/video\/(\w+)/.exec(path)))
    return `https://www.dailymotion.com/video/${match[1] ?? ''}`;
  return url.href;
}

/**
 * An embed for the element, when it is one; 'drop' for a frame that goes with nothing in its
 * place (an ad, a `javascript:` or `about:blank` frame); undefined for any other element.
 */
export function embedOf(
  element: Element,
  base: string | undefined,
): DraftEmbed | 'drop' | undefined {
  const tag = element.tagName.toLowerCase();
  if (tag === 'iframe') return frameEmbed(element, base);
  if (tag === 'blockquote' && EMBED_QUOTES.some((name) => hasClass(element, name)))
    return quoteEmbed(element, base);
  if (FACEBOOK_DIVS.some((name) => hasClass(element, name))) {
    const url = httpUrl(stringProperty(element, 'dataHref'), base);
    return url === undefined ? undefined : { type: 'embed', url };
  }
  if (hasClass(element, 'wp-block-embed') || isEmbedContainer(element))
    return containerEmbed(element, base);
  return undefined;
}

/** A figure or a classic `wp-caption` box around one embed and no photo: the caption is the embed's. */
function isEmbedContainer(element: Element): boolean {
  const tag = element.tagName.toLowerCase();
  if (tag !== 'figure' && !hasClass(element, 'wp-caption')) return false;
  if (findElement(element, (node) => node.tagName === 'img' && !isInsideEmbed(node, element)))
    return false;
  return innerEmbeds(element).length === 1;
}

/** Whether `node` sits inside an embed element under `root` (an img in a tweet's blockquote). */
function isInsideEmbed(node: Element, root: Element): boolean {
  return innerEmbeds(root).some((embed) => embed === node || findElement(embed, (e) => e === node));
}

function innerEmbeds(root: Element): Element[] {
  return findAll(
    root,
    (node) =>
      node.tagName === 'iframe' ||
      (node.tagName === 'blockquote' && EMBED_QUOTES.some((name) => hasClass(node, name))) ||
      FACEBOOK_DIVS.some((name) => hasClass(node, name)),
    true,
  );
}

function containerEmbed(
  figure: Element,
  base: string | undefined,
): DraftEmbed | 'drop' | undefined {
  const [inner] = innerEmbeds(figure);
  const captionElement = findElement(
    figure,
    (node) =>
      node.tagName === 'figcaption' ||
      hasClass(node, 'wp-caption-text') ||
      hasClass(node, 'wp-element-caption'),
  );
  const caption = captionElement === undefined ? '' : cleanText(textOf(captionElement));
  let embed: DraftEmbed | 'drop' | undefined =
    inner === undefined ? undefined : embedOf(inner, base);
  if (embed === undefined) {
    // oEmbed did not run (feeds, failed lookups): the wrapper holds the URL as text.
    const wrapper = findElement(figure, (node) => hasClass(node, 'wp-block-embed__wrapper'));
    const url = httpUrl(wrapper === undefined ? undefined : cleanText(textOf(wrapper)), base);
    const link = findElement(figure, (node) => node.tagName === 'a' && node !== captionElement);
    const fallback = url ?? httpUrl(link && stringProperty(link, 'href'), base);
    embed = fallback === undefined ? undefined : { type: 'embed', url: pageUrlOfFrame(fallback) };
  }
  if (embed === undefined || embed === 'drop') return embed;
  const thumbnail = embed.thumbnail ?? thumbnailIn(figure, base, captionElement);
  return {
    ...embed,
    ...(caption === '' ? {} : { caption }),
    ...(thumbnail === undefined ? {} : { thumbnail }),
  };
}

function frameEmbed(frame: Element, base: string | undefined): DraftEmbed | 'drop' {
  const src = sourceOf(frame, (value) => httpUrl(value, base));
  if (src === undefined || isTrackerUrl(src)) return 'drop';
  const url = pageUrlOfFrame(src);
  const title = titleOf(stringProperty(frame, 'title'));
  // Privacy plugins write the frame's placeholder as srcdoc: the provider's own thumbnail.
  const srcdoc = stringProperty(frame, 'srcDoc') ?? stringProperty(frame, 'srcdoc');
  const thumbnail = srcdoc === undefined ? undefined : thumbnailInHtml(srcdoc, url);
  return {
    type: 'embed',
    url,
    ...(title === undefined ? {} : { title }),
    ...(thumbnail === undefined ? {} : { thumbnail }),
  };
}

function quoteEmbed(quote: Element, base: string | undefined): DraftEmbed | undefined {
  const links = findAll(quote, (node) => node.tagName === 'a')
    .map((link) => httpUrl(stringProperty(link, 'href'), base))
    .filter((href) => href !== undefined);
  const stated =
    httpUrl(stringProperty(quote, 'cite'), base) ??
    httpUrl(stringProperty(quote, 'dataInstgrmPermalink'), base);
  // A tweet ends with its own link (the date); the links before it are mentions and hashtags.
  const post =
    links.findLast((href) => /\/status(?:es)?\/\d+/.test(href)) ??
    links.find((href) => /instagram\.com\/(?:p|reel|tv)\//.test(href)) ??
    links.find((href) => /tiktok\.com\/@[^/]+\/video\//.test(href));
  const url = stated ?? post ?? links.at(-1);
  if (url === undefined) return undefined;
  const paragraphs = findAll(quote, (node) => node.tagName === 'p')
    .map((paragraph) => cleanText(textOf(paragraph)))
    .filter((text) => text !== '' && !/^View this (?:post|profile) on Instagram$/i.test(text));
  const title = titleOf(paragraphs[0]);
  const thumbnail = thumbnailIn(quote, base, undefined);
  return {
    type: 'embed',
    url: pageUrlOfFrame(url),
    ...(title === undefined ? {} : { title }),
    ...(thumbnail === undefined ? {} : { thumbnail }),
  };
}

function titleOf(value: string | undefined): string | undefined {
  const text = cleanText(value ?? '');
  if (text === '' || GENERIC_TITLES.test(text) || /^https?:\/\/\S+$/i.test(text)) return undefined;
  return text;
}

function thumbnailIn(
  root: Element,
  base: string | undefined,
  skip: Element | undefined,
): string | undefined {
  const image = findElement(root, (node) => node.tagName === 'img' && node !== skip);
  if (image === undefined || (skip && findElement(skip, (node) => node === image)))
    return undefined;
  const src = sourceOf(image, (value) => safeImageUrl(value, base));
  return src === undefined || isTrackerUrl(src) ? undefined : src;
}

function thumbnailInHtml(html: string, base: string): string | undefined {
  const children = parseHtmlFragment(html).children.filter((node) => node.type !== 'doctype');
  return thumbnailIn(
    { type: 'element', tagName: 'div', properties: {}, children },
    base,
    undefined,
  );
}

function httpUrl(value: string | undefined, base: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const url = safeLinkUrl(value, base);
  return url?.startsWith('http') ? url : undefined;
}
