/**
 * Imported blocks -> the Markdown an editor would write. The text goes through an mdast tree
 * and mdast-util-to-markdown, never string concatenation, so whatever the source's text holds
 * (`*`, `[`, `<script>`, a line starting with `#`) is escaped and reads back as the same text.
 */
import type { BlockContent, Paragraph, PhrasingContent, Root, TableRow } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import { Document } from 'yaml';
import type { TextRun } from '../../src/contract/article.ts';
import type { ImportBlock, ImportInline, ImportTarget } from './imported-article.ts';

/** Where a link goes in the Markdown: an article slug, or the absolute URL. */
export type ResolveTarget = (target: ImportTarget) => string;

export function blocksToMarkdown(blocks: ImportBlock[], resolve: ResolveTarget): string {
  const children = blocks.flatMap((block) => blockNodes(block, resolve));
  if (children.length === 0) return '';
  const root: Root = { type: 'root', children };
  return toMarkdown(root, {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    resourceLink: true,
    rule: '-',
    fences: true,
    extensions: [gfmTableToMarkdown({ tableCellPadding: true, tablePipeAlign: false })],
  });
}

function blockNodes(block: ImportBlock, resolve: ResolveTarget): BlockContent[] {
  switch (block.type) {
    case 'paragraph':
      return nonEmpty(block.content, (content) => [paragraph(content, resolve)]);
    case 'heading':
      return nonEmpty(block.content, (content) => [
        { type: 'heading', depth: block.level, children: phrasing(content, resolve) },
      ]);
    case 'quote': {
      const paragraphs = block.paragraphs.filter((content) => content.length > 0);
      return paragraphs.length === 0
        ? []
        : [
            {
              type: 'blockquote',
              children: paragraphs.map((content) => paragraph(content, resolve)),
            },
          ];
    }
    case 'list': {
      const items = block.items.filter((content) => content.length > 0);
      return items.length === 0
        ? []
        : [
            {
              type: 'list',
              ordered: block.isOrdered,
              spread: false,
              children: items.map((content) => ({
                type: 'listItem',
                spread: false,
                children: [paragraph(content, resolve)],
              })),
            },
          ];
    }
    case 'image': {
      const { src, alt, caption, credit } = block.image;
      // The build reads the title back as "caption [credit]".
      const title = [caption, credit === undefined ? undefined : `[${credit}]`]
        .filter(Boolean)
        .join(' ');
      return [
        { type: 'paragraph', children: [{ type: 'image', url: src, alt, title: title || null }] },
      ];
    }
    case 'embed': {
      // A fence of YAML (see the README): the build reads it back as a link card.
      const { url, title, thumbnail, caption } = block;
      const fields = {
        url,
        ...(title === undefined ? {} : { title }),
        ...(thumbnail === undefined ? {} : { thumbnail }),
        ...(caption === undefined ? {} : { caption }),
      };
      const yaml = new Document(fields).toString({ lineWidth: 0 }).trimEnd();
      return [{ type: 'code', lang: 'embed', value: yaml }];
    }
    case 'table': {
      const width = Math.max(block.header?.length ?? 0, ...block.rows.map((row) => row.length));
      const row = (cells: ImportInline[][]): TableRow => ({
        type: 'tableRow',
        children: Array.from({ length: width }, (_, index) => ({
          type: 'tableCell',
          // A pipe table's row is one line: a break inside a cell reads as a space.
          children: phrasing(
            (cells[index] ?? []).map((inline) =>
              inline.type === 'break' ? { type: 'text', text: ' ' } : inline,
            ),
            resolve,
          ),
        })),
      });
      // A table without a header row gets one of empty cells, which the build reads as none.
      const nodes: BlockContent[] = [
        {
          type: 'table',
          align: Array.from({ length: width }, () => null),
          children: [row(block.header ?? []), ...block.rows.map(row)],
        },
      ];
      if (block.caption !== undefined && block.caption !== '')
        nodes.push({
          type: 'paragraph',
          children: [{ type: 'text', value: `Table: ${block.caption}` }],
        });
      return nodes;
    }
    case 'read-link':
      return [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'READ: ' },
            {
              type: 'link',
              url: resolve(block.target),
              children: [{ type: 'text', value: block.title }],
            },
          ],
        },
      ];
  }
}

function nonEmpty(content: ImportInline[], make: (content: ImportInline[]) => BlockContent[]) {
  return content.length === 0 ? [] : make(content);
}

function paragraph(content: ImportInline[], resolve: ResolveTarget): Paragraph {
  return { type: 'paragraph', children: phrasing(content, resolve) };
}

function phrasing(content: ImportInline[], resolve: ResolveTarget): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let runs: TextRun[] = [];
  const flushRuns = () => {
    out.push(...marked(runs));
    runs = [];
  };
  for (const inline of content) {
    if (inline.type === 'text') {
      runs.push(inline);
      continue;
    }
    flushRuns();
    if (inline.type === 'break') out.push({ type: 'break' });
    else out.push({ type: 'link', url: resolve(inline.target), children: marked(inline.children) });
  }
  flushRuns();
  return out;
}

/** Strong wraps emphasis wraps code, whatever order the source nested them in. */
const NESTING = ['strong', 'emphasis'] as const;

/**
 * Text runs -> nested strong/emphasis/inlineCode with as few delimiters as possible:
 * neighbouring runs that share a mark share one node. Spaces at a mark's edges are moved
 * outside it, since `**word **` is not bold in Markdown.
 */
function marked(runs: TextRun[]): PhrasingContent[] {
  const pieces = runs.flatMap(splitEdgeSpaces);
  const out: PhrasingContent[] = [];
  for (let index = 0; index < pieces.length;) {
    const run = pieces[index];
    if (run === undefined) break;
    const outer = NESTING.find((mark) => run.marks?.includes(mark));
    if (outer === undefined) {
      out.push(
        run.marks?.includes('code')
          ? { type: 'inlineCode', value: run.text }
          : { type: 'text', value: run.text },
      );
      index++;
      continue;
    }
    let end = index;
    while (pieces[end]?.marks?.includes(outer)) end++;
    const inner = pieces
      .slice(index, end)
      .map((piece) => ({ ...piece, marks: (piece.marks ?? []).filter((mark) => mark !== outer) }));
    out.push({ type: outer, children: marked(inner) });
    index = end;
  }
  return out;
}

function splitEdgeSpaces(run: TextRun): TextRun[] {
  if (run.marks === undefined || run.marks.length === 0) return [run];
  const match = /^(\s*)(.*?)(\s*)$/s.exec(run.text);
  const [, before = '', middle = '', after = ''] = match ?? [];
  return [
    ...(before === '' ? [] : [{ type: 'text' as const, text: before }]),
    ...(middle === '' ? [] : [{ ...run, text: middle }]),
    ...(after === '' ? [] : [{ type: 'text' as const, text: after }]),
  ];
}
