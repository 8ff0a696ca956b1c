/**
 * An imported article made to fit the content's own rules (decision 014) before it is
 * written: a feed's over-long headline is cut, a tag or byline the site could not give an
 * address to is left out, each with a warning. Without this, one hostile item (an author's
 * name of a thousand letters, a look-alike tag) would write a file that stops the next build
 * of the whole site.
 */
import { slugify } from '../content/article-record.ts';
import { addressProblem, LIMITS, lineRule, nameRule, textRule } from '../content/text-rules.ts';
import type { ImportedArticle } from './imported-article.ts';

/** Characters with no ink that a name may not hold (text-rules.ts): taken out, not refused. */
const INVISIBLE = /\u034f|[\u00ad\u061c\u115f\u1160\u180e\u200b\u2060-\u2064\u3164\uffa0]/gu;

/** `text` cut to `max` characters (as an editor counts them), ending in an ellipsis. */
export function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * The names (tags, authors, sections) that can be given to the site: cleaned of invisible
 * letters, and without those still too long, empty or with a look-alike address; at most `max`.
 */
function fitNames(
  field: string,
  list: string[],
  max: number,
  warn: (message: string) => void,
): string[] {
  const rule = nameRule(field, LIMITS.nameChars);
  const kept: string[] = [];
  for (const name of list) {
    const clean = name.replace(INVISIBLE, '').trim();
    const slug = slugify(clean);
    const problem =
      rule(clean) ??
      (slug === '' ? `${field} has no letter or digit to make its address from` : undefined) ??
      addressProblem(`the address of ${field}`, slug);
    if (problem === undefined) kept.push(clean);
    else warn(`${field} ${JSON.stringify(cut(name, 40))} left out: ${problem}`);
  }
  if (kept.length > max) warn(`${kept.length} ${field}s; the first ${max} kept`);
  return kept.slice(0, max);
}

function fitText(
  field: string,
  text: string,
  max: number,
  rule: (value: string) => string | undefined,
  warn: (message: string) => void,
): string {
  const fitted = cut(text, max);
  if (fitted !== text) warn(`${field} cut to ${max} characters`);
  return rule(fitted) === undefined ? fitted : '';
}

type Photo = { src: string; alt: string; caption?: string; credit?: string };

function fitImage<TPhoto extends Photo>(
  image: TPhoto,
  warn: (message: string) => void,
): TPhoto | undefined {
  if (image.src.length > LIMITS.urlChars) {
    warn(`hero photo left out: its URL is longer than ${LIMITS.urlChars} characters`);
    return undefined;
  }
  const text = (field: string, value: string | undefined, max: number) =>
    value === undefined ? undefined : fitText(field, value, max, textRule(field, max), warn);
  const { caption, credit, ...photo } = image;
  const fittedCaption = text('caption', caption, LIMITS.captionChars);
  const fittedCredit = text('credit', credit, LIMITS.creditChars);
  return {
    ...photo,
    alt: text('image alt', image.alt, LIMITS.altChars) ?? '',
    ...(fittedCaption ? { caption: fittedCaption } : {}),
    ...(fittedCredit ? { credit: fittedCredit } : {}),
  } as TPhoto;
}

/** The article as the content rules take it, or why it cannot be written at all. */
export function fitContentRules(
  article: ImportedArticle,
  /** The section for an article none of whose sections can be kept. */
  fallbackSection: string,
  warn: (message: string) => void,
): ImportedArticle | { skip: string } {
  if (article.source !== undefined && article.source.length > LIMITS.urlChars)
    return { skip: `its URL is longer than ${LIMITS.urlChars} characters; skipped` };
  const title = fitText(
    'title',
    article.title,
    LIMITS.titleChars,
    lineRule('title', LIMITS.titleChars),
    warn,
  );
  if (title === '') return { skip: 'its title cannot be shown; skipped' };
  const section = fitNames('section', article.section, LIMITS.sectionDepth, warn);
  const image = article.image && fitImage(article.image, warn);
  const { image: _hero, sourceName, ...rest } = article; // eslint-disable-line @typescript-eslint/no-unused-vars -- the hero is replaced by its fitted copy
  const fittedSourceName =
    sourceName === undefined
      ? undefined
      : fitText(
          'source name',
          sourceName,
          LIMITS.sourceNameChars,
          lineRule('source_name', LIMITS.sourceNameChars),
          warn,
        );
  return {
    ...rest,
    title,
    section: section.length > 0 ? section : [fallbackSection],
    tags: fitNames('tag', article.tags, LIMITS.tags, warn),
    authors: fitNames('author', article.authors, LIMITS.authors, warn),
    standfirst: fitText(
      'standfirst',
      article.standfirst,
      LIMITS.standfirstChars,
      textRule('standfirst', LIMITS.standfirstChars),
      warn,
    ),
    ...(image === undefined ? {} : { image }),
    ...(fittedSourceName ? { sourceName: fittedSourceName } : {}),
  };
}
