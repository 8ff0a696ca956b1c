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
