import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/contract/article.ts';
import { site } from '../../src/config/site.ts';
import {
  buildSitemaps,
  SITEMAP_FILE_URLS,
  SITEMAP_MAX_URLS,
  sitemapEntries,
  type SitemapEntry,
} from './sitemap.ts';
import { readSitemap, sitemapProblems, type SitemapKind } from './test/sitemap-spec.ts';

const siteUrl = site.url;

function* articleEntries(count: number): Generator<SitemapEntry> {
  yield { path: '/', lastmod: '2023-08-31T12:00:00+01:00' };
  for (let i = 1; i < count; i++) {
    yield { path: `/story-${i}/`, lastmod: new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString() };
  }
}

function expectValid(files: Map<string, string>) {
  for (const [path, text] of files) {
    const kind: SitemapKind = path === 'sitemap.xml' && files.size > 1 ? 'sitemapindex' : 'urlset';
    expect({ path, problems: sitemapProblems(text, siteUrl, kind) }).toEqual({ path, problems: [] });
  }
}

function summary(slug: string, modified: string): ArticleSummary {
  return {
    slug,
    title: slug,
    standfirst: '',
    section: { name: 'News', slug: 'news' },
    published: '2023-08-01T09:00:00+01:00',
    modified,
  };
}

describe('buildSitemaps', () => {
  it('writes one urlset when everything fits', () => {
    const files = buildSitemaps(siteUrl, articleEntries(3));
    expect([...files.keys()]).toEqual(['sitemap.xml']);
    expectValid(files);
    expect(files.get('sitemap.xml')).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '<url><loc>https://www.middleeastmonitor.com/</loc><lastmod>2023-08-31T12:00:00+01:00</lastmod></url>',
        '<url><loc>https://www.middleeastmonitor.com/story-1/</loc><lastmod>2023-01-01T00:01:00.000Z</lastmod></url>',
        '<url><loc>https://www.middleeastmonitor.com/story-2/</loc><lastmod>2023-01-01T00:02:00.000Z</lastmod></url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });

  it('splits at maxUrls into numbered files and an index dated by each file’s newest change', () => {
    const files = buildSitemaps(siteUrl, articleEntries(7), { maxUrls: 3 });
    expect([...files.keys()]).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml']);
    expectValid(files);
    expect(readSitemap(files.get('sitemap.xml') ?? '')).toEqual({
      kind: 'sitemapindex',
      locs: [1, 2, 3].map((n) => `https://www.middleeastmonitor.com/sitemap-${n}.xml`),
    });
    expect(files.get('sitemap.xml')).toContain(
      '<sitemap><loc>https://www.middleeastmonitor.com/sitemap-1.xml</loc><lastmod>2023-08-31T12:00:00+01:00</lastmod></sitemap>',
    );
    expect(files.get('sitemap.xml')).toContain(
      '<sitemap><loc>https://www.middleeastmonitor.com/sitemap-3.xml</loc><lastmod>2023-01-01T00:06:00.000Z</lastmod></sitemap>',
    );
    expect(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml'].map((name) => readSitemap(files.get(name) ?? '').locs.length)).toEqual([3, 3, 1]);
  });

  it('splits before a file would pass maxBytes', () => {
    const one = buildSitemaps(siteUrl, articleEntries(1)).get('sitemap.xml') ?? '';
    const files = buildSitemaps(siteUrl, articleEntries(4), { maxBytes: one.length + 200 });
    expect(files.size).toBe(3);
    for (const [name, text] of files) {
      if (name !== 'sitemap.xml') expect(text.length).toBeLessThanOrEqual(one.length + 200);
    }
    expectValid(files);
  });

  it('escapes & and quotes in URLs and percent-encodes letters outside ASCII', () => {
    const files = buildSitemaps(siteUrl, [{ path: "/tag/r&d's/" }, { path: '/قطر-الدوحة/' }]);
    const xml = files.get('sitemap.xml') ?? '';
    expect(xml).toContain('<loc>https://www.middleeastmonitor.com/tag/r&amp;d&apos;s/</loc>');
    expect(xml).toContain(
      '<loc>https://www.middleeastmonitor.com/%D9%82%D8%B7%D8%B1-%D8%A7%D9%84%D8%AF%D9%88%D8%AD%D8%A9/</loc>',
    );
    expect(readSitemap(xml).locs[0]).toBe("https://www.middleeastmonitor.com/tag/r&d's/");
    expectValid(files);
  });

  it('writes lastmod as a W3C datetime, keeping the offset of a contract timestamp', () => {
    const xml =
      buildSitemaps(siteUrl, [
        { path: '/a/', lastmod: '2023-08-09 19:03:00 +0100' },
        { path: '/b/', lastmod: '2023-08-09' },
        { path: '/c/' },
      ]).get('sitemap.xml') ?? '';
    expect(xml).toContain('<loc>https://www.middleeastmonitor.com/a/</loc><lastmod>2023-08-09T19:03:00+01:00</lastmod>');
    expect(xml).toContain('<lastmod>2023-08-09</lastmod>');
    expect(xml).toContain('<url><loc>https://www.middleeastmonitor.com/c/</loc></url>');
  });

  it('refuses what the protocol cannot hold', () => {
    expect(() => buildSitemaps(siteUrl, [])).toThrow('a sitemap needs at least one URL');
    expect(() => buildSitemaps(siteUrl, [{ path: 'no-slash/' }])).toThrow('path "no-slash/" must start with "/"');
    expect(() => buildSitemaps(siteUrl, [{ path: `/${'a'.repeat(2048)}/` }])).toThrow(
      'a sitemap URL must be under 2,048 characters',
    );
    expect(() => buildSitemaps(siteUrl, [{ path: '/a/', lastmod: 'yesterday' }])).toThrow(
      '"yesterday" is not a timestamp',
    );
    expect(() => buildSitemaps(siteUrl, [{ path: '/a/' }], { maxUrls: 50_001 })).toThrow(
      'maxUrls must be a whole number from 1 to 50000',
    );
    expect(() => buildSitemaps(siteUrl, [{ path: '/a/' }], { maxBytes: 100 })).toThrow(
      'one URL does not fit in a sitemap of 100 bytes',
    );
  });

  it('streams 100,000 entries into an index and two full files', () => {
    let taken = 0;
    function* counted() {
      for (const entry of articleEntries(100_000)) {
        taken++;
        yield entry;
      }
    }
    const files = buildSitemaps(siteUrl, counted(), { maxUrls: SITEMAP_MAX_URLS });
    expect(taken).toBe(100_000);
    expect([...files.keys()]).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap.xml']);
    expect(readSitemap(files.get('sitemap.xml') ?? '').locs).toEqual([
      'https://www.middleeastmonitor.com/sitemap-1.xml',
      'https://www.middleeastmonitor.com/sitemap-2.xml',
    ]);
    // Counted in the text: parsing 50,000 URLs again would only slow the test down.
    const urlCount = (name: string) => files.get(name)?.match(/<url>/g)?.length;
    expect([urlCount('sitemap-1.xml'), urlCount('sitemap-2.xml')]).toEqual([50_000, 50_000]);
    expect(files.get('sitemap-2.xml')).toMatch(
      /<loc>https:\/\/www\.middleeastmonitor\.com\/story-99999\/<\/loc>.*<\/url>\n<\/urlset>\n$/,
    );
    expectValid(files);
    // 100,000 URLs take a second alone and fifteen while other builds share the cores.
  }, 60_000);
});

describe('sitemapEntries', () => {
  it('lists every article oldest first, then the home page, dated by the newest change', () => {
    // Newest first, as the JSON API lists them.
    const articles = [
      summary('second', '2023-08-03T09:00:00Z'),
      summary('first', '2023-08-01T09:00:00+01:00'),
    ];
    expect([...sitemapEntries(articles)]).toEqual([
      { path: '/first/', lastmod: '2023-08-01T09:00:00+01:00' },
      { path: '/second/', lastmod: '2023-08-03T09:00:00Z' },
      { path: '/', lastmod: '2023-08-03T09:00:00Z' },
    ]);
    expect([...sitemapEntries([])]).toEqual([{ path: '/' }]);
  });

  it('counts split files from the oldest: a new article changes only the newest file (or adds one) and the index', () => {
    const newestFirst = (count: number) =>
      Array.from({ length: count }, (_, at) => {
        const day = count - at;
        return summary(`story-${day}`, new Date(Date.UTC(2023, 0, day)).toISOString());
      });
    for (let count = 5; count <= 9; count++) {
      const before = buildSitemaps(siteUrl, sitemapEntries(newestFirst(count)), { maxUrls: 3 });
      const after = buildSitemaps(siteUrl, sitemapEntries(newestFirst(count + 1)), { maxUrls: 3 });
      expectValid(after);
      // The newest file holds the newest articles and the home page; when the article fills
      // it, the home page moves on to a file of its own.
      const newest = `sitemap-${before.size - 1}.xml`;
      const added = [...after.keys()].filter((name) => !before.has(name));
      expect(added).toEqual((count + 1) % 3 === 0 ? [`sitemap-${before.size}.xml`] : []);
      const changed = [...after.keys()].filter((name) => before.get(name) !== after.get(name));
      expect(changed.sort(), `${count} articles, then one more`).toEqual(
        [newest, ...added, 'sitemap.xml'].sort(),
      );
      expect(readSitemap(after.get('sitemap-1.xml') ?? '').locs).toEqual(
        ['story-1', 'story-2', 'story-3'].map((slug) => `${siteUrl}/${slug}/`),
      );
    }
  });

  it('keeps the place of an article taken down: only its own file changes, and a file left empty is left out', () => {
    const articles = Array.from({ length: 8 }, (_, at) => {
      const day = 8 - at;
      return summary(`story-${day}`, new Date(Date.UTC(2023, 0, day)).toISOString());
    });
    const removing = (...slugs: string[]) =>
      articles.map((article) => ({ ...article, isRemoved: slugs.includes(article.slug) }));
    const before = buildSitemaps(siteUrl, sitemapEntries(articles), { maxUrls: 3 });
    const after = buildSitemaps(siteUrl, sitemapEntries(removing('story-2')), { maxUrls: 3 });
    expectValid(after);
    const changed = [...after.keys()].filter((name) => before.get(name) !== after.get(name));
    // The index changes only when the file's newest date does: here story-3 keeps it.
    expect(changed).toEqual(['sitemap-1.xml']);
    expect(readSitemap(after.get('sitemap-1.xml') ?? '').locs).toEqual(
      ['story-1', 'story-3'].map((slug) => `${siteUrl}/${slug}/`),
    );
    const emptied = buildSitemaps(
      siteUrl,
      sitemapEntries(removing('story-4', 'story-5', 'story-6')),
      { maxUrls: 3 },
    );
    expectValid(emptied);
    expect([...emptied.keys()]).toEqual(['sitemap-1.xml', 'sitemap-3.xml', 'sitemap.xml']);
    expect(emptied.get('sitemap-3.xml')).toBe(before.get('sitemap-3.xml'));
  });

  it('makes only the files holding the places asked for, and the same index', () => {
    const articles = Array.from({ length: 8 }, (_, at) => {
      const day = 8 - at;
      return summary(`story-${day}`, new Date(Date.UTC(2023, 0, day)).toISOString());
    });
    const all = buildSitemaps(siteUrl, sitemapEntries(articles), { maxUrls: 3 });
    const some = buildSitemaps(siteUrl, sitemapEntries(articles), { maxUrls: 3, onlyPlaces: [4, 8] });
    expect([...some.keys()].sort()).toEqual(['sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml']);
    for (const [name, text] of some) expect(text, name).toBe(all.get(name));
  });

  it('holds 10,000 URLs a file unless told otherwise, about 1 MB', () => {
    const files = buildSitemaps(siteUrl, articleEntries(10_001));
    expect([...files.keys()]).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap.xml']);
    expect(files.get('sitemap-1.xml')?.match(/<url>/g)?.length).toBe(SITEMAP_FILE_URLS);
  });
});

describe('the sitemap protocol check', () => {
  const urlset = (urls: string, namespace = 'http://www.sitemaps.org/schemas/sitemap/0.9') =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${namespace}">${urls}</urlset>\n`;
  const problems = (xml: string, kind: SitemapKind = 'urlset') => sitemapProblems(xml, siteUrl, kind);

  it('names each broken rule', () => {
    expect(problems(urlset('<url><loc>https://www.middleeastmonitor.com/</loc></url>'))).toEqual([]);
    expect(
      problems(urlset('<url><loc>https://www.middleeastmonitor.com/</loc></url>', 'http://www.google.com/schemas/sitemap/0.84')),
    ).toEqual(['<urlset> must declare xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"']);
    expect(problems(urlset('<url><loc>/a/</loc></url>'))).toEqual([
      '<url> 1: "/a/" is not an absolute, escaped URL',
      '<url> 1: /a/ is not under https://www.middleeastmonitor.com/',
    ]);
    expect(problems(urlset('<url><loc>https://example.org/a/</loc></url>'))).toEqual([
      '<url> 1: https://example.org/a/ is not under https://www.middleeastmonitor.com/',
    ]);
    expect(problems(urlset(`<url><loc>https://www.middleeastmonitor.com/a'b/</loc></url>`))).toEqual([
      `<loc>https://www.middleeastmonitor.com/a'b/</loc>: & ' " < > must be escaped`,
    ]);
    expect(
      problems(urlset('<url><loc>https://www.middleeastmonitor.com/</loc><lastmod>09/08/2023</lastmod></url>')),
    ).toEqual(['<url> 1: <lastmod> "09/08/2023" is not a W3C datetime']);
    expect(problems(urlset(''))).toEqual(['<urlset> needs at least one <url>']);
    const long = `https://www.middleeastmonitor.com/${'a'.repeat(2048)}`;
    expect(problems(urlset(`<url><loc>${long}</loc></url>`))).toEqual([
      `<url> 1: <loc> has ${long.length} characters (< 2,048)`,
    ]);
    const tooMany = Array.from(
      { length: 50_001 },
      (_, i) => `<url><loc>https://www.middleeastmonitor.com/${i}/</loc></url>`,
    ).join('');
    expect(problems(urlset(tooMany))).toEqual(['50001 entries: more than 50,000']);
    expect(problems(urlset('<url><loc>https://www.middleeastmonitor.com/</loc></url>'), 'sitemapindex')).toEqual([
      'the root must be <sitemapindex>',
    ]);
  });
});
