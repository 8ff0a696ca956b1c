import { PREFIX_MIN_LENGTH } from '../../../contract/search-index.ts';
import { searchTerms } from './fold-text.ts';

export type SnippetPart = { text: string; isMatch: boolean };

/**
 * A short passage of `text` around the first word that matches a term (matched as search
 * matches: see PREFIX_MIN_LENGTH), with every
 * matching word marked. Without a match, the passage opens the text.
 */
export function makeSnippet(text: string, terms: string[], wordsAround = 12): SnippetPart[] {
  const words = text.split(/(\s+)/).filter((piece) => piece !== '');
  // As search matches: short terms whole words, longer ones word beginnings.
  const matches = (word: string, term: string) =>
    term.length < PREFIX_MIN_LENGTH ? word === term : word.startsWith(term);
  const isMatch = (word: string) =>
    searchTerms(word).some((folded) => terms.some((term) => matches(folded, term)));
  const wordIndexes = words.flatMap((word, index) => (/\S/.test(word) ? [index] : []));
  const firstMatch = wordIndexes.findIndex((index) => isMatch(words[index] ?? ''));
  const center = Math.max(0, firstMatch);
  const from = wordIndexes[Math.max(0, center - wordsAround)] ?? 0;
  const to =
    wordIndexes[Math.min(wordIndexes.length - 1, center + wordsAround)] ?? words.length - 1;
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '… ', isMatch: false });
  for (const word of words.slice(from, to + 1)) {
    const match = /\S/.test(word) && isMatch(word);
    const last = parts.at(-1);
    if (last && !last.isMatch && !match) last.text += word;
    else parts.push({ text: word, isMatch: match });
  }
  if (to < words.length - 1) parts.push({ text: ' …', isMatch: false });
  return parts;
}
