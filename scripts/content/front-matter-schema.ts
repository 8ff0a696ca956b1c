/**
 * What an editor may write between the `---` lines of an article. Messages name the rule
 * in the editor's terms ("missing title", "bad date"), because they are read in a build log.
 */
import * as v from 'valibot';
import { isWebUrl, SLUG_PATTERN } from '../../src/contract/article.ts';
import { slugify } from './article-record.ts';
import { canonicalLanguage } from './language.ts';

const required = (what: string) => `missing ${what}`;

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

const slug = v.pipe(
  v.string(required('slug')),
  v.regex(SLUG_PATTERN, 'bad slug: use lowercase letters, digits and single hyphens'),
);

const LANGUAGE_EXAMPLE = 'use a BCP 47 tag such as ar, tr or en-GB';

/** Written in its canonical form, whatever the case the editor typed ("AR" -> "ar"). */
const language = v.pipe(
  v.string(`bad language tag: ${LANGUAGE_EXAMPLE}`),
  v.check(
    (value) => canonicalLanguage(value) !== undefined,
    (issue) => `bad language tag ${JSON.stringify(issue.input)}: ${LANGUAGE_EXAMPLE}`,
  ),
  v.transform((value) => canonicalLanguage(value) ?? value),
);

/** A name the reader makes an address from (`/tags/uk/`) needs a letter or a digit. */
const addressable = (what: string) =>
  v.check(
    (name: string) => slugify(name) !== '',
    (issue) => `${what} ${JSON.stringify(issue.input)} has no letter or digit to make its address from`,
  );

const names = (field: string) =>
  v.optional(
    v.array(
      v.pipe(
        v.string(`each ${field} entry must be text`),
        v.trim(),
        v.minLength(1, `empty ${field} entry`),
        addressable(`${field} entry`),
      ),
      `${field} must be a list, e.g. [One, Two]`,
    ),
    [],
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
    title: v.pipe(v.string(required('title')), v.trim(), v.minLength(1, required('title'))),
    published: date('published date'),
    modified: v.optional(date('modified date')),
    /** A section, or its path from the top ([Africa, Sudan]) when sections nest. */
    section: v.union(
      [
        v.pipe(
          v.string(),
          v.trim(),
          v.minLength(1, required('section')),
          addressable('section name'),
        ),
        v.pipe(
          v.array(
            v.pipe(
              v.string(),
              v.trim(),
              v.minLength(1, 'empty section name'),
              addressable('section name'),
            ),
          ),
          v.minLength(1, required('section')),
        ),
      ],
      'section must be a name, or a list from the top section down, e.g. [Africa, Sudan]',
    ),
    tags: names('tags'),
    authors: names('authors'),
    standfirst: v.optional(v.pipe(v.string('standfirst must be text'), v.trim()), ''),
    image: v.optional(
      v.object(
        {
          src: v.pipe(v.string('image without src'), v.minLength(1, 'image without src')),
          alt: v.pipe(
            v.string('image without alt: describe what the image shows'),
            v.trim(),
            v.minLength(1, 'image without alt: describe what the image shows'),
          ),
          width: dimension('width'),
          height: dimension('height'),
          caption: v.optional(v.string('caption must be text')),
          credit: v.optional(v.string('credit must be text')),
        },
        'image must be a mapping with src, alt, width and height',
      ),
    ),
    related: v.optional(v.array(slug, 'related must be a list of article slugs'), []),
    sample: v.optional(v.boolean('sample must be true or false'), false),
    /** Where the article was first published, for articles imported from another site. */
    source: v.optional(v.pipe(v.string('source must be a URL'), v.url('source must be a URL'))),
    /** What a link post is about (JSON Feed's `external_url`): the page links to it. */
    external_url: v.optional(
      v.pipe(
        v.string('external_url must be a URL'),
        v.trim(),
        v.check(
          isWebUrl,
          (issue) => `external_url ${JSON.stringify(issue.input)} is not an http(s) URL`,
        ),
      ),
    ),
    /** The name of the site an imported article comes from: its byline when no author is named. */
    source_name: v.optional(
      v.pipe(
        v.string('source_name must be text'),
        v.trim(),
        v.minLength(1, 'empty source_name: name the site, or leave the line out'),
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
            src: v.pipe(v.string('media entry without src'), v.url('media src must be a URL')),
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
