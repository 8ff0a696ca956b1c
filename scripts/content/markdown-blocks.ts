/**
 * Turns an article's Markdown body into the typed blocks of the JSON contract.
 * markdown-it's token stream is the parser (several times faster than an AST-building
 * parser, which matters at 100,000 articles). Raw HTML never passes: it is reported as a
 * problem, so the browser only ever renders blocks the app knows.
 */
import MarkdownIt from 'markdown-it';
import {
  SLUG_PATTERN,
  type Block,
  type Image,
  type Inline,
  type LinkTarget,
  type Mark,
  type TableBlock,
  type TextRun,
} from '../../src/contract/article.ts';
import { splitCaptionCredit } from './caption.ts';
import { readEmbedFence } from './embed-fence.ts';
import type { Problem } from './problem.ts';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

export type SlugReference = { slug: string; line: number; field: string };

export type ImageResolver = (
  src: string,
  where: { line: number; field: string },
) => Pick<Image, 'src' | 'width' | 'height' | 'widths'> | undefined;

type Context = {
  file: string;
  /** File line of the body's first line. */
  firstLine: number;
  resolveImage?: ImageResolver;
};

// CommonMark, with raw HTML tokenised so that it can be reported rather than silently kept
// as text, and every link target let through so that unsafe ones are reported by name.
// GFM pipe tables are CommonMark's one extension here: importers write a source's tables so.
const markdown = new MarkdownIt('commonmark', { html: true }).enable('table');
markdown.validateLink = () => true;

/** Pandoc's table caption: the paragraph right after a table, starting `Table: `. */
const TABLE_CAPTION = /^Table:\s+/;

const READ_LABEL = /^\s*READ:\s*$/;

const attr = (token: Token, name: string) => token.attrGet(name) ?? '';

/** What a reader sees of inline tokens, without their Markdown: a caption is plain text. */
function plainText(tokens: Token[]): string {
  return tokens
    .map((token) =>
      token.type === 'softbreak' || token.type === 'hardbreak' ? ' ' : token.content,
    )
    .join('');
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

export function markdownToBlocks(source: string, context: Context) {
  const problems: Problem[] = [];
  const references: SlugReference[] = [];
  const report = (line: number, message: string) =>
    problems.push({ file: context.file, line, field: 'body', message });

  function target(url: string, line: number): LinkTarget | undefined {
    if (/^(https?:|mailto:)/i.test(url)) {
      try {
        return { kind: 'external', url: new URL(url).href };
      } catch {
        report(line, `link target "${url}" is not a valid URL`);
        return undefined;
      }
    }
    // markdown-it percent-encodes link targets; slugs in other scripts are matched decoded.
    const slug = safeDecode(url).replace(/^\/+|\/+$/g, '');
    if (SLUG_PATTERN.test(slug)) {
      references.push({ slug, line, field: 'body' });
      return { kind: 'article', slug };
    }
    report(line, `link target "${url}" is neither an article slug nor an http(s) URL`);
    return undefined;
  }

  /**
   * Inline tokens of one paragraph, heading, list item or table cell into inline content.
   * In a cell, a line break is a space: a cell is one line of a row.
   */
  function inlines(tokens: Token[], line: number, isCell = false): Inline[] {
    const out: Inline[] = [];
    const marks: Mark[] = [];
    let link: Extract<Inline, { type: 'link' }> | undefined;
    const push = (text: string, extra?: Mark) => {
      if (text === '') return;
      const all = extra ? [...marks, extra] : [...marks];
      const run: TextRun = { type: 'text', text, ...(all.length > 0 ? { marks: all } : {}) };
      const into = link ? link.children : out;
      const previous = into.at(-1);
      if (previous?.type === 'text' && (previous.marks ?? []).join() === (run.marks ?? []).join()) {
        into[into.length - 1] = { ...previous, text: previous.text + text };
      } else {
        into.push(run);
      }
    };
    for (const token of tokens) {
      switch (token.type) {
        case 'text':
          push(token.content);
          break;
        case 'softbreak':
          // A line break in the source is a space on the page.
          push(' ');
          break;
        case 'hardbreak':
          if (link || isCell) push(' ');
          else out.push({ type: 'break' });
          break;
        case 'em_open':
          marks.push('emphasis');
          break;
        case 'strong_open':
          marks.push('strong');
          break;
        case 'em_close':
        case 'strong_close':
          marks.pop();
          break;
        case 'code_inline':
          push(token.content, 'code');
          break;
        case 'link_open': {
          const to = target(attr(token, 'href'), line);
          link = to ? { type: 'link', target: to, children: [] } : undefined;
          break;
        }
        case 'link_close':
          if (link) out.push(link);
          link = undefined;
          break;
        case 'html_inline':
          report(line, `raw HTML is not allowed in articles: ${token.content.slice(0, 40)}`);
          break;
        case 'image':
          report(
            line,
            isCell
              ? 'a table cell holds text and links, not images'
              : 'an image must stand alone in its own paragraph',
          );
          break;
        default:
          report(line, `unsupported Markdown (${token.type}) inside a paragraph`);
      }
    }
    return out;
  }

  function readLink(tokens: Token[], line: number): Block | undefined {
    const [label, open, ...rest] = tokens;
    if (label?.type !== 'text' || !READ_LABEL.test(label.content) || open?.type !== 'link_open') {
      return undefined;
    }
    const close = rest.findIndex((token) => token.type === 'link_close');
    const after = rest.slice(close + 1);
    if (close === -1 || after.some((t) => t.type !== 'text' || t.content.trim() !== '')) {
      return undefined;
    }
    const title = rest
      .slice(0, close)
      .map((token) => (token.type === 'softbreak' ? ' ' : token.content))
      .join('')
      .trim();
    const to = target(attr(open, 'href'), line);
    if (title === '') report(line, 'READ link without a headline');
    return to ? { type: 'read-link', title, target: to } : undefined;
  }

  function image(tokens: Token[], line: number): Block | 'not-an-image' | undefined {
    const [only, ...rest] = tokens;
    if (only?.type !== 'image' || rest.length > 0) return 'not-an-image';
    const alt = (only.children ?? [])
      .map((child) => child.content)
      .join('')
      .trim();
    if (alt === '') {
      report(line, 'image without alt: write ![what the image shows](file)');
      return undefined;
    }
    const resolved = context.resolveImage?.(attr(only, 'src'), { line, field: 'body' });
    if (!resolved) return undefined;
    return {
      type: 'image',
      image: { ...resolved, alt, ...splitCaptionCredit(attr(only, 'title')) },
    };
  }

  /**
   * A GFM table from `table_open` to `table_close`: its rows, and its header row unless every
   * header cell is empty (how a source table without a header is written). Returns the index
   * of `table_close`.
   */
  function table(tokens: Token[], start: number): { block: TableBlock; end: number } {
    const header: Inline[][] = [];
    const rows: Inline[][][] = [];
    let row: Inline[][] = [];
    let isHead = false;
    let line = lineOf(tokens[start] as Token);
    let index = start + 1;
    for (; index < tokens.length; index++) {
      const token = tokens[index] as Token;
      if (token.type === 'table_close') break;
      switch (token.type) {
        case 'thead_open':
          isHead = true;
          break;
        case 'thead_close':
          isHead = false;
          break;
        case 'tr_open':
          line = lineOf(token);
          row = [];
          break;
        case 'tr_close':
          if (isHead) header.push(...row);
          else rows.push(row);
          break;
        case 'inline':
          row.push(inlines(token.children ?? [], line, true));
          break;
        default:
          // tbody, th and td open and close: the structure above already says it.
          break;
      }
    }
    const hasHeader = header.some((cell) => cell.length > 0);
    return { block: { type: 'table', ...(hasHeader ? { header } : {}), rows }, end: index };
  }

  const tokens = markdown.parse(source, {});
  const blocks: Block[] = [];
  const lineOf = (token: Token) => context.firstLine + (token.map?.[0] ?? 0);
  let quote: Inline[][] | undefined;
  let list: { isOrdered: boolean; items: Inline[][] } | undefined;
  let depth = 0;

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token === undefined) continue;
    const line = lineOf(token);
    switch (token.type) {
      case 'paragraph_open':
      case 'heading_open': {
        const children = tokens[index + 1]?.children ?? [];
        index += 2;
        if (token.type === 'heading_open') {
          const level = Number(token.tag.slice(1));
          if (level === 1) report(line, 'use ## for subheadings: the headline is the only h1');
          else blocks.push({ type: 'heading', level: level === 2 ? 2 : level === 3 ? 3 : 4, content: inlines(children, line) });
        } else if (list) {
          list.items.at(-1)?.push(...inlines(children, line));
        } else if (quote) {
          quote.push(inlines(children, line));
        } else {
          const block = readLink(children, line);
          const picture = block ? undefined : image(children, line);
          if (block) blocks.push(block);
          else if (picture !== 'not-an-image') {
            if (picture) blocks.push(picture);
          } else blocks.push({ type: 'paragraph', content: inlines(children, line) });
        }
        break;
      }
      case 'blockquote_open':
        if (quote || list) report(line, 'nested quotes and lists are not supported');
        quote ??= [];
        break;
      case 'blockquote_close':
        if (quote) blocks.push({ type: 'quote', paragraphs: quote });
        quote = undefined;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        depth++;
        if (depth > 1) report(line, 'nested lists are not supported');
        else list = { isOrdered: token.type === 'ordered_list_open', items: [] };
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        depth--;
        if (depth === 0 && list) {
          blocks.push({ type: 'list', ...list });
          list = undefined;
        }
        break;
      case 'list_item_open':
        if (depth === 1) list?.items.push([]);
        break;
      case 'list_item_close':
      case 'hr':
        break;
      case 'table_open': {
        const read = table(tokens, index);
        index = read.end;
        // Pandoc writes the caption as the next paragraph, `Table: ...`.
        const next = tokens[index + 1];
        const captionText =
          next?.type === 'paragraph_open' ? plainText(tokens[index + 2]?.children ?? []) : undefined;
        if (captionText !== undefined && TABLE_CAPTION.test(captionText)) {
          const caption = captionText.replace(TABLE_CAPTION, '').replace(/\s+/g, ' ').trim();
          if (caption !== '') read.block.caption = caption;
          index += 3;
        }
        if (read.block.rows.length === 0 && read.block.header === undefined) {
          report(line, 'empty table: give it a row with something in it');
        } else blocks.push(read.block);
        break;
      }
      case 'fence':
        if (token.info.trim() === 'embed') {
          const embed = readEmbedFence(token.content, {
            file: context.file,
            // The YAML starts on the line after the opening fence.
            firstLine: line + 1,
            resolveImage: context.resolveImage,
          });
          problems.push(...embed.problems);
          if (embed.block) blocks.push(embed.block);
        } else {
          report(
            line,
            token.info.trim() === ''
              ? 'unsupported Markdown (fence): the only fenced block is ```embed'
              : `unsupported fenced block "${token.info.trim()}": the only fenced block is \`\`\`embed`,
          );
        }
        break;
      case 'html_block':
        report(line, `raw HTML is not allowed in articles: ${token.content.trim().slice(0, 40)}`);
        break;
      default:
        report(line, `unsupported Markdown (${token.type})`);
    }
  }
  return { blocks, references, problems };
}
