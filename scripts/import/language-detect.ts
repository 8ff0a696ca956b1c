/**
 * An article's language when the source does not say, or says wrong: detected from its text
 * with eld's smallest database (60 languages, ISO 639-1 codes, a reliability flag, no
 * dependencies; the comparison with tinyld, franc and cld is in decision 003), with one
 * guarantee the detector alone cannot give: text mostly in Arabic script is always written
 * as a right-to-left language of that script (ar, fa, ur ...), and Hebrew script as he or
 * yi, never as a left-to-right language. Where the text is too short to tell, nothing is
 * written rather than a guess, except for that guarantee.
 */
import { canonicalLanguage } from '../content/language.ts';

/** Languages written in Arabic script (all right to left). */
const ARABIC_SCRIPT = new Set([
  'ar',
  'fa',
  'ur',
  'ps',
  'ckb',
  'ku',
  'sd',
  'ug',
  'ks',
  'prs',
  'bal',
]);
/** Languages written in Hebrew script. */
const HEBREW_SCRIPT = new Set(['he', 'yi', 'lad', 'jrb']);

/** Below this many letters a detector guesses: short headlines are often ambiguous. */
const MIN_LETTERS = 40;
/** Enough text to tell any language apart, and no more (bodies can be long). */
const SAMPLE_CHARS = 3000;
/**
 * Answers the detector gives for more than one language: eld's Malay model also claims
 * Indonesian (a Bandung site's posts come out `ms`), so `ms` is never written from detection.
 */
const AMBIGUOUS = new Set(['ms']);

/** The detector, loaded on first use: its n-gram table takes about a second to load. */
let detector: Promise<(typeof import('eld/extrasmall'))['eld']> | undefined;

/** The detector's answer, and whether it holds it reliable (enough n-grams, a clear lead). */
async function detect(sample: string): Promise<{ language?: string; isReliable: boolean }> {
  detector ??= import('eld/extrasmall').then((module) => module.eld);
  const result = (await detector).detect(sample);
  const language = result.language === '' ? undefined : canonicalLanguage(result.language);
  return { ...(language === undefined ? {} : { language }), isReliable: result.isReliable() };
}

type Script = 'arabic' | 'hebrew' | 'other';

/** The script most of the text's letters are in; `other` for any but Arabic and Hebrew. */
export function mainScript(text: string): { script: Script; letters: number } {
  let arabic = 0;
  let hebrew = 0;
  let letters = 0;
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    letters++;
    if (/\p{Script=Arabic}/u.test(char)) arabic++;
    else if (/\p{Script=Hebrew}/u.test(char)) hebrew++;
  }
  const script: Script =
    arabic * 2 > letters ? 'arabic' : hebrew * 2 > letters ? 'hebrew' : 'other';
  return { script, letters };
}

const primary = (tag: string | undefined) => tag?.split('-')[0]?.toLowerCase();

/**
 * The language to write: the stated one unless the text's script contradicts it (a Persian
 * blog whose feed says `en-us`), else the detected one, else none.
 */
export async function settleLanguage(
  stated: string | undefined,
  text: string,
): Promise<string | undefined> {
  const sample = text.replace(/\s+/g, ' ').trim().slice(0, SAMPLE_CHARS);
  const { script, letters } = mainScript(sample);
  const ofScript =
    script === 'arabic' ? ARABIC_SCRIPT : script === 'hebrew' ? HEBREW_SCRIPT : undefined;
  if (
    ofScript === undefined
      ? stated !== undefined || letters < MIN_LETTERS
      : ofScript.has(primary(stated) ?? '')
  )
    return stated;
  const { language: detected, isReliable } = await detect(sample);
  if (ofScript !== undefined) {
    if (ofScript.has(primary(detected) ?? '')) return detected;
    return script === 'arabic' ? 'ar' : 'he';
  }
  return isReliable && !AMBIGUOUS.has(primary(detected) ?? '') ? detected : undefined;
}
