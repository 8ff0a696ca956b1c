/**
 * What an editor may write between the `---` lines of an article. Messages name the rule
 * in the editor's terms ("missing title", "bad date"), because they are read in a build log.
 */
import * as v from 'valibot';
import { isWebUrl, SLUG_PATTERN } from '../../src/contract/article.ts';
import { paths } from '../../src/lib/paths.ts';
import { slugify } from './article-record.ts';
import { canonicalLanguage } from './language.ts';
import {
  addressProblem,
  LIMITS,
  lineRule,
  nameRule,
  quote,
  slugProblem,
  textRule,
} from './text-rules.ts';

const required = (what: string) => `missing ${what}`;

/** A rule of text-rules.ts as a step of a schema: its message, if it has one, is the issue's. */
const rule = (problem: (value: string) => string | undefined) =>
  v.rawCheck<string>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const message = problem(dataset.value);
    if (message !== undefined) addIssue({ message });
  });

/** At most `max` entries: checked before the entries are, so a list of a million costs nothing. */
const atMost = (field: string, max: number) =>
  v.rawCheck<unknown[]>(({ dataset, addIssue }) => {
    if (!dataset.typed || dataset.value.length <= max) return;
    addIssue({
      message: `${field} has ${dataset.value.length.toLocaleString('en')} entries; at most ${max}`,
    });
  });

/** Date.parse rolls 2023-02-30 over into March; a dateline must name a day that exists. */
function isCalendarDate(value: string): boolean {
  const [year = 0, month = 0, day = 0] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const date = (field: string) =>
  v.pipe(
    v.string(`${required(field)} (ISO 8601 with offset, e.g. 2023-08-09T19:03:00+01:00)`),
    v.isoTimestamp(`bad date: expected ISO 8601 with offset, e.g. 2023-08-09T19:03:00+01:00`),
    v.check(isCalendarDate, 'bad date: no such day or time'),
  );

const slugShape = v.pipe(
  v.string(required('slug')),
  v.regex(SLUG_PATTERN, 'bad slug: use lowercase letters, digits and single hyphens'),
);

/** The article's own slug: its address, so not one the site's pages take. */
const slug = v.pipe(slugShape, rule(slugProblem));

const LANGUAGE_EXAMPLE = 'use a BCP 47 tag such as ar, tr or en-GB';

/** Written in its canonical form, whatever the case the editor typed ("AR" -> "ar"). */
const language = v.pipe(
  v.string(`bad language tag: ${LANGUAGE_EXAMPLE}`),
  v.check(
    (value) => canonicalLanguage(value) !== undefined,
    (issue) => `bad language tag ${quote(issue.input)}: ${LANGUAGE_EXAMPLE}`,
  ),
  v.transform((value) => canonicalLanguage(value) ?? value),
);

/**
 * A tag, an author or a section: one line, not too long, with an address (`/tags/uk/`) that
 * has a letter or a digit, fits a file name and looks like no other.
 */
const nameOf = (what: string, text: v.GenericSchema<unknown, string>) =>
  v.pipe(
    text,
    v.trim(),
    v.minLength(1, `empty ${what}`),
    rule(nameRule(what, LIMITS.nameChars)),
    v.check(
      (name: string) => slugify(name) !== '',
      (issue) => `${what} ${quote(issue.input)} has no letter or digit to make its address from`,
    ),
    rule((name) => addressProblem(`the address of ${what} ${quote(name)}`, slugify(name))),
  );

const names = (field: string, max: number) =>
  v.optional(
    v.pipe(
      v.array(v.unknown(), `${field} must be a list, e.g. [One, Two]`),
      atMost(field, max),
      v.array(nameOf(`${field} entry`, v.string(`each ${field} entry must be text`))),
    ),
    [],
  );

/**
 * A section path's URL (`/category/africa/page/2/`) that the pages of the section above take:
 * a section "Page" with another below it could never be shown. The message names both.
 */
function pagingCollision(path: string[]): string | undefined {
  const slugs = path.map(slugify);
  const at = slugs.findIndex((slug, index) => slug === 'page' && index < slugs.length - 1);
  if (at === -1) return undefined;
  const url = paths.archive('section', slugs.join('/'));
  // Page N of a section front is `page/N/` under its address (paths.archive).
  const pages = `${at === 0 ? '/category/' : paths.archive('section', slugs.slice(0, at).join('/'))}page/N/`;
  const owner =
    at === 0 ? 'the pages of every section' : `the pages of section ${quote(path[at - 1] ?? '')}`;
  return `section path ${quote(path.join(' / '))} has the address ${url}, which collides with ${owner} (${pages}): rename section ${quote(path[at] ?? '')}`;
}

/**
 * A URL a reader may be sent to or the build may fetch: http(s) only (never `javascript:` or
 * `data:`), and short enough for a sitemap.
 */
const webUrl = (field: string) =>
  v.pipe(
    v.string(`${field} must be a URL`),
    v.trim(),
    rule((url) =>
      url.length > LIMITS.urlChars
        ? `${field} is ${url.length.toLocaleString('en')} characters long; at most ${LIMITS.urlChars.toLocaleString('en')}`
        : undefined,
    ),
    v.check(isWebUrl, (issue) => `${field} ${quote(issue.input)} is not an http(s) URL`),
  );

const sectionName = nameOf('section name', v.string('each section must be a name'));

const sectionString = nameOf(
  'section name',
  v.pipe(
    v.string('section must be a name, or a list from the top section down, e.g. [Africa, Sudan]'),
    v.trim(),
    v.minLength(1, required('section')),
  ),
);

/** Sections nest ([Africa, Sudan]); the depth is checked before the names are. */
const sectionPath = v.pipe(
  v.array(v.unknown()),
  v.minLength(1, required('section')),
  v.maxLength(
    LIMITS.sectionDepth,
    (issue) =>
      `section path is ${issue.input.length.toLocaleString('en')} levels deep; at most ${LIMITS.sectionDepth}`,
  ),
  v.array(sectionName),
  v.rawCheck(({ dataset, addIssue }) => {
    const message = dataset.typed ? pagingCollision(dataset.value) : undefined;
    if (message !== undefined) addIssue({ message });
  }),
);

const dimension = (field: string) =>
  v.pipe(
    v.number(`image without size: missing ${field} (pixels)`),
    v.integer(`image ${field} must be a whole number of pixels`),
    v.minValue(1, `image ${field} must be at least 1`),
  );

export const FrontMatterSchema = v.object(
  {
    slug,
    /** The language the article is written in, when it is not the site's. */
    lang: v.optional(language),
    title: v.pipe(
      v.string(required('title')),
      v.trim(),
      v.minLength(1, required('title')),
      rule(lineRule('title', LIMITS.titleChars)),
    ),
    published: date('published date'),
    modified: v.optional(date('modified date')),
    /** A section, or its path from the top ([Africa, Sudan]) when sections nest. */
    section: v.lazy((input) => (Array.isArray(input) ? sectionPath : sectionString)),
    tags: names('tags', LIMITS.tags),
    authors: names('authors', LIMITS.authors),
    standfirst: v.optional(
      v.pipe(
        v.string('standfirst must be text'),
        v.trim(),
        rule(textRule('standfirst', LIMITS.standfirstChars)),
      ),
      '',
    ),
    image: v.optional(
      v.object(
        {
          src: v.pipe(
            v.string('image without src'),
            v.minLength(1, 'image without src'),
            v.maxLength(
              LIMITS.urlChars,
              `image src is longer than ${LIMITS.urlChars.toLocaleString('en')} characters`,
            ),
          ),
          alt: v.pipe(
            v.string('image without alt: describe what the image shows'),
            v.trim(),
            v.minLength(1, 'image without alt: describe what the image shows'),
            rule(textRule('image alt', LIMITS.altChars)),
          ),
          width: dimension('width'),
          height: dimension('height'),
          caption: v.optional(
            v.pipe(v.string('caption must be text'), rule(textRule('caption', LIMITS.captionChars))),
          ),
          credit: v.optional(
            v.pipe(v.string('credit must be text'), rule(textRule('credit', LIMITS.creditChars))),
          ),
        },
        'image must be a mapping with src, alt, width and height',
      ),
    ),
    related: v.optional(
      v.pipe(
        v.array(v.unknown(), 'related must be a list of article slugs'),
        atMost('related', LIMITS.related),
        v.array(slugShape),
      ),
      [],
    ),
    sample: v.optional(v.boolean('sample must be true or false'), false),
    /** Where the article was first published, for articles imported from another site. */
    source: v.optional(webUrl('source')),
    /** What a link post is about (JSON Feed's `external_url`): the page links to it. */
    external_url: v.optional(webUrl('external_url')),
    /** The name of the site an imported article comes from: its byline when no author is named. */
    source_name: v.optional(
      v.pipe(
        v.string('source_name must be text'),
        v.trim(),
        v.minLength(1, 'empty source_name: name the site, or leave the line out'),
        rule(lineRule('source_name', LIMITS.sourceNameChars)),
      ),
    ),
    /**
     * Sizes of the remote images the body shows, as earlier imports wrote them. Read and
     * ignored: the build measures every photo it downloads (remote-images.ts).
     */
    media: v.optional(
      v.array(
        v.object(
          {
            src: v.pipe(v.string('media entry without src'), webUrl('media src')),
            width: dimension('width'),
            height: dimension('height'),
          },
          'media entries need src, width and height',
        ),
        'media must be a list of {src, width, height}',
      ),
      [],
    ),
  },
  'front matter must be a mapping of fields',
);

/**
 * A missing field is reported by valibot against the mapping that lacks it; these say
 * what is missing in the editor's terms.
 */
const MISSING: Record<string, string> = {
  slug: 'missing slug',
  title: 'missing title',
  published: 'missing published date (ISO 8601 with offset, e.g. 2023-08-09T19:03:00+01:00)',
  section: 'missing section',
  'image.src': 'image without src',
  'image.alt': 'image without alt: describe what the image shows',
  'image.width': 'image without size: missing width (pixels)',
  'image.height': 'image without size: missing height (pixels)',
};

export function missingFieldMessage(field: string): string {
  return MISSING[field] ?? `missing ${field}`;
}

export type FrontMatterData = v.InferOutput<typeof FrontMatterSchema>;
