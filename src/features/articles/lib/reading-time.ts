import type { Article } from '../../../contract/article.ts';
import { articleText } from '../../../lib/article-text.ts';

/**
 * Words a minute an adult reads silently, by language (Trauzettel-Klosinski et al., 2012,
 * "Standardized assessment of reading performance", 17 languages): English 228, Turkish 166,
 * Arabic 138. Other languages count as English.
 */
const WORDS_PER_MINUTE: Record<string, number> = { en: 228, tr: 166, ar: 138 };

/** Minutes to read the article's standfirst, caption and body; at least one. */
export function readingMinutes(article: Article): number {
  const words = articleText(article).split(/\s+/).filter(Boolean).length;
  const language = (article.lang ?? 'en').split('-')[0] ?? 'en';
  return Math.max(1, Math.round(words / (WORDS_PER_MINUTE[language] ?? 228)));
}
