/**
 * An article's language, as an editor or a feed writes it: a BCP 47 tag, brought to its
 * canonical form ("AR" -> "ar", "en-us" -> "en-US", "iw" -> "he") so that one language is
 * always written one way, and a card and its page say the same.
 */
import { LANGUAGE_TAG } from '../../src/contract/article.ts';

/**
 * The canonical tag, or undefined when `value` is not a well-formed one. Extensions and
 * private use (`de-u-co-phonebk`, `en-x-memo`) are well-formed but not what the contract
 * takes, so they count as not a tag.
 */
export function canonicalLanguage(value: string): string | undefined {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(value.trim());
  } catch {
    return undefined;
  }
  return canonical !== undefined && LANGUAGE_TAG.test(canonical) ? canonical : undefined;
}
