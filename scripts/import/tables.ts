/**
 * `<table>` -> a `table` block: header row, rows of cells with their inline content (links
 * and emphasis kept), caption from `<caption>` or the figure's `<figcaption>`. Tables used
 * for layout (one cell, or another table inside) are not data: they are unwrapped, and
 * their content reads as the paragraphs it is.
 */
import type { Element } from 'hast';
import type { ImportInline } from './imported-article.ts';
import { findAll, findElement } from './hast-query.ts';
import { cleanText, textOf } from './text.ts';

export type TableDraft = {
  type: 'table';
  caption?: string;
  header?: ImportInline[][];
  rows: ImportInline[][][];
};

/** A cell's inline content, read by the body's own walk (so links and marks survive). */
export type CellReader = (cell: Element) => ImportInline[];

/** The table block, or undefined when the table is layout and should be unwrapped. */
export function tableOf(
  table: Element,
  readCell: CellReader,
  figureCaption?: string,
): TableDraft | undefined {
  if (findElement(table, (node) => node.tagName === 'table')) return undefined;
  const rowElements = findAll(table, (node) => node.tagName === 'tr');
  const cellsOf = (row: Element) =>
    row.children.filter(
      (cell): cell is Element =>
        cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'),
    );
  const cellCount = rowElements.reduce((sum, row) => sum + cellsOf(row).length, 0);
  if (cellCount <= 1) return undefined;

  const isInHead = (row: Element) =>
    findAll(table, (node) => node.tagName === 'thead').some((head) =>
      findElement(head, (node) => node === row),
    );
  const [first] = rowElements;
  const headerRow =
    rowElements.find(isInHead) ??
    (first !== undefined && cellsOf(first).every((cell) => cell.tagName === 'th')
      ? first
      : undefined);

  // As many columns as the fullest row has cells: a footer's colspan="173" is not 173 columns.
  const width = Math.max(...rowElements.map((row) => cellsOf(row).length));
  const read = (row: Element) =>
    cellsOf(row)
      .flatMap((cell) => {
        const span = Number(cell.properties.colSpan ?? 1);
        const extra = Number.isInteger(span) && span > 1 ? Math.min(span, width) - 1 : 0;
        // Pipe tables have no spans: the cell's content, then empty cells to keep the columns.
        return [readCell(cell), ...Array.from({ length: extra }, (): ImportInline[] => [])];
      })
      .slice(0, width);
  const header = headerRow === undefined ? undefined : read(headerRow);
  const rows = rowElements
    .filter((row) => row !== headerRow)
    .map(read)
    .filter((cells) => cells.some((cell) => cell.length > 0));
  const pad = (cells: ImportInline[][]) => [
    ...cells,
    ...Array.from({ length: width - cells.length }, (): ImportInline[] => []),
  ];
  const captionElement = findElement(table, (node) => node.tagName === 'caption');
  const caption = cleanText(
    captionElement === undefined ? (figureCaption ?? '') : textOf(captionElement),
  );
  const hasHeader = header !== undefined && header.some((cell) => cell.length > 0);
  if (rows.length === 0 && !hasHeader) return undefined;
  return {
    type: 'table',
    ...(caption === '' ? {} : { caption }),
    ...(hasHeader ? { header: pad(header) } : {}),
    rows: rows.map(pad),
  };
}
