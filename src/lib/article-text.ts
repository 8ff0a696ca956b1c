/**
 * The words of an article as search sees them: standfirst, the hero's caption and every
 * block of the body, in reading order, one paragraph to a line (the headline is indexed
 * beside them).
 */
import type { Article, Block, Inline } from '../contract/article.ts';

function inlineText(content: Inline[]): string {
  return content
    .map((inline) => {
      switch (inline.type) {
        case 'text':
          return inline.text;
        case 'link':
          return inline.children.map((run) => run.text).join('');
        case 'break':
          return ' ';
        default:
          return inline satisfies never;
      }
    })
    .join('');
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.content);
    case 'quote':
      return block.paragraphs.map(inlineText).join('\n');
    case 'list':
      return block.items.map(inlineText).join('\n');
    case 'image':
      return block.image.caption ?? '';
    case 'read-link':
      return `READ: ${block.title}`;
    case 'table':
      // One row to a line, its cells apart: a snippet never runs two cells together.
      return [
        block.caption ?? '',
        ...[block.header ?? [], ...block.rows].map((row) => row.map(inlineText).join(' ').trim()),
      ]
        .filter((line) => line !== '')
        .join('\n');
    case 'embed':
      return [block.title, block.caption].filter((text) => text !== undefined).join('\n');
    default:
      return block satisfies never;
  }
}

/**
 * Everything but the headline: what search indexes and a result's snippet is cut from.
 * Without `readLinks`, the "READ: <headline>" lines that point to other articles are left
 * out: the article's own words, for a snippet that need not show a link's headline.
 */
export function articleText(article: Article, { readLinks = true } = {}): string {
  const body = readLinks
    ? article.body
    : article.body.filter((block) => block.type !== 'read-link');
  return [article.standfirst, article.image?.caption ?? '', ...body.map(blockText)]
    .filter((text) => text !== '')
    .join('\n');
}
