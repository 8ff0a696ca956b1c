/**
 * Inline text as the HTML walk finds it (pieces of text with their marks and link, and
 * breaks), tidied into the contract's inline content: whitespace collapsed as a browser
 * would show it, runs with the same marks joined, link pieces gathered into links, and a
 * double line break read as the paragraph break it is on the page.
 */
import type { Mark, TextRun } from '../../src/contract/article.ts';
import type { ImportBlock, ImportInline, ImportTarget } from './imported-article.ts';
import { stripControls } from './text.ts';

export type Piece =
  | {
      type: 'text';
      text: string;
      marks: Mark[];
      link?: { id: number; target: ImportTarget } | undefined;
    }
  | { type: 'break' };

type TextPiece = Extract<Piece, { type: 'text' }>;

/** Spaces a reader does not see at the start or end of a line (no-break spaces included). */
const EDGE_SPACE_START = /^[ \u00A0]+/;
const EDGE_SPACE_END = /[ \u00A0]+$/;

/** The paragraphs the pieces make: usually one, more where `<br><br>` separates them. */
export function inlinesOf(pieces: Piece[]): ImportInline[][] {
  const groups: Piece[][] = [[]];
  let breaks = 0;
  for (const piece of pieces) {
    const current = groups.at(-1) ?? [];
    if (piece.type === 'break') {
      breaks++;
      if (breaks === 2) groups.push([]);
      else if (breaks === 1) current.push(piece);
      continue;
    }
    if (breaks > 0 && piece.text.trim() === '') continue;
    breaks = 0;
    current.push(piece);
  }
  return groups
    .map((group) => toInlines(tidySpaces(group)))
    .filter((content) => content.length > 0);
}

/** Collapses the spaces between pieces and trims every line. */
function tidySpaces(group: Piece[]): Piece[] {
  const out: Piece[] = [];
  let isLineStart = true;
  const trimEnd = () => {
    for (let last = out.at(-1); last !== undefined; last = out.at(-1)) {
      if (last.type === 'break') {
        if (!isLineStart) break;
        out.pop();
        continue;
      }
      const text = last.text.replace(EDGE_SPACE_END, '');
      if (text !== '') {
        out[out.length - 1] = { ...last, text };
        break;
      }
      out.pop();
    }
  };
  for (const piece of group) {
    if (piece.type === 'break') {
      trimEnd();
      if (!isLineStart) out.push(piece);
      isLineStart = true;
      continue;
    }
    let text = stripControls(piece.text);
    const previous = out.at(-1);
    if (isLineStart) text = text.replace(EDGE_SPACE_START, '');
    else if (previous?.type === 'text' && previous.text.endsWith(' '))
      text = text.replace(/^ +/, '');
    if (text === '') continue;
    out.push({ ...piece, text });
    isLineStart = false;
  }
  isLineStart = true;
  trimEnd();
  return out;
}

function toInlines(pieces: Piece[]): ImportInline[] {
  const inlines: ImportInline[] = [];
  let openLink: number | undefined;
  for (const piece of pieces) {
    if (piece.type === 'break') {
      inlines.push({ type: 'break' });
      openLink = undefined;
      continue;
    }
    const run = textRun(piece);
    const last = inlines.at(-1);
    if (piece.link === undefined) {
      openLink = undefined;
      if (last?.type === 'text' && sameMarks(last, run))
        inlines[inlines.length - 1] = { ...last, text: last.text + run.text };
      else inlines.push(run);
    } else if (last?.type === 'link' && openLink === piece.link.id) {
      last.children = joinRuns([...last.children, run]);
    } else {
      inlines.push({ type: 'link', target: piece.link.target, children: [run] });
      openLink = piece.link.id;
    }
  }
  return inlines.flatMap(tidyLink);
}

/** Moves spaces at a link's edges outside it, and unwraps a link with nothing to click on. */
function tidyLink(inline: ImportInline): ImportInline[] {
  if (inline.type !== 'link') return [inline];
  const text = inline.children.map((run) => run.text).join('');
  if (text.trim() === '') return inline.children;
  const children = inline.children.map((run) => ({ ...run }));
  const first = children[0];
  const last = children.at(-1);
  const before = first === undefined ? '' : (EDGE_SPACE_START.exec(first.text)?.[0] ?? '');
  const after = last === undefined ? '' : (EDGE_SPACE_END.exec(last.text)?.[0] ?? '');
  if (first) first.text = first.text.slice(before.length);
  if (last) last.text = last.text.slice(0, last.text.length - after.length);
  return [
    ...(before === '' ? [] : [{ type: 'text' as const, text: ' ' }]),
    { ...inline, children: children.filter((run) => run.text !== '') },
    ...(after === '' ? [] : [{ type: 'text' as const, text: ' ' }]),
  ];
}

function textRun(piece: TextPiece): TextRun {
  return {
    type: 'text',
    text: piece.text,
    ...(piece.marks.length > 0 ? { marks: piece.marks } : {}),
  };
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return (a.marks ?? []).join() === (b.marks ?? []).join();
}

function joinRuns(runs: TextRun[]): TextRun[] {
  const joined: TextRun[] = [];
  for (const run of runs) {
    const last = joined.at(-1);
    if (last !== undefined && sameMarks(last, run))
      joined[joined.length - 1] = { ...last, text: last.text + run.text };
    else joined.push(run);
  }
  return joined;
}

/** "READ:" then one link, and nothing else: the label may sit inside or outside the bold. */
const READ_LABEL = /^READ\s*:$/i;

export function readLinkOf(
  content: ImportInline[],
): Extract<ImportBlock, { type: 'read-link' }> | undefined {
  const index = content.findIndex((inline) => inline.type === 'link');
  const link = content[index];
  if (link?.type !== 'link') return undefined;
  const before = content.slice(0, index);
  const after = content.slice(index + 1);
  if (!after.every((inline) => inline.type === 'text' && inline.text.trim() === ''))
    return undefined;
  if (!before.every((inline) => inline.type === 'text')) return undefined;
  const label = before
    .map((inline) => (inline.type === 'text' ? inline.text : ''))
    .join('')
    .trim();
  const linkText = link.children
    .map((run) => run.text)
    .join('')
    .trim();
  // Some editors put the label inside the link: <a>READ: headline</a>.
  const labelInLink = /^READ\s*:\s*/i.exec(linkText);
  if (label === '' && labelInLink !== null && linkText.length > labelInLink[0].length) {
    return { type: 'read-link', title: linkText.slice(labelInLink[0].length), target: link.target };
  }
  if (!READ_LABEL.test(label) || linkText === '') return undefined;
  return { type: 'read-link', title: linkText, target: link.target };
}
