/**
 * Source HTML -> the reader's typed blocks, through an allowlist. The HTML is parsed by a
 * real parser (parse5, via hast), so entities, unclosed tags and obfuscated attributes are
 * read the way a browser reads them; then only paragraphs, headings, quotes, lists, images,
 * READ links and inline text with emphasis/strong/code, links and breaks are kept. No
 * attribute is ever passed on except a link's or an image's URL, and those only with an
 * allowlisted scheme. Text inside unknown containers (div, span ...) is kept as
 * paragraphs; what is inside scripts, styles, forms, SVG and MathML is not.
 *
 * Embeds (iframes, tweets ...) become link cards (embeds.ts), tables become table blocks
 * (tables.ts), galleries a run of captioned images; tracking pixels (tracking.ts) and theme
 * boilerplate (boilerplate.ts) are left out.
 */
import type { Element, ElementContent, RootContent } from 'hast';
import type { Mark } from '../../src/contract/article.ts';
import { splitCaptionCredit } from '../content/caption.ts';
import { isBoilerplateElement, isBoilerplateParagraph, PERMALINK_MARK } from './boilerplate.ts';
import { embedOf, isKnownProvider, pageUrlOfFrame } from './embeds.ts';
import { findAll, findElement, hasClass, sourceOf, stringProperty } from './hast-query.ts';
import { HEADING_LEVEL, isBlockTag, isDropped, MARK_OF } from './html-tags.ts';
import type { ImportBlock, ImportInline, ImportTarget } from './imported-article.ts';
import { articleSlugOfLink, safeImageUrl, safeLinkUrl } from './links.ts';
import { inlinesOf, readLinkOf, type Piece } from './inline-pieces.ts';
import { parseHtmlFragment } from './parse-html.ts';
import { tableOf } from './tables.ts';
import { cleanText, textOf } from './text.ts';
import { isPixelSize, isTrackerUrl } from './tracking.ts';

export type HtmlContext = {
  /** The article's own URL, which relative links and images resolve against. */
  base?: string;
  /** Hosts of the source site: links to `/{slug}/` there may become in-app links. */
  siteHosts: ReadonlySet<string>;
  /** Alt text for an image that has none and no caption either (the article's title). */
  fallbackAlt: string;
  /** Nesting past this throws a NestingError (default: `--max-depth`'s). */
  maxDepth?: number;
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
  return convert(parseHtmlFragment(html, context.maxDepth).children, context).filter(
    (block) =>
      block.type !== 'paragraph' ||
      !(isBoilerplateParagraph(plainOf(block.content)) || isPermalinkMark(block.content)),
  );
}

function isPermalinkMark(content: ImportInline[]): boolean {
  const [only, ...rest] = content;
  return rest.length === 0 && only?.type === 'link' && PERMALINK_MARK.test(plainOf(content));
}

/** What a reader sees of inline content, as one line of text. */
export function plainOf(content: ImportInline[]): string {
  return content
    .map((inline) =>
      inline.type === 'text'
        ? inline.text
        : inline.type === 'link'
          ? inline.children.map((run) => run.text).join('')
          : ' ',
    )
    .join('');
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
      blocks.push(readLinkOf(content) ?? bareEmbedOf(content) ?? { type: 'paragraph', content });
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
    if (isBoilerplateElement(node)) return;
    // Before the allowlist: an iframe is dropped, but the post it shows becomes a link card.
    const embed = embedOf(node, context.base);
    if (embed === 'drop') return;
    if (embed !== undefined) {
      emit(embed);
      return;
    }
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
    } else if (isGallery(node)) {
      emit(...galleryOf(node, context));
    } else if ((tag === 'figure' || hasClass(node, 'wp-caption')) && imageCount(node) === 1) {
      const figure = figureOf(node, context);
      if (figure) emit({ type: 'image', image: figure });
    } else if (tag === 'table' || (tag === 'figure' && tableIn(node) !== undefined)) {
      const tableElement = tag === 'table' ? node : tableIn(node);
      const captionElement = tag === 'table' ? undefined : captionIn(node);
      const images: DraftBlock[] = [];
      const readCell = (cell: Element) => {
        const inner = convert(cell.children, context);
        images.push(...inner.filter((block) => block.type === 'image'));
        return cellContent(inner);
      };
      const table =
        tableElement &&
        tableOf(
          tableElement,
          readCell,
          captionElement === undefined ? undefined : textOf(captionElement),
        );
      if (table === undefined) {
        // Layout, not data: its content reads as paragraphs.
        flush();
        node.children.forEach((child) => walk(child, inherited));
        flush();
      } else emit(table, ...images);
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
    case 'table':
      return [
        ...(block.header === undefined ? [] : [joinCells(block.header)]),
        ...block.rows.map(joinCells),
      ];
    case 'embed':
      return [
        [
          {
            type: 'link' as const,
            target: { url: block.url },
            children: [{ type: 'text' as const, text: block.title ?? block.url }],
          },
        ],
      ];
    case 'image':
      return [];
  }
}

function joinCells(cells: ImportInline[][]): ImportInline[] {
  return cells.flatMap((cell, index) =>
    index === 0 ? cell : [{ type: 'text' as const, text: ' ' }, ...cell],
  );
}

/** A table cell's blocks as one line of inline content: a line break reads as a space. */
function cellContent(blocks: DraftBlock[]): ImportInline[] {
  const lines = blocks.flatMap((block) => paragraphsOf(block));
  return lines
    .flatMap((line, index) =>
      index === 0 ? line : [{ type: 'text' as const, text: ' ' }, ...line],
    )
    .map((inline) => (inline.type === 'break' ? { type: 'text' as const, text: ' ' } : inline));
}

function tableIn(figure: Element): Element | undefined {
  return imageCount(figure) === 0
    ? findElement(figure, (node) => node.tagName === 'table')
    : undefined;
}

function captionIn(figure: Element): Element | undefined {
  return findElement(
    figure,
    (node) =>
      node.tagName === 'figcaption' ||
      hasClass(node, 'wp-caption-text') ||
      hasClass(node, 'wp-element-caption'),
  );
}

/**
 * Gutenberg's `wp-block-gallery`, the `[gallery]` shortcode's `div.gallery`, or any figure
 * with several photos.
 */
function isGallery(node: Element): boolean {
  if (
    hasClass(node, 'wp-block-gallery') ||
    hasClass(node, 'gallery') ||
    hasClass(node, 'tiled-gallery')
  )
    return imageCount(node) > 0;
  return (node.tagName === 'figure' || hasClass(node, 'wp-caption')) && imageCount(node) > 1;
}

/**
 * A gallery as a run of captioned images: each photo keeps its own caption; the gallery's
 * caption goes to the first photo when that has none, else follows as a paragraph.
 */
function galleryOf(gallery: Element, context: HtmlContext): DraftBlock[] {
  const images: DraftImage[] = [];
  let galleryCaption = '';
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element' || isDropped(child.tagName)) continue;
      const count = imageCount(child);
      if (child.tagName === 'img') {
        const image = imageOf(child, undefined, context);
        if (image) images.push(image);
      } else if (count === 1) {
        const image = figureOf(child, context);
        if (image) images.push(image);
      } else if (count > 1) visit(child);
      else if (
        child.tagName === 'figcaption' ||
        hasClass(child, 'blocks-gallery-caption') ||
        hasClass(child, 'wp-caption-text') ||
        hasClass(child, 'gallery-caption')
      )
        galleryCaption = cleanText(textOf(child));
    }
  };
  visit(gallery);
  const [first] = images;
  const blocks: DraftBlock[] = [];
  if (galleryCaption !== '' && first !== undefined && first.caption === undefined) {
    const { caption, credit } = splitCaptionCredit(galleryCaption);
    images[0] = {
      ...first,
      // An image described by the headline only is better described by its caption.
      ...(first.alt === context.fallbackAlt && caption !== '' ? { alt: caption } : {}),
      ...(caption === '' ? {} : { caption }),
      ...(credit === undefined || first.credit !== undefined ? {} : { credit }),
    };
    galleryCaption = '';
  }
  blocks.push(...images.map((image) => ({ type: 'image' as const, image })));
  if (galleryCaption !== '')
    blocks.push({ type: 'paragraph', content: [{ type: 'text', text: galleryCaption }] });
  return blocks;
}

/**
 * A paragraph that is nothing but the URL of a post on a known provider: WordPress's
 * auto-embed, as feeds carry it before oEmbed runs.
 */
function bareEmbedOf(content: ImportInline[]): DraftBlock | undefined {
  const [only, ...rest] = content;
  if (only === undefined || rest.length > 0) return undefined;
  const text = plainOf(content).trim();
  const url =
    only.type === 'link' ? only.target.url : only.type === 'text' && !only.marks ? text : undefined;
  if (url === undefined || !/^https?:\/\/\S+$/.test(text) || !/^https?:/.test(url))
    return undefined;
  if (only.type === 'link' && safeLinkUrl(text, undefined) !== url) return undefined;
  const safe = safeLinkUrl(url, undefined);
  return safe !== undefined && isKnownProvider(safe)
    ? { type: 'embed', url: pageUrlOfFrame(safe) }
    : undefined;
}

/** `<figure>` and WordPress's `wp-caption` box: one image and its caption. */
function figureOf(figure: Element, context: HtmlContext): DraftImage | undefined {
  const image = findElement(figure, (node) => node.tagName === 'img');
  if (image === undefined) return undefined;
  const caption = captionIn(figure);
  return imageOf(image, caption === undefined ? undefined : cleanText(textOf(caption)), context);
}

/** The photos in an element: emoji images and tracking pixels do not count. */
function imageCount(root: Element): number {
  return findAll(
    root,
    (node) =>
      node.tagName === 'img' &&
      !hasClass(node, 'emoji') &&
      !hasClass(node, 'wp-smiley') &&
      !isPixel(node),
  ).length;
}

function isPixel(img: Element): boolean {
  return isPixelSize(img.properties.width, img.properties.height, img.properties.style);
}

function imageOf(
  img: Element,
  rawCaption: string | undefined,
  context: HtmlContext,
): DraftImage | undefined {
  const src = sourceOf(img, (value) => safeImageUrl(value, context.base));
  if (src === undefined) return undefined;
  // A 1x1 image, or one from an analytics host, is a tracking pixel, not a photo.
  if (isPixel(img) || isTrackerUrl(src)) return undefined;
  const width = dimension(img.properties.width);
  const height = dimension(img.properties.height);
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
