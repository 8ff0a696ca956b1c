import { foldText } from './fold-text.ts';

export type SnippetPart = { text: string; isMatch: boolean };

/** The words a query looks for, folded; words shorter than two letters are left out. */
export function queryTerms(query: string): string[] {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length >= 2);
}

/**
 * A short passage of `text` around the first word that matches a term (a word matches when
 * its folded form starts with the term, as search matches word beginnings), with every
 * matching word marked. Without a match, the passage opens the text.
 */
export function makeSnippet(text: string, terms: string[], wordsAround = 12): SnippetPart[] {
  const words = text.split(/(\s+)/).filter((piece) => piece !== '');
  const isMatch = (word: string) => {
    const folded = foldText(word).replace(/^[^\p{L}\p{N}]+/u, '');
    return terms.some((term) => folded.startsWith(term));
  };
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
