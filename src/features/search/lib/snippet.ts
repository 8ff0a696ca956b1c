import { PREFIX_MIN_LENGTH } from '../../../contract/search-index.ts';
import { searchTerms } from './fold-text.ts';

export type SnippetPart = { text: string; isMatch: boolean };

/** Where a paragraph ends without closing its sentence, the snippet shows the break. */
const PARAGRAPH_BREAK = ' … ';

/** Ends a sentence (behind any closing quotes or brackets): a space is break enough. */
const SENTENCE_END = /[.!?…:;؟。！？][\p{Pf}\p{Pe}"'’”»]*$/u;

/**
 * A short passage of `text` around the first word that matches a term (matched as search
 * matches: see PREFIX_MIN_LENGTH), with every matching word marked. Without a match, the
 * passage opens the text. The text has one paragraph to a line: a line break becomes a
 * space after a finished sentence, and " … " after anything else (a heading, a caption, a
 * READ line's headline), so two paragraphs never read as one sentence.
 */
export function makeSnippet(text: string, terms: string[], wordsAround = 12): SnippetPart[] {
  const pieces = text.trim().split(/(\s+)/);
  // Words at even places, what lies between them at odd ones.
  const words = pieces.filter((_, index) => index % 2 === 0);
  if (words.every((word) => word === '')) return [];
  const between = (index: number) => {
    const gap = pieces[2 * index + 1] ?? ' ';
    if (!gap.includes('\n')) return gap;
    return SENTENCE_END.test(words[index] ?? '') ? ' ' : PARAGRAPH_BREAK;
  };
  // As search matches: short terms whole words, longer ones word beginnings.
  const matches = (word: string, term: string) =>
    term.length < PREFIX_MIN_LENGTH ? word === term : word.startsWith(term);
  const isMatch = (word: string) =>
    searchTerms(word).some((folded) => terms.some((term) => matches(folded, term)));
  const center = Math.max(0, words.findIndex(isMatch));
  const from = Math.max(0, center - wordsAround);
  const to = Math.min(words.length - 1, center + wordsAround);
  const parts: SnippetPart[] = [];
  const add = (piece: string, match: boolean) => {
    const last = parts.at(-1);
    if (last && !last.isMatch && !match) last.text += piece;
    else parts.push({ text: piece, isMatch: match });
  };
  if (from > 0) add('… ', false);
  for (let index = from; index <= to; index++) {
    if (index > from) add(between(index - 1), false);
    const word = words[index] ?? '';
    add(word, isMatch(word));
  }
  if (to < words.length - 1) add(' …', false);
  return parts;
}

/**
 * The snippet of the first text with a match in it, else of the first text: the texts from
 * the most wanted (the article's own words) to the least (with its READ lines).
 */
export function firstMatchingSnippet(texts: string[], terms: string[]): SnippetPart[] {
  for (const text of texts) {
    const snippet = makeSnippet(text, terms);
    if (snippet.some((part) => part.isMatch)) return snippet;
  }
  return makeSnippet(texts[0] ?? '', terms);
}
