import { afterEach, describe, expect, it, vi } from 'vitest';
import { site } from '../../src/config/site.ts';
import { buildFeeds, type FeedArticle, type FeedSite } from './feeds.ts';
import { jsonFeedProblems } from './test/json-feed-spec.ts';
import { isRfc822, rssProblems } from './test/rss-spec.ts';
import { children, parseXml, textOf, type XmlElement } from './test/xml-checks.ts';

const feedSite: FeedSite = {
  name: site.name,
  url: site.url,
  language: site.language,
  description: site.tagline,
};

const news = { name: 'News', slug: 'news' };
const africa = { name: 'Africa', slug: 'africa' };
const sudan = { name: 'Sudan', slug: 'sudan', parents: [africa] };

/** A minute apart, newest first when `minutesAgo` counts up. */
function at(minutesAgo: number): string {
  return new Date(Date.UTC(2023, 7, 9, 18) - minutesAgo * 60_000).toISOString();
}

function feedArticle(slug: string, published: string, fields: Partial<FeedArticle> = {}) {
  const article: FeedArticle = {
    slug,
    title: `Headline of ${slug}`,
    standfirst: `The standfirst of ${slug}.`,
    section: news,
    published,
    modified: published,
    authors: [],
    tags: [{ name: 'UK', slug: 'uk' }],
    ...fields,
  };
  return article;
}

type JsonFeedItem = {
  id: string;
  title: string;
  image?: string;
  authors: { name: string }[];
  language?: string;
};
type JsonFeed = { title: string; feed_url: string; items: JsonFeedItem[] };

function jsonFeed(files: Map<string, string>, path: string): JsonFeed {
  return JSON.parse(files.get(path) ?? 'null') as JsonFeed;
}

function rssItems(files: Map<string, string>, path: string): XmlElement[] {
  const [rss] = children(parseXml(files.get(path) ?? ''), 'rss');
  const [channel] = children(rss!, 'channel');
  return children(channel!, 'item');
}

function rssChannelText(files: Map<string, string>, path: string, name: string): string {
  const [rss] = children(parseXml(files.get(path) ?? ''), 'rss');
  const [channel] = children(rss!, 'channel');
  return children(channel!, name).map(textOf).join('|');
}

function itemText(item: XmlElement, name: string): string[] {
  return children(item, name).map(textOf);
}

function expectValid(files: Map<string, string>) {
  for (const [path, text] of files) {
    const problems = path.endsWith('.json') ? jsonFeedProblems(text) : rssProblems(text);
    expect({ path, problems }).toEqual({ path, problems: [] });
  }
}

const seedTitle = 'UK & Turkiye strike deal to ‘disrupt and dismantle’ “human smuggling” <gangs>';
const seed = feedArticle('uk-turkiye-strike-deal', at(0), {
  title: seedTitle,
  standfirst: 'Police cooperation\u0001 against smugglers ]]> of small boats.',
  section: { name: 'Europe & Russia', slug: 'europe-russia' },
  modified: '2023-08-09 19:03:00 +0100',
  tags: [
    { name: 'UK', slug: 'uk' },
    { name: 'Turkiye', slug: 'turkiye' },
  ],
  image: {
    src: '/images/uk-turkiye-smuggling-deal.svg',
    alt: 'A small boat at dusk',
    width: 1200,
    height: 675,
    caption: 'Robert Jenrick leaves 10 Downing Street',
    credit: 'Wiktor Szymanowicz/Future Publishing via Getty Images',
  },
});
const corpus: FeedArticle[] = [
  seed,
  feedArticle('sudan-ceasefire', at(10), { section: sudan, authors: [{ name: 'A Reporter', slug: 'a-reporter' }] }),
  feedArticle('africa-heatwave', at(20), {
    section: africa,
    image: { src: 'https://cdn.example.com/heat.jpg?w=1200&h="675"', alt: '', width: 1200, height: 675 },
  }),
  feedArticle('news-brief', at(30)),
];

afterEach(() => {
  vi.useRealTimers();
});

describe('buildFeeds', () => {
  it('writes a JSON Feed and an RSS feed for the site and for every section', () => {
    const files = buildFeeds(feedSite, corpus);
    expect([...files.keys()]).toEqual([
      'feed.json',
      'rss.xml',
      'section/europe-russia/feed.json',
      'section/europe-russia/rss.xml',
      'section/sudan/feed.json',
      'section/sudan/rss.xml',
      'section/africa/feed.json',
      'section/africa/rss.xml',
      'section/news/feed.json',
      'section/news/rss.xml',
    ]);
    expectValid(files);
    expect(jsonFeed(files, 'feed.json').items.map((item) => item.id)).toEqual([
      'https://www.middleeastmonitor.com/uk-turkiye-strike-deal/',
      'https://www.middleeastmonitor.com/sudan-ceasefire/',
      'https://www.middleeastmonitor.com/africa-heatwave/',
      'https://www.middleeastmonitor.com/news-brief/',
    ]);
  });

  it('escapes the seed article’s ampersand and angle brackets and keeps its curly quotes', () => {
    const files = buildFeeds(feedSite, corpus);
    const rss = files.get('rss.xml') ?? '';
    expect(rss).toContain(
      '<title>UK &amp; Turkiye strike deal to ‘disrupt and dismantle’ “human smuggling” &lt;gangs&gt;</title>',
    );
    expect(rss).toContain('<category>Europe &amp; Russia</category>');
    // A control character is dropped; "]]>" cannot end a CDATA section that is not there.
    expect(rss).toContain('<description>Police cooperation against smugglers ]]&gt; of small boats.');
    // Quotes and & inside an attribute value: the URL parser encodes " and the writer escapes &.
    expect(rss).toContain('url="https://cdn.example.com/heat.jpg?w=1200&amp;h=%22675%22"');

    const [first] = rssItems(files, 'rss.xml');
    expect(itemText(first!, 'title')).toEqual([seedTitle]);
    expect(jsonFeed(files, 'feed.json').items[0]?.title).toBe(seedTitle);
    expect(rssChannelText(files, 'section/europe-russia/rss.xml', 'title')).toBe(
      'Middle East Monitor | Europe & Russia',
    );
    expect(jsonFeed(files, 'section/europe-russia/feed.json').title).toBe(
      'Middle East Monitor | Europe & Russia',
    );
  });

  it('counts an article for its own section and for each section above it', () => {
    const files = buildFeeds(feedSite, corpus);
    expect(jsonFeed(files, 'section/africa/feed.json').items.map((item) => item.id)).toEqual([
      'https://www.middleeastmonitor.com/sudan-ceasefire/',
      'https://www.middleeastmonitor.com/africa-heatwave/',
    ]);
    expect(jsonFeed(files, 'section/sudan/feed.json').items).toHaveLength(1);
    expect(rssItems(files, 'section/africa/rss.xml').map((item) => itemText(item, 'link'))).toEqual([
      ['https://www.middleeastmonitor.com/sudan-ceasefire/'],
      ['https://www.middleeastmonitor.com/africa-heatwave/'],
    ]);
  });

  it('writes the same files for the same articles, whatever the clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = buildFeeds(feedSite, corpus);
    vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
    const second = buildFeeds(feedSite, structuredClone(corpus));
    expect([...second]).toEqual([...first]);
  });

  it('dates the channel by its newest change, and the items as RFC 822 and RFC 3339', () => {
    const files = buildFeeds(feedSite, corpus);
    // The seed was modified at 18:03 UTC, after every other article's last change.
    expect(rssChannelText(files, 'rss.xml', 'lastBuildDate')).toBe('Wed, 09 Aug 2023 18:03:00 GMT');
    expect(rssChannelText(files, 'section/africa/rss.xml', 'lastBuildDate')).toBe(
      'Wed, 09 Aug 2023 17:50:00 GMT',
    );
    const [first] = rssItems(files, 'rss.xml');
    expect(itemText(first!, 'pubDate')).toEqual(['Wed, 09 Aug 2023 18:00:00 GMT']);
    expect(isRfc822(itemText(first!, 'pubDate')[0] ?? '')).toBe(true);
    const json = JSON.parse(files.get('feed.json') ?? '') as {
      items: { date_published: string; date_modified: string }[];
    };
    expect(json.items[0]).toMatchObject({
      date_published: '2023-08-09T18:00:00.000Z',
      date_modified: '2023-08-09T19:03:00+01:00',
    });
  });

  it('gives items absolute image URLs, authors, categories and media details', () => {
    const files = buildFeeds(feedSite, corpus);
    const items = jsonFeed(files, 'feed.json').items;
    expect(items[0]).toMatchObject({
      image: 'https://www.middleeastmonitor.com/images/uk-turkiye-smuggling-deal.svg',
      authors: [{ name: 'Middle East Monitor', url: 'https://www.middleeastmonitor.com/' }],
      tags: ['Europe & Russia', 'UK', 'Turkiye'],
    });
    expect(items[1]?.authors).toEqual([{ name: 'A Reporter' }]);

    const [seedItem, sudanItem] = rssItems(files, 'rss.xml');
    expect(itemText(sudanItem!, 'dc:creator')).toEqual(['A Reporter']);
    expect(itemText(seedItem!, 'category')).toEqual(['Europe & Russia', 'UK', 'Turkiye']);
    const [media] = children(seedItem!, 'media:content');
    expect(media).toMatchObject({
      '@url': 'https://www.middleeastmonitor.com/images/uk-turkiye-smuggling-deal.svg',
      '@medium': 'image',
      '@width': '1200',
      '@height': '675',
    });
    expect(itemText(media!, 'media:description')).toEqual(['Robert Jenrick leaves 10 Downing Street']);
    expect(itemText(media!, 'media:credit')).toEqual([
      'Wiktor Szymanowicz/Future Publishing via Getty Images',
    ]);
  });

  it('gives an item in another language than the site’s its own language', () => {
    const arabic = feedArticle('news-in-arabic', at(40), { lang: 'ar', title: 'عنوان الخبر' });
    const files = buildFeeds(feedSite, [...corpus, arabic]);
    expectValid(files);
    expect(jsonFeed(files, 'feed.json').items.map((item) => item.language)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      'ar',
    ]);
    expect(rssItems(files, 'rss.xml').map((item) => itemText(item, 'dc:language'))).toEqual([
      [],
      [],
      [],
      [],
      ['ar'],
    ]);
  });

  it('stops each feed at the limit, keeping the newest', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      feedArticle(`story-${i}`, at(i), { section: i % 2 === 0 ? sudan : news }),
    );
    const files = buildFeeds(feedSite, many);
    expect(jsonFeed(files, 'feed.json').items).toHaveLength(50);
    expect(rssItems(files, 'rss.xml')).toHaveLength(50);
    expect(jsonFeed(files, 'section/sudan/feed.json').items).toHaveLength(30);

    const three = buildFeeds(feedSite, many, { limit: 3 });
    expect(jsonFeed(three, 'feed.json').items.map((item) => item.id)).toEqual([
      'https://www.middleeastmonitor.com/story-0/',
      'https://www.middleeastmonitor.com/story-1/',
      'https://www.middleeastmonitor.com/story-2/',
    ]);
    expect(rssItems(three, 'section/africa/rss.xml').map((item) => itemText(item, 'title'))).toEqual([
      ['Headline of story-0'],
      ['Headline of story-2'],
      ['Headline of story-4'],
    ]);
    expectValid(three);
  });

  it('writes under feedPath when given, with feed URLs to match', () => {
    const files = buildFeeds({ ...feedSite, feedPath: '/feeds/' }, corpus);
    expect([...files.keys()].slice(0, 3)).toEqual([
      'feeds/feed.json',
      'feeds/rss.xml',
      'feeds/section/europe-russia/feed.json',
    ]);
    expect(jsonFeed(files, 'feeds/section/europe-russia/feed.json').feed_url).toBe(
      'https://www.middleeastmonitor.com/feeds/section/europe-russia/feed.json',
    );
    expect(files.get('feeds/rss.xml')).toContain(
      '<atom:link href="https://www.middleeastmonitor.com/feeds/rss.xml" rel="self" type="application/rss+xml"/>',
    );
  });

  it('writes empty but valid site feeds when there are no articles', () => {
    const files = buildFeeds(feedSite, []);
    expect([...files.keys()]).toEqual(['feed.json', 'rss.xml']);
    expectValid(files);
  });

  it('refuses articles that are not newest first, and a limit below 1', () => {
    expect(() => buildFeeds(feedSite, [...corpus].reverse())).toThrow(
      'feeds need articles newest first: "africa-heatwave" was published after "news-brief"',
    );
    expect(() => buildFeeds(feedSite, corpus, { limit: 0 })).toThrow(
      'feed limit must be a whole number above 0, not 0',
    );
  });

  it('handles 100,000 articles in one pass', () => {
    const sections = Array.from({ length: 20 }, (_, k) => ({
      name: `Section ${k}`,
      slug: `section-${k}`,
      parents: [{ name: `Region ${k % 4}`, slug: `region-${k % 4}` }],
    }));
    const articles = Array.from({ length: 100_000 }, (_, i) =>
      feedArticle(`story-${i}`, at(i), { section: sections[i % 20] }),
    );
    const files = buildFeeds(feedSite, articles);
    expect(files.size).toBe(2 * (1 + 20 + 4));
    expect(jsonFeed(files, 'section/region-3/feed.json').items.map((item) => item.id).at(-1)).toBe(
      'https://www.middleeastmonitor.com/story-199/',
    );
    for (const [path, text] of files) {
      if (path.endsWith('.json')) expect(jsonFeed(files, path).items).toHaveLength(50);
      else expect(text.match(/<item>/g)).toHaveLength(50);
    }
    expectValid(files);
  });
});

describe('the JSON Feed 1.1 check', () => {
  const valid = {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'A feed',
    items: [{ id: 'https://example.org/a/', content_text: 'Text' }],
  };
  const problems = (feed: unknown) => jsonFeedProblems(JSON.stringify(feed));

  it('accepts a minimal feed and extensions', () => {
    expect(problems({ ...valid, _reader: { about: 'x' } })).toEqual([]);
  });

  it('names each broken rule', () => {
    expect(problems({ ...valid, version: 'https://jsonfeed.org/version/1' })).toEqual([
      'version: version must be "https://jsonfeed.org/version/1.1"',
    ]);
    expect(problems({ version: valid.version, title: 'A feed' })).toEqual([
      'items: Invalid key: Expected "items" but received undefined',
    ]);
    expect(problems({ ...valid, items: [{ id: 'a', title: 'No content' }] })).toEqual([
      'items.0: an item needs content_html or content_text',
    ]);
    expect(problems({ ...valid, items: [{ id: 1, content_text: 'x' }] })).toEqual([
      'items.0.id: Invalid type: Expected string but received 1',
    ]);
    expect(problems({ ...valid, home_page_url: '/relative' })).toEqual([
      'home_page_url: must be an absolute http(s) URL',
    ]);
    expect(
      problems({ ...valid, items: [{ ...valid.items[0], date_published: '2023-08-09 19:03:00' }] }),
    ).toEqual(['items.0.date_published: must be an RFC 3339 date-time']);
    expect(
      problems({ ...valid, items: [{ ...valid.items[0], date_modified: '2023-02-30T00:00:00Z' }] }),
    ).toEqual(['items.0.date_modified: must be an RFC 3339 date-time']);
    expect(problems({ ...valid, authors: [{}] })).toEqual([
      'authors.0: an author needs at least one of name, url and avatar',
    ]);
    expect(problems({ ...valid, authors: ['A Reporter'] })).toEqual([
      'authors.0: Invalid type: Expected Object but received "A Reporter"',
    ]);
    expect(problems({ ...valid, homepage_url: 'https://example.org/' })).toEqual([
      '"homepage_url" is not a JSON Feed 1.1 field (extensions start with "_")',
    ]);
    expect(problems({ ...valid, items: [valid.items[0], valid.items[0]] })).toEqual([
      'item ids must be unique within the feed',
    ]);
    expect(jsonFeedProblems('{')).toHaveLength(1);
  });
});

describe('the RSS 2.0 check', () => {
  const valid = (item: string, channel = '') =>
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
      '<channel><title>T</title><link>https://example.org/</link><description>D</description>',
      '<atom:link href="https://example.org/rss.xml" rel="self" type="application/rss+xml"/>',
      channel,
      `<item>${item}</item>`,
      '</channel></rss>',
    ].join('\n');

  it('accepts a minimal feed', () => {
    expect(rssProblems(valid('<title>A</title>'))).toEqual([]);
  });

  it('names each broken rule', () => {
    expect(rssProblems(valid('<link>https://example.org/a/</link>'))).toEqual([
      'item 1: needs a <title> or a <description>',
    ]);
    expect(rssProblems(valid('<title>A</title><pubDate>2023-08-09T18:00:00Z</pubDate>'))).toEqual([
      'item 1: <pubDate> "2023-08-09T18:00:00Z" is not an RFC 822 date',
    ]);
    expect(
      rssProblems(valid('<title>A</title><pubDate>Thu, 09 Aug 2023 18:00:00 GMT</pubDate>')),
    ).toEqual(['item 1: <pubDate> "Thu, 09 Aug 2023 18:00:00 GMT" is not an RFC 822 date']);
    expect(rssProblems(valid('<title>A</title><guid>/a/</guid>'))).toEqual([
      'item 1: a permalink <guid> must be an absolute URL, not "/a/"',
    ]);
    expect(rssProblems(valid('<title>A</title><dc:creator>B</dc:creator>'))).toEqual([
      'prefix "dc" in <dc:creator> is used without an xmlns:dc declaration',
    ]);
    expect(rssProblems(valid('<title>A</title><creator>B</creator>'))).toEqual([
      'item 1: <creator> is not an RSS 2.0 element (extensions need a namespace)',
    ]);
    expect(rssProblems(valid('<title>A & B</title>'))).toEqual([
      '"&": & must start an entity (escape it as &amp;)',
      "not well-formed: char '&' is not expected. (line 6:16)",
    ]);
    expect(rssProblems(valid('<title>A\u0007</title>'))).toEqual([
      'character U+0007 is not allowed in XML 1.0',
    ]);
    expect(rssProblems(valid('<title>A</title>', '<lastBuildDate>now</lastBuildDate>'))).toEqual([
      'channel: <lastBuildDate> "now" is not an RFC 822 date',
    ]);
    expect(rssProblems(valid('<title>A</title>').replace(/<atom:link[^>]*>/, ''))).toEqual([
      'channel: needs one <atom:link rel="self">',
    ]);
    expect(rssProblems(valid('<title>A</title>').replace('<link>https://example.org/</link>', ''))).toEqual([
      'channel: <link> is required',
    ]);
  });
});
