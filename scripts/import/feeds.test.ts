import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonFeedSource } from './json-feed.ts';
import { rssSource } from './rss.ts';
import {
  FEED_SLUGS,
  jsonFeedRoute,
  NEWS,
  RSS_SLUGS,
  rssRoute,
  rssXml,
} from './test/feed-fixtures.ts';
import {
  articleJson,
  build,
  contextFor,
  importInto,
  readArticle,
  tempContent,
} from './test/harness.ts';
import { startServer, type TestServer } from './test/server.ts';
import { SEED_CAPTION, SEED_CREDIT, SITE } from './test/wordpress-fixture.ts';

let server: TestServer;
beforeAll(async () => {
  const feed = jsonFeedRoute();
  const rss = rssRoute();
  server = await startServer((url) => feed(url) ?? rss(url));
});
afterAll(() => server.close());

describe('JSON Feed import', () => {
  it('follows next_url, measures images without a size, and builds', async () => {
    const out = await tempContent();
    const context = contextFor();
    server.requests.length = 0;
    const { summary, log } = await importInto(
      out,
      jsonFeedSource(`${server.origin}/feed.json`, context),
      context.warnings,
    );

    expect(summary).toEqual({ written: 3, unchanged: 0, skipped: 0 });
    expect(log).toEqual([
      `${server.origin}/feed.json: 2 articles`,
      `${server.origin}/feed.json?page=2: 1 article`,
    ]);
    expect(context.warnings).toEqual([
      `${FEED_SLUGS.chart}: language "en_US" is not a language tag; left out`,
      `${FEED_SLUGS.chart}: image ${server.origin}/images/missing.png has no size and could not be measured (GET ${server.origin}/images/missing.png: HTTP 404 Not Found); left out`,
    ]);

    const { files } = await build(out);
    const harbour = articleJson(files, FEED_SLUGS.harbour);
    expect(await readArticle(out, FEED_SLUGS.harbour)).toContain(
      `slug: ${FEED_SLUGS.harbour}\nlang: ar\ntitle: `,
    );
    expect(harbour).toMatchObject({
      // The item's own language, over the feed's.
      lang: 'ar',
      title: 'Gaza’s fishermen return to sea',
      standfirst: 'Boats went out at dawn for the first time in weeks.',
      published: '2023-08-10T09:30:00+03:00',
      modified: '2023-08-10T10:00:00+00:00',
      section: { name: 'News', slug: 'news' },
      tags: [
        { name: 'Gaza', slug: 'gaza' },
        { name: 'Fishing', slug: 'fishing' },
      ],
      authors: [{ name: 'Jane Doe', slug: 'jane-doe' }],
      source: `${NEWS}/${FEED_SLUGS.harbour}/`,
      image: {
        src: expect.stringMatching(/^\/images\/remote\/[0-9a-f]+\.png$/) as string,
        alt: 'Gaza’s fishermen return to sea',
        width: 1600,
        height: 900,
      },
    });
    // The READ link named an item of the next page: in-app once the whole feed was read.
    expect(harbour.body[1]).toEqual({
      type: 'read-link',
      title: 'Wheat prices climb again',
      target: { kind: 'article', slug: FEED_SLUGS.chart },
    });

    const drought = articleJson(files, FEED_SLUGS.drought);
    // The feed's language, for an item that states none.
    expect(drought.lang).toBe('en-GB');
    expect(drought.authors).toEqual([{ name: 'Old Style Author', slug: 'old-style-author' }]);
    expect(drought.source).toBe('https://elsewhere.example.com/drought-story');
    expect(drought.body).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'First paragraph,' },
          { type: 'break' },
          { type: 'text', text: 'with a line break.' },
        ],
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'Second paragraph.' }] },
    ]);

    const chart = articleJson(files, FEED_SLUGS.chart);
    expect(chart).not.toHaveProperty('lang');
    expect(chart.body).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Prices rose 4%.' }] },
      {
        type: 'image',
        image: {
          src: expect.stringMatching(/^\/images\/remote\/[0-9a-f]+\.png$/) as string,
          alt: 'A chart of wheat prices',
          width: 800,
          height: 600,
          widths: expect.any(Array) as number[],
          caption: 'Wheat, in dollars a tonne',
          credit: 'Example News',
        },
      },
    ]);
    expect(server.requests.filter((request) => request.startsWith('/feed.json'))).toEqual([
      '/feed.json',
      '/feed.json?page=2',
    ]);
  });
});

describe('JSON Feed resume and re-run', () => {
  it('resumes at the next_url it stopped at, and a second run changes nothing', async () => {
    const out = await tempContent();
    const healthy = server.route;
    server.route = (url) =>
      url.searchParams.get('page') === '2' ? { status: 503, body: 'down' } : healthy(url);
    const error: unknown = await importInto(
      out,
      jsonFeedSource(`${server.origin}/feed.json`, contextFor()),
    ).catch((reason: unknown) => reason);
    expect(String(error)).toContain(`GET ${server.origin}/feed.json?page=2: HTTP 503`);

    server.route = healthy;
    server.requests.length = 0;
    const resumed = await importInto(
      out,
      jsonFeedSource(`${server.origin}/feed.json`, contextFor()),
    );
    expect(server.requests.filter((request) => request.startsWith('/feed.json'))).toEqual([
      '/feed.json?page=2',
    ]);
    // The chart article, and the harbour article whose READ link to it now resolves.
    expect(resumed.summary).toEqual({ written: 2, unchanged: 0, skipped: 0 });
    expect(await readArticle(out, FEED_SLUGS.harbour)).toContain(
      `READ: [Wheat prices climb again](${FEED_SLUGS.chart})`,
    );

    const again = await importInto(out, jsonFeedSource(`${server.origin}/feed.json`, contextFor()));
    expect(again.summary).toEqual({ written: 0, unchanged: 3, skipped: 0 });
  });
});

describe('RSS import', () => {
  it('splits a caption that runs into the excerpt, and reads dc:creator, categories and media:content', async () => {
    const out = await tempContent();
    const context = contextFor();
    const { summary } = await importInto(
      out,
      rssSource(`${server.origin}/rss.xml`, context),
      context.warnings,
    );
    expect(summary).toEqual({ written: 3, unchanged: 0, skipped: 0 });
    expect(context.warnings).toEqual([]);

    const markdown = await readArticle(out, RSS_SLUGS.seed);
    expect(markdown).toContain(`slug: ${RSS_SLUGS.seed}
lang: en-GB
title: UK, Turkiye strike deal to ‘disrupt and dismantle’ human smuggling gangs
published: 2023-08-09T19:03:00+01:00
section: Europe & Russia
tags: [News, UK]
authors: [Middle East Monitor]
standfirst: The UK and Turkiye have struck an agreement to “disrupt and dismantle” human smuggling and trafficking gangs across Europe, as well as the supply of small boat parts.
image:
  src: ${SITE}/wp-content/uploads/2023/08/GettyImages-1552893433.jpg?w=1200&h=800
  alt: ${SEED_CAPTION}
  width: 1200
  height: 800
  caption: ${SEED_CAPTION}
  credit: ${SEED_CREDIT}
source: ${SITE}/${RSS_SLUGS.seed}/
imported_from: ${server.origin}/rss.xml
---`);
    expect(markdown).not.toContain('appeared first on');

    const { files } = await build(out);
    const seed = articleJson(files, RSS_SLUGS.seed);
    expect(seed.body.at(-1)).toEqual({
      type: 'read-link',
      title: 'Fighting flares in Khartoum',
      target: { kind: 'article', slug: RSS_SLUGS.sudan },
    });

    const sudan = articleJson(files, RSS_SLUGS.sudan);
    expect(sudan).toMatchObject({
      // The channel's language is every item's.
      lang: 'en-GB',
      published: '2023-08-05T18:10:00+00:00',
      section: { name: 'Sudan', parents: [{ name: 'Africa' }] },
      tags: [{ name: 'Khartoum' }],
      authors: [{ name: 'Jane Doe' }],
      // The largest media:content, with its HTML description as caption.
    });
    // The photo is on the source's own host, which the build cannot reach here: the importer's
    // choice is checked in the Markdown.
    expect(await readArticle(out, RSS_SLUGS.sudan)).toMatch(
      /image:\n {2}src: \S+\/khartoum-street\.jpg\n {2}alt: A street in Khartoum\n {2}width: 1200\n {2}height: \d+\n {2}caption: A street in Khartoum\n {2}credit: AFP via Getty Images\n/,
    );

    const enclosure = articleJson(files, RSS_SLUGS.enclosure);
    expect(enclosure).toMatchObject({
      published: '2023-08-06T07:00:00-04:00',
      section: { name: 'News' },
      authors: [{ name: 'Sam Editor' }],
      image: {
        src: expect.stringMatching(/^\/images\/remote\/[0-9a-f]+\.png$/) as string,
        width: 640,
        height: 480,
      },
      standfirst: '',
      body: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Only a description, ' },
            { type: 'text', text: 'escaped', marks: ['strong'] },
            { type: 'text', text: ' & all.' },
          ],
        },
      ],
    });
  });

  it('reads a feed from a file', async () => {
    const out = await tempContent();
    const file = path.join(out, 'feed.xml');
    await writeFile(file, rssXml(server.origin));
    const { summary } = await importInto(out, rssSource(file, contextFor()));
    expect(summary.written).toBe(3);
    await build(out);
  });

  it('writes a channel language in its canonical form, and leaves out one that is no tag', async () => {
    const withLanguage = (language: string) =>
      rssXml(server.origin).replace(
        '<language>en-GB</language>',
        `<language>${language}</language>`,
      );
    const out = await tempContent();
    const file = path.join(out, 'feed.xml');
    await writeFile(file, withLanguage('tr-tr'));
    await importInto(out, rssSource(file, contextFor()));
    expect(articleJson((await build(out)).files, RSS_SLUGS.sudan).lang).toBe('tr-TR');

    const messy = await tempContent();
    await writeFile(file, withLanguage('Turkish'));
    // The feed's images are on the tests' server, which a file source reaches only when allowed.
    const context = contextFor(undefined, { allowHosts: ['127.0.0.1'] });
    const { summary } = await importInto(messy, rssSource(file, context), context.warnings);
    expect(summary.written).toBe(3);
    expect(context.warnings).toEqual(
      Object.values(RSS_SLUGS).map(
        (slug) => `${slug}: language "Turkish" is not a language tag; left out`,
      ),
    );
    // Without a stated language, the text's own is written: this story is in English.
    expect(await readArticle(messy, RSS_SLUGS.sudan)).toContain('\nlang: en\n');
    expect(articleJson((await build(messy)).files, RSS_SLUGS.sudan).lang).toBe('en');
  });
});
