/**
 * The rules of RSS 2.0 (https://www.rssboard.org/rss-specification) that a feed can be
 * checked against without a network, plus the extensions our feeds use (Atom's self link,
 * Dublin Core, Media RSS). Returns problems as sentences; empty when the feed is valid.
 */
import {
  attribute,
  childNames,
  children,
  isAbsoluteUrl,
  parseXml,
  textOf,
  wellFormedProblems,
  type XmlElement,
} from './xml-checks.ts';

/** What each prefix we use must be bound to. */
export const RSS_EXTENSION_NAMESPACES: Record<string, string> = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  content: 'http://purl.org/rss/1.0/modules/content/',
};

const CHANNEL_ELEMENTS = new Set([
  'title',
  'link',
  'description',
  'language',
  'copyright',
  'managingEditor',
  'webMaster',
  'pubDate',
  'lastBuildDate',
  'category',
  'generator',
  'docs',
  'cloud',
  'ttl',
  'image',
  'rating',
  'textInput',
  'skipHours',
  'skipDays',
  'item',
]);
const ITEM_ELEMENTS = new Set([
  'title',
  'link',
  'description',
  'author',
  'category',
  'comments',
  'enclosure',
  'guid',
  'pubDate',
  'source',
]);
const SINGLE_CHANNEL_ELEMENTS = [...CHANNEL_ELEMENTS].filter((n) => n !== 'category' && n !== 'item');
const SINGLE_ITEM_ELEMENTS = [...ITEM_ELEMENTS].filter((name) => name !== 'category');
const MEDIUMS = new Set(['image', 'audio', 'video', 'document', 'executable']);

export function rssProblems(xml: string): string[] {
  const wellFormed = wellFormedProblems(xml);
  if (wellFormed.length > 0) return wellFormed;
  const problems: string[] = [];
  const document = parseXml(xml);
  const roots = childNames(document).filter((name) => name !== '?xml');
  const [rss] = children(document, 'rss');
  if (roots.length !== 1 || rss === undefined) return ['the root element must be <rss>'];
  if (attribute(rss, 'version') !== '2.0') problems.push('<rss> must have version="2.0"');
  problems.push(...namespaceProblems(rss, new Map()));

  const channels = children(rss, 'channel');
  const [channel] = channels;
  if (channels.length !== 1 || channel === undefined) return [...problems, 'need one <channel>'];

  problems.push(...elementProblems('channel', channel, CHANNEL_ELEMENTS, SINGLE_CHANNEL_ELEMENTS));
  for (const name of ['title', 'link', 'description']) {
    if (children(channel, name).length === 0) problems.push(`channel: <${name}> is required`);
  }
  const [link] = children(channel, 'link');
  if (link && !isAbsoluteUrl(textOf(link))) {
    problems.push(`channel: <link> "${textOf(link)}" is not an absolute URL`);
  }
  for (const language of children(channel, 'language')) {
    if (!/^[a-zA-Z]{2,3}(?:-[a-zA-Z\d]{1,8})*$/.test(textOf(language))) {
      problems.push(`channel: <language> "${textOf(language)}" is not a language code`);
    }
  }
  problems.push(...dateProblems('channel', channel, ['pubDate', 'lastBuildDate']));
  const selfLinks = children(channel, 'atom:link').filter((l) => attribute(l, 'rel') === 'self');
  if (selfLinks.length !== 1) problems.push('channel: needs one <atom:link rel="self">');
  for (const self of selfLinks) {
    if (!isAbsoluteUrl(attribute(self, 'href') ?? '')) {
      problems.push('channel: <atom:link rel="self"> needs an absolute href');
    }
    if (attribute(self, 'type') !== 'application/rss+xml') {
      problems.push('channel: <atom:link rel="self"> should have type="application/rss+xml"');
    }
  }

  children(channel, 'item').forEach((item, i) => {
    problems.push(...itemProblems(`item ${i + 1}`, item));
  });
  return problems;
}

function itemProblems(where: string, item: XmlElement): string[] {
  const problems = elementProblems(where, item, ITEM_ELEMENTS, SINGLE_ITEM_ELEMENTS);
  if (children(item, 'title').length === 0 && children(item, 'description').length === 0) {
    problems.push(`${where}: needs a <title> or a <description>`);
  }
  for (const link of children(item, 'link')) {
    if (!isAbsoluteUrl(textOf(link))) problems.push(`${where}: <link> is not an absolute URL`);
  }
  for (const guid of children(item, 'guid')) {
    const isPermaLink = attribute(guid, 'isPermaLink') ?? 'true';
    if (isPermaLink !== 'true' && isPermaLink !== 'false') {
      problems.push(`${where}: <guid isPermaLink> must be "true" or "false"`);
    }
    if (isPermaLink === 'true' && !isAbsoluteUrl(textOf(guid))) {
      problems.push(`${where}: a permalink <guid> must be an absolute URL, not "${textOf(guid)}"`);
    }
  }
  problems.push(...dateProblems(where, item, ['pubDate']));
  for (const author of children(item, 'author')) {
    if (!textOf(author).includes('@')) problems.push(`${where}: <author> must be an email address`);
  }
  for (const enclosure of children(item, 'enclosure')) {
    for (const name of ['url', 'length', 'type']) {
      if (attribute(enclosure, name) === undefined) {
        problems.push(`${where}: <enclosure> needs a ${name} attribute`);
      }
    }
  }
  for (const source of children(item, 'source')) {
    if (!isAbsoluteUrl(attribute(source, 'url') ?? '')) {
      problems.push(`${where}: <source> needs an absolute url attribute`);
    }
  }
  for (const media of children(item, 'media:content')) {
    if (!isAbsoluteUrl(attribute(media, 'url') ?? '')) {
      problems.push(`${where}: <media:content> needs an absolute url`);
    }
    const medium = attribute(media, 'medium');
    if (medium !== undefined && !MEDIUMS.has(medium)) {
      problems.push(`${where}: <media:content medium="${medium}"> is not a Media RSS medium`);
    }
    for (const name of ['width', 'height']) {
      const value = attribute(media, name);
      if (value !== undefined && !/^[1-9]\d*$/.test(value)) {
        problems.push(`${where}: <media:content ${name}="${value}"> must be a whole number`);
      }
    }
  }
  return problems;
}

/** Unprefixed children must be RSS 2.0's own; extensions go in a namespace. */
function elementProblems(
  where: string,
  element: XmlElement,
  allowed: ReadonlySet<string>,
  single: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const name of childNames(element)) {
    if (!name.includes(':') && !allowed.has(name)) {
      problems.push(`${where}: <${name}> is not an RSS 2.0 element (extensions need a namespace)`);
    }
  }
  for (const name of single) {
    if (children(element, name).length > 1) problems.push(`${where}: more than one <${name}>`);
  }
  return problems;
}

function dateProblems(where: string, element: XmlElement, names: readonly string[]): string[] {
  return names.flatMap((name) =>
    children(element, name)
      .filter((date) => !isRfc822(textOf(date)))
      .map((date) => `${where}: <${name}> "${textOf(date)}" is not an RFC 822 date`),
  );
}

/** Every prefix in an element or attribute name is declared on that element or above it. */
function namespaceProblems(element: XmlElement, inScope: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const scope = new Map(inScope);
  for (const key of Object.keys(element)) {
    const match = /^@xmlns:(.+)$/.exec(key);
    const uri = element[key];
    if (match?.[1] !== undefined && typeof uri === 'string') {
      scope.set(match[1], uri);
      const expected = RSS_EXTENSION_NAMESPACES[match[1]];
      if (expected !== undefined && expected !== uri) {
        problems.push(`xmlns:${match[1]} must be "${expected}", not "${uri}"`);
      }
    }
  }
  for (const key of Object.keys(element)) {
    const prefix = /^@?([^:@#]+):/.exec(key)?.[1];
    if (prefix !== undefined && prefix !== 'xmlns' && prefix !== 'xml' && !scope.has(prefix)) {
      problems.push(`prefix "${prefix}" in <${key}> is used without an xmlns:${prefix} declaration`);
    }
    const value = element[key];
    if (Array.isArray(value)) {
      for (const child of value) problems.push(...namespaceProblems(child, scope));
    }
  }
  return [...new Set(problems)];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const RFC_822 =
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}|\d{2}) ([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))? (UT|GMT|[ECMP][SD]T|[A-IK-Z]|[+-](?:[01]\d|2[0-3])[0-5]\d)$/;

/**
 * RFC 822 section 5 date-time, with the four-digit year RSS 2.0 recommends allowed; the
 * day must exist in its month and a weekday, when given, must be that date's.
 */
export function isRfc822(text: string): boolean {
  const match = RFC_822.exec(text);
  if (match === null) return false;
  const [, weekday, day = '', month = '', year = ''] = match;
  const fullYear = year.length === 2 ? 1900 + Number(year) : Number(year);
  const date = new Date(Date.UTC(fullYear, MONTHS.indexOf(month), Number(day)));
  if (date.getUTCDate() !== Number(day)) return false;
  return weekday === undefined || DAYS[date.getUTCDay()] === weekday;
}
