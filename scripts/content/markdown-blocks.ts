/**
 * Turns an article's Markdown body into the typed blocks of the JSON contract.
 * Raw HTML never passes: it is reported as a problem, so the browser only ever renders
 * blocks the app knows.
 */
import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import {
  SLUG_PATTERN,
  type Block,
  type Image,
  type Inline,
  type LinkTarget,
  type Mark,
  type TextRun,
} from '../../src/contract/article.ts';
import { splitCaptionCredit } from './caption.ts';
import type { Problem } from './problem.ts';

export type SlugReference = { slug: string; line: number; field: string };

export type ImageResolver = (
  src: string,
  where: { line: number; field: string },
) => Pick<Image, 'src' | 'width' | 'height'> | undefined;

type Context = {
  file: string;
  /** File line of the body's first line. */
  firstLine: number;
  resolveImage?: ImageResolver;
};

const READ_LABEL = /^\s*READ:\s*$/;

export function markdownToBlocks(markdown: string, context: Context) {
  const problems: Problem[] = [];
  const references: SlugReference[] = [];
  const lineOf = (node: Nodes) => context.firstLine + (node.position?.start.line ?? 1) - 1;
  const report = (node: Nodes, message: string) =>
    problems.push({ file: context.file, line: lineOf(node), field: 'body', message });

  function target(url: string, node: Nodes): LinkTarget | undefined {
    if (/^(https?:|mailto:)/i.test(url)) {
      try {
        return { kind: 'external', url: new URL(url).href };
      } catch {
        report(node, `link target "${url}" is not a valid URL`);
        return undefined;
      }
    }
    const slug = url.replace(/^\/+|\/+$/g, '');
    if (SLUG_PATTERN.test(slug)) {
      references.push({ slug, line: lineOf(node), field: 'body' });
      return { kind: 'article', slug };
    }
    report(node, `link target "${url}" is neither an article slug nor an http(s) URL`);
    return undefined;
  }

  function runs(nodes: PhrasingContent[], marks: Mark[]): TextRun[] {
    return inlines(nodes, marks).flatMap((inline) => {
      if (inline.type === 'text') return [inline];
      if (inline.type === 'link') return inline.children;
      return [{ type: 'text' as const, text: ' ', ...(marks.length > 0 ? { marks } : {}) }];
    });
  }

  function inlines(nodes: PhrasingContent[], marks: Mark[] = []): Inline[] {
    const out: Inline[] = [];
    const text = (value: string, extra: Mark[] = []) => {
      const all = [...marks, ...extra];
      out.push({ type: 'text', text: value, ...(all.length > 0 ? { marks: all } : {}) });
    };
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          // A soft line break in the source is a space on the page.
          text(node.value.replace(/[ \t]*\n[ \t]*/g, ' '));
          break;
        case 'emphasis':
          out.push(...inlines(node.children, [...marks, 'emphasis']));
          break;
        case 'strong':
          out.push(...inlines(node.children, [...marks, 'strong']));
          break;
        case 'delete':
          out.push(...inlines(node.children, marks));
          break;
        case 'inlineCode':
          text(node.value, ['code']);
          break;
        case 'break':
          out.push({ type: 'break' });
          break;
        case 'link': {
          const to = target(node.url, node);
          if (to) out.push({ type: 'link', target: to, children: runs(node.children, marks) });
          break;
        }
        case 'html':
          report(node, `raw HTML is not allowed in articles: ${node.value.slice(0, 40)}`);
          break;
        default:
          report(node, `unsupported Markdown (${node.type}) inside a paragraph`);
      }
    }
    return mergeRuns(out);
  }

  function readLink(paragraph: Paragraph): Block | undefined {
    const [label, link, ...rest] = paragraph.children;
    if (label?.type !== 'text' || !READ_LABEL.test(label.value) || link?.type !== 'link') {
      return undefined;
    }
    if (rest.some((node) => node.type !== 'text' || node.value.trim() !== '')) return undefined;
    const to = target(link.url, link);
    const title = plainText(link.children).trim();
    if (title === '') report(link, 'READ link without a headline');
    return to ? { type: 'read-link', title, target: to } : undefined;
  }

  function image(paragraph: Paragraph): Block | undefined {
    const [only, ...rest] = paragraph.children;
    if (only?.type !== 'image' || rest.length > 0) return undefined;
    if (only.alt === null || only.alt === undefined || only.alt.trim() === '') {
      report(only, 'image without alt: write ![what the image shows](file)');
      return undefined;
    }
    const resolved = context.resolveImage?.(only.url, { line: lineOf(only), field: 'body' });
    if (!resolved) return undefined;
    return {
      type: 'image',
      image: { ...resolved, alt: only.alt.trim(), ...splitCaptionCredit(only.title ?? '') },
    };
  }

  const blocks: Block[] = [];
  const tree = fromMarkdown(markdown);
  for (const node of tree.children) {
    switch (node.type) {
      case 'paragraph': {
        const block = readLink(node) ?? image(node);
        if (block) blocks.push(block);
        else if (!isLoneImage(node)) blocks.push({ type: 'paragraph', content: inlines(node.children) });
        break;
      }
      case 'heading':
        if (node.depth === 1) report(node, 'use ## for subheadings: the headline is the only h1');
        else blocks.push({ type: 'heading', level: node.depth === 2 ? 2 : node.depth === 3 ? 3 : 4, content: inlines(node.children) });
        break;
      case 'blockquote':
        blocks.push({
          type: 'quote',
          paragraphs: node.children.flatMap((child) =>
            child.type === 'paragraph' ? [inlines(child.children)] : (report(child, `unsupported Markdown (${child.type}) in a quote`), []),
          ),
        });
        break;
      case 'list':
        blocks.push({
          type: 'list',
          isOrdered: node.ordered === true,
          items: node.children.map((item) =>
            item.children.flatMap((child) => (child.type === 'paragraph' ? inlines(child.children) : [])),
          ),
        });
        break;
      case 'thematicBreak':
      case 'definition':
        break;
      case 'html':
        report(node, `raw HTML is not allowed in articles: ${node.value.slice(0, 40)}`);
        break;
      default:
        report(node, `unsupported Markdown (${node.type})`);
    }
  }
  return { blocks, references, problems };
}

function isLoneImage(paragraph: Paragraph): boolean {
  return paragraph.children.length === 1 && paragraph.children[0]?.type === 'image';
}

function plainText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => ('value' in node ? node.value : 'children' in node ? plainText(node.children) : ''))
    .join('');
}

/** Joins neighbouring text runs with the same marks, so soft line breaks don't split sentences. */
function mergeRuns(inlines: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const inline of inlines) {
    const previous = merged.at(-1);
    if (
      inline.type === 'text' &&
      previous?.type === 'text' &&
      (previous.marks ?? []).join() === (inline.marks ?? []).join()
    ) {
      merged[merged.length - 1] = { ...previous, text: previous.text + inline.text };
    } else {
      merged.push(inline);
    }
  }
  return merged;
}
