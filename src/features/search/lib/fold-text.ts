/**
 * Text as search compares it: the way readers of this region type. Used on both sides, for
 * the index the build makes and for the words a reader types, so that they always agree.
 *
 * - Case and diacritics do not matter: `Türkiye` = `turkiye`, `café` = `cafe`.
 * - Turkish dotted and dotless i are one letter: `İstanbul` = `istanbul` = `ISTANBUL`, and
 *   `ışık` = `isik`. (A plain lowercase turns `İ` into `i̇`, and `I` into `i` but never `ı`.)
 * - Arabic is normalised: alef with hamza or madda (أ إ آ ٱ) is alef (ا), ta marbuta (ة) is
 *   ha (ه), alef maqsura (ى) is ya (ي); tatweel (ـ) and harakat are dropped.
 */
const TURKISH_I = /[İIı]/g;
const ARABIC_ALEF = /[أإآٱ]/g;
const ARABIC_TA_MARBUTA = /ة/g;
const ARABIC_ALEF_MAQSURA = /ى/g;
const ARABIC_TATWEEL = /ـ/g;
/** Marks of every script, Arabic harakat among them (they are combining marks too). */
const MARKS = /\p{M}/gu;

export function foldText(text: string): string {
  return text
    .replace(TURKISH_I, 'i')
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(ARABIC_ALEF, 'ا')
    .replace(ARABIC_TA_MARBUTA, 'ه')
    .replace(ARABIC_ALEF_MAQSURA, 'ي')
    .replace(ARABIC_TATWEEL, '')
    .toLowerCase();
}

/** Longer "words" are not words (pasted links, base64): the index leaves them out. */
export const MAX_TERM_LENGTH = 40;

/**
 * The words of `text` as search compares them: folded, split at anything that is not a
 * letter or digit, without one-letter words. The index files an article under these, and
 * a query looks for these.
 */
export function searchTerms(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length >= 2 && term.length <= MAX_TERM_LENGTH);
}
