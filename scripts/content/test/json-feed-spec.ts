/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as a valibot schema: the spec's required
 * fields, its types, and the rules it writes in prose (an item needs content_html or
 * content_text; an author needs a name, url or avatar; ids are unique; URLs are absolute;
 * dates are RFC 3339). Keys the spec does not define must be extensions, starting with "_".
 */
import * as v from 'valibot';
import { isAbsoluteUrl } from './xml-checks.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** RFC 3339 section 5.6 `date-time`; the calendar check below rejects February 30th. */
const RFC_3339 =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

export function isRfc3339(text: string): boolean {
  const match = RFC_3339.exec(text);
  if (match === null) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return date.getUTCDate() === day;
}

const url = v.pipe(v.string(), v.check(isAbsoluteUrl, 'must be an absolute http(s) URL'));
const date = v.pipe(v.string(), v.check(isRfc3339, 'must be an RFC 3339 date-time'));
/** RFC 5646 language tag, in the shape the spec's examples use ("en-US"). */
const language = v.pipe(
  v.string(),
  v.regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z\d]{1,8})*$/, 'must be an RFC 5646 language tag'),
);

/** A loose object whose keys outside `entries` must be "_" extensions. */
function specObject<const TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.pipe(
    v.looseObject(entries),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      for (const key of Object.keys(dataset.value)) {
        if (!(key in entries) && !key.startsWith('_')) {
          addIssue({ message: `"${key}" is not a JSON Feed 1.1 field (extensions start with "_")` });
        }
      }
    }),
  );
}

const AuthorSchema = v.pipe(
  specObject({ name: v.optional(v.string()), url: v.optional(url), avatar: v.optional(url) }),
  v.check(
    (author) => author.name !== undefined || author.url !== undefined || author.avatar !== undefined,
    'an author needs at least one of name, url and avatar',
  ),
);

const AttachmentSchema = specObject({
  url,
  mime_type: v.string(),
  title: v.optional(v.string()),
  size_in_bytes: v.optional(v.pipe(v.number(), v.minValue(0))),
  duration_in_seconds: v.optional(v.pipe(v.number(), v.minValue(0))),
});

export const JsonFeedItemSchema = v.pipe(
  specObject({
    id: v.pipe(v.string(), v.minLength(1, 'an item id must not be empty')),
    url: v.optional(url),
    external_url: v.optional(url),
    title: v.optional(v.string()),
    content_html: v.optional(v.string()),
    content_text: v.optional(v.string()),
    summary: v.optional(v.string()),
    image: v.optional(url),
    banner_image: v.optional(url),
    date_published: v.optional(date),
    date_modified: v.optional(date),
    authors: v.optional(v.array(AuthorSchema)),
    /** Deprecated in 1.1, still allowed for 1.0 readers. */
    author: v.optional(AuthorSchema),
    tags: v.optional(v.array(v.string())),
    language: v.optional(language),
    attachments: v.optional(v.array(AttachmentSchema)),
  }),
  v.check(
    (item) => item.content_html !== undefined || item.content_text !== undefined,
    'an item needs content_html or content_text',
  ),
);

export const JsonFeedSchema = v.pipe(
  specObject({
    version: v.literal(JSON_FEED_VERSION, `version must be "${JSON_FEED_VERSION}"`),
    title: v.string(),
    home_page_url: v.optional(url),
    feed_url: v.optional(url),
    description: v.optional(v.string()),
    user_comment: v.optional(v.string()),
    next_url: v.optional(url),
    icon: v.optional(url),
    favicon: v.optional(url),
    authors: v.optional(v.array(AuthorSchema)),
    author: v.optional(AuthorSchema),
    language: v.optional(language),
    expired: v.optional(v.boolean()),
    hubs: v.optional(v.array(specObject({ type: v.string(), url }))),
    items: v.array(JsonFeedItemSchema),
  }),
  v.check(
    (feed) => new Set(feed.items.map((item) => item.id)).size === feed.items.length,
    'item ids must be unique within the feed',
  ),
);

/** Problems as "path: message"; empty when the text is a valid JSON Feed 1.1. */
export function jsonFeedProblems(text: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return [`not JSON: ${String(error)}`];
  }
  const result = v.safeParse(JsonFeedSchema, json);
  if (result.success) return [];
  return result.issues.map((issue) => {
    const path = v.getDotPath(issue);
    return path === null ? issue.message : `${path}: ${issue.message}`;
  });
}
