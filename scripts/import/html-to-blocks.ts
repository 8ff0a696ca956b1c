/**
 * Source HTML -> the reader's typed blocks, through an allowlist. The HTML is parsed by a
 * real parser (parse5, via hast), so entities, unclosed tags and obfuscated attributes are
 * read the way a browser reads them; then only paragraphs, headings, quotes, lists, images,
 * READ links and inline text with emphasis/strong/code, links and breaks are kept. No
 * attribute is ever passed on except a link's or an image's URL, and those only with an
 * allowlisted scheme. Text inside unknown containers (div, span, table ...) is kept as
 * paragraphs; what is inside scripts, styles, embeds, forms, SVG and MathML is not.
 */
import type { Element, ElementContent, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Mark } from '../../src/contract/article.ts';
import { splitCaptionCredit } from '../content/caption.ts';
import { HEADING_LEVEL, isBlockTag, isDropped, MARK_OF } from './html-tags.ts';
import type { ImportBlock, ImportTarget } from './imported-article.ts';
import { articleSlugOfLink, safeImageUrl, safeLinkUrl } from './links.ts';
import { inlinesOf, readLinkOf, type Piece } from './inline-pieces.ts';
import { cleanText, textOf } from './text.ts';

export type HtmlContext = {
  /** The article's own URL, which relative links and images resolve against. */
  base?: string;
  /** Hosts of the source site: links to `/{slug}/` there may become in-app links. */
  siteHosts: ReadonlySet<string>;
  /** Alt text for an image that has none and no caption either (the article's title). */
  fallbackAlt: string;
};

/** A body image before its size is settled: sources often leave width and height out. */
export type DraftImage = {
  src: string;
  alt: string;
  width?: number;
  height?: number;
  caption?: string;
  credit?: string;
};

export type DraftBlock =
  Exclude<ImportBlock, { type: 'image' }> | { type: 'image'; image: DraftImage };

type Inherited = { marks: Mark[]; link?: { id: number; target: ImportTarget }; isPre?: boolean };

export function htmlToBlocks(html: string, context: HtmlContext): DraftBlock[] {
  return convert(fromHtml(html, { fragment: true }).children, context);
}

function convert(
  nodes: readonly (RootContent | ElementContent)[],
  context: HtmlContext,
): DraftBlock[] {
  const blocks: DraftBlock[] = [];
  let pieces: Piece[] = [];
  let linkCount = 0;

  const flush = () => {
    for (const content of inlinesOf(pieces)) {
      blocks.push(readLinkOf(content) ?? { type: 'paragraph', content });
    }
    pieces = [];
  };
  const emit = (...emitted: DraftBlock[]) => {
    flush();
    blocks.push(...emitted);
  };

  function walk(node: RootContent | ElementContent, inherited: Inherited): void {
    if (node.type === 'text') {
      const lines = inherited.isPre ? node.value.split('\n') : [node.value];
      lines.forEach((line, index) => {
        if (index > 0) pieces.push({ type: 'break' });
        pieces.push({
          type: 'text',
          text: line.replace(/[ \t\n\r\f]+/g, ' '),
          marks: inherited.marks,
          link: inherited.link,
        });
      });
      return;
    }
    // Comments, doctypes and the like carry nothing a reader sees.
    if (node.type !== 'element') return;
    const tag = node.tagName.toLowerCase();
    if (isDropped(tag)) return;

    if (tag === 'br') {
      pieces.push({ type: 'break' });
    } else if (tag === 'img') {
      if (hasClass(node, 'emoji') || hasClass(node, 'wp-smiley')) {
        // WordPress swaps emoji for images of them; the alt text is the emoji itself.
        const alt = stringProperty(node, 'alt') ?? '';
        pieces.push({ type: 'text', text: alt, marks: inherited.marks, link: inherited.link });
      } else {
        const image = imageOf(node, undefined, context);
        if (image) emit({ type: 'image', image });
      }
    } else if ((tag === 'figure' || hasClass(node, 'wp-caption')) && singleImage(node)) {
      const figure = figureOf(node, context);
      if (figure) emit({ type: 'image', image: figure });
    } else if (HEADING_LEVEL.has(tag)) {
      flush();
      node.children.forEach((child) => walk(child, inherited));
      const [content, ...more] = inlinesOf(pieces);
      pieces = [];
      if (content) blocks.push({ type: 'heading', level: HEADING_LEVEL.get(tag) ?? 4, content });
      blocks.push(...more.map((extra) => ({ type: 'paragraph' as const, content: extra })));
    } else if (tag === 'blockquote') {
      emit(...quoteOf(convert(node.children, context)));
    } else if (tag === 'ul' || tag === 'ol') {
      emit(...listOf(node, tag === 'ol', context));
    } else if (tag === 'a') {
      const target = hrefOf(node, context);
      const link = target === undefined ? inherited.link : { id: ++linkCount, target };
      node.children.forEach((child) => walk(child, { ...inherited, link }));
    } else {
      // Preformatted text has no block of its own in the contract: it reads as code.
      const mark = tag === 'pre' ? 'code' : MARK_OF.get(tag);
      const marks =
        mark && !inherited.marks.includes(mark) ? [...inherited.marks, mark] : inherited.marks;
      const isPre = inherited.isPre === true || tag === 'pre';
      const isBlock = isBlockTag(tag);
      if (isBlock) flush();
      node.children.forEach((child) => walk(child, { ...inherited, marks, isPre }));
      if (isBlock) flush();
    }
  }

  nodes.forEach((node) => walk(node, { marks: [] }));
  flush();
  return blocks;
}

/** A quote holds paragraphs only; images found inside it follow it. */
function quoteOf(inner: DraftBlock[]): DraftBlock[] {
  const paragraphs = inner.flatMap((block) => paragraphsOf(block));
  const images = inner.filter((block) => block.type === 'image');
  return [...(paragraphs.length > 0 ? [{ type: 'quote' as const, paragraphs }] : []), ...images];
}

/** One item per `li`; a nested list's items follow its parent's, since the contract's lists are flat. */
function listOf(list: Element, isOrdered: boolean, context: HtmlContext): DraftBlock[] {
  const items: DraftBlock[] = [];
  const images: DraftBlock[] = [];
  for (const child of list.children) {
    if (child.type === 'text' && child.value.trim() === '') continue;
    const inner = convert(
      child.type === 'element' && child.tagName === 'li' ? child.children : [child],
      context,
    );
    const own = inner.filter((block) => block.type !== 'list' && block.type !== 'image');
    const lines = own.flatMap((block) => paragraphsOf(block));
    const joined = lines.flatMap((line, index) =>
      index === 0 ? line : [{ type: 'break' as const }, ...line],
    );
    if (joined.length > 0) items.push({ type: 'paragraph', content: joined });
    for (const block of inner) {
      if (block.type === 'list')
        items.push(...block.items.map((content) => ({ type: 'paragraph' as const, content })));
      if (block.type === 'image') images.push(block);
    }
  }
  const contents = items.flatMap((item) => (item.type === 'paragraph' ? [item.content] : []));
  return [
    ...(contents.length > 0 ? [{ type: 'list' as const, isOrdered, items: contents }] : []),
    ...images,
  ];
}

/** The inline content a block reads as, for containers that can hold only inline content. */
function paragraphsOf(block: DraftBlock) {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [block.content];
    case 'quote':
      return block.paragraphs;
    case 'list':
      return block.items;
    case 'read-link':
      return [
        [
          { type: 'text' as const, text: 'READ: ' },
          {
            type: 'link' as const,
            target: block.target,
            children: [{ type: 'text' as const, text: block.title }],
          },
        ],
      ];
    case 'image':
      return [];
  }
}

/** `<figure>` and WordPress's `wp-caption` box: one image and its caption. */
function figureOf(figure: Element, context: HtmlContext): DraftImage | undefined {
  const image = findElement(figure, (node) => node.tagName === 'img');
  if (image === undefined) return undefined;
  const caption = findElement(
    figure,
    (node) =>
      node.tagName === 'figcaption' ||
      hasClass(node, 'wp-caption-text') ||
      hasClass(node, 'wp-element-caption'),
  );
  return imageOf(image, caption === undefined ? undefined : cleanText(textOf(caption)), context);
}

function singleImage(figure: Element): boolean {
  let count = 0;
  const visit = (node: Element) => {
    if (isDropped(node.tagName)) return;
    if (node.tagName === 'img') count++;
    node.children.forEach((child) => child.type === 'element' && visit(child));
  };
  visit(figure);
  return count === 1;
}

function imageOf(
  img: Element,
  rawCaption: string | undefined,
  context: HtmlContext,
): DraftImage | undefined {
  // Lazy-loading themes put the real URL in data-src and a placeholder (often data:) in src.
  const src = ['src', 'dataSrc', 'dataLazySrc', 'dataOriginal']
    .map((name) => stringProperty(img, name))
    .map((value) => (value === undefined ? undefined : safeImageUrl(value, context.base)))
    .find((value) => value !== undefined);
  if (src === undefined) return undefined;
  const width = dimension(img.properties.width);
  const height = dimension(img.properties.height);
  // A 1x1 image is a tracking pixel, not a photo.
  if (width === 1 || height === 1) return undefined;
  const { caption, credit } = splitCaptionCredit(rawCaption ?? '');
  const alt =
    cleanText(stringProperty(img, 'alt') ?? '') || caption || credit || context.fallbackAlt;
  return {
    src,
    alt,
    ...(width !== undefined && height !== undefined ? { width, height } : {}),
    ...(caption !== '' ? { caption } : {}),
    ...(credit !== undefined ? { credit } : {}),
  };
}

function hrefOf(anchor: Element, context: HtmlContext): ImportTarget | undefined {
  const href = stringProperty(anchor, 'href');
  // A link to a place in the same page has no meaning once the page is the reader's.
  if (href === undefined || href.trim().startsWith('#')) return undefined;
  const url = safeLinkUrl(href, context.base);
  if (url === undefined) return undefined;
  const slug = articleSlugOfLink(url, context.siteHosts);
  return slug === undefined ? { url } : { url, slug };
}

function dimension(value: unknown): number | undefined {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+\s*$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isInteger(number) && number >= 1 ? number : undefined;
}

function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  return typeof value === 'string' ? value : undefined;
}

function hasClass(element: Element, name: string): boolean {
  const value = element.properties.className;
  return Array.isArray(value) && value.includes(name);
}

function findElement(root: Element, test: (element: Element) => boolean): Element | undefined {
  for (const child of root.children) {
    if (child.type !== 'element' || isDropped(child.tagName)) continue;
    if (test(child)) return child;
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}
