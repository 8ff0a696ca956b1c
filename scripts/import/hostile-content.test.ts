/**
 * Content built to crash the importer: HTML and XML nested thousands deep, entities that
 * reach outside the feed or multiply, a language tag of a hundred thousand characters.
 * Each used to end the import in a stack trace; now an item is skipped with a warning, or
 * the import stops with one line naming the URL and the limit.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ImportError } from './import-error.ts';
import { jsonFeedSource } from './json-feed.ts';
import { rssSource } from './rss.ts';
import { rssDocument, rssFeed, rssItem } from './test/hostile-fixtures.ts';
import {
  build,
  contextFor,
  failingImport,
  importInto,
  readArticle,
  tempContent,
} from './test/harness.ts';
import { json, startServer, type Reply, type TestServer } from './test/server.ts';

// Real servers, real parsing and, for some, tens of megabytes: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

let server: TestServer;
let reply: (origin: string) => Reply = () => ({ status: 404, body: '' });
beforeAll(async () => {
  server = await startServer((url) => reply(url.origin));
});
afterAll(() => server.close());

const feedUrl = () => `${server.origin}/feed`;

/** A JSON Feed of a good item, then `hostile` (fields of a second item). */
function jsonFeedWith(hostile: Record<string, unknown>, feed: Record<string, unknown> = {}) {
  reply = (origin) =>
    json({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Hostile',
      ...feed,
      items: [
        {
          id: '1',
          url: `${origin}/good/`,
          title: 'A good item',
          content_html: '<p>Good words.</p>',
          date_published: '2023-08-10T09:30:00Z',
        },
        {
          id: '2',
          url: `${origin}/hostile/`,
          title: 'A hostile item',
          content_html: '<p>Hostile words.</p>',
          date_published: '2023-08-10T09:30:00Z',
          ...hostile,
        },
      ],
    });
}

describe('hostile source: HTML nested thousands deep', () => {
  it.each([
    ['a body of 300 nested <div>', { content_html: `${'<div>'.repeat(300)}x` }],
    ['a body of 20,000 nested <div>', { content_html: `${'<div>'.repeat(20_000)}x` }],
    ['a body of 20,000 unclosed <span>', { content_html: `${'<span>'.repeat(20_000)}x` }],
  ])('%s: that item is skipped with a warning, the rest imported', async (_, hostile) => {
    jsonFeedWith(hostile);
    const context = contextFor();
    const out = await tempContent();
    const { summary } = await importInto(out, jsonFeedSource(feedUrl(), context), context.warnings);
    expect(summary).toEqual({ written: 1, unchanged: 0, skipped: 1 });
    expect(context.warnings).toEqual([
      `${server.origin}/hostile/: HTML nested deeper than --max-depth 256 levels; skipped`,
    ]);
    await build(out);
  });

  it('an RSS title of 20,000 nested <b>: that item is skipped with a warning', async () => {
    reply = (origin) =>
      rssFeed(
        '<title>Hostile</title>',
        rssItem(`${origin}/good/`, 'A good item') +
          rssItem(`${origin}/hostile/`, `${'&lt;b&gt;'.repeat(20_000)}deep`),
      );
    const context = contextFor();
    const { summary } = await importInto(
      await tempContent(),
      rssSource(feedUrl(), context),
      context.warnings,
    );
    expect(summary).toEqual({ written: 1, unchanged: 0, skipped: 1 });
    expect(context.warnings).toEqual([
      `${feedUrl()}: item 2: HTML nested deeper than --max-depth 256 levels; skipped`,
    ]);
  });

  it('a lower --max-depth is honoured', async () => {
    jsonFeedWith({ content_html: `${'<div>'.repeat(12)}x` });
    const context = contextFor(undefined, { limits: { maxDepth: 10 } });
    const { summary } = await importInto(
      await tempContent(),
      jsonFeedSource(feedUrl(), context),
      context.warnings,
    );
    expect(summary.skipped).toBe(1);
    expect(context.warnings[0]).toContain('HTML nested deeper than --max-depth 10 levels');
  });
});

describe('hostile source: XML that reaches outside the feed, multiplies or nests deep', () => {
  const channel = (doctype: string, title: string) => {
    reply = (origin) => ({
      status: 200,
      headers: { 'content-type': 'application/rss+xml' },
      body: rssDocument('<title>Hostile</title>', rssItem(`${origin}/story/`, title)).replace(
        /^(<\?xml[^>]*>)/,
        `$1\n${doctype}`,
      ),
    });
  };

  it.each([
    [
      'a SYSTEM entity (file:///etc/passwd)',
      '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    ],
    ['a PUBLIC entity', '<!DOCTYPE rss [<!ENTITY xxe PUBLIC "-//X//Y" "http://127.0.0.1:1/x">]>'],
    [
      'a parameter entity',
      '<!DOCTYPE rss [<!ENTITY % dtd SYSTEM "http://127.0.0.1:1/x.dtd"> %dtd;]>',
    ],
  ])('%s: the feed is refused with a message, nothing fetched', async (_, doctype) => {
    channel(doctype, 'Story &xxe;');
    const error = await failingImport(await tempContent(), rssSource(feedUrl(), contextFor()));
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe(
      `${feedUrl()}: its DOCTYPE declares entities from outside the feed (SYSTEM, PUBLIC or parameter entities); refused, nothing outside a feed is read`,
    );
  });

  it('a billion laughs: the entities are left as written, never expanded', async () => {
    const lol = [
      '<!ENTITY lol0 "lol">',
      ...Array.from(
        { length: 9 },
        (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index};`.repeat(10)}">`,
      ),
    ].join('');
    channel(`<!DOCTYPE rss [${lol}]>`, 'Laughs &lol9;');
    const context = contextFor();
    const out = await tempContent();
    const { summary } = await importInto(out, rssSource(feedUrl(), context), context.warnings);
    expect(summary.written).toBe(1);
    expect(context.warnings).toEqual([
      `${feedUrl()}: its DOCTYPE declares entities; they are left as written, not expanded`,
    ]);
    expect(await readArticle(out, 'story')).toContain('title: Laughs &lol9;\n');
  });

  it('an old RSS 0.91 DOCTYPE naming its DTD is read, the DTD never fetched', async () => {
    channel(
      '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://127.0.0.1:1/rss-0.91.dtd">',
      'A plain story',
    );
    const context = contextFor();
    const { summary } = await importInto(
      await tempContent(),
      rssSource(feedUrl(), context),
      context.warnings,
    );
    expect(summary.written).toBe(1);
    expect(context.warnings).toEqual([]);
  });

  it('XML nested 20,000 deep: stopped with the URL and the limit', async () => {
    reply = () => rssFeed('<title>Deep</title>', `${'<x>'.repeat(20_000)}${'</x>'.repeat(20_000)}`);
    const error = await failingImport(await tempContent(), rssSource(feedUrl(), contextFor()));
    expect(error.message).toBe(`${feedUrl()}: XML nested deeper than --max-depth 256 levels`);
  });
});

describe('hostile source: language values no language has', () => {
  /** The language is spliced into the JSON as text: a list 100,000 deep cannot be stringified. */
  const withLanguage = (language: string) => {
    jsonFeedWith({ language: '@LANGUAGE@' });
    const plain = reply;
    reply = (origin) => {
      const served = plain(origin) as {
        status: number;
        headers: Record<string, string>;
        body: string;
      };
      return { ...served, body: served.body.replace('"@LANGUAGE@"', language) };
    };
  };

  it.each([
    [
      'a tag of 100,000 characters',
      JSON.stringify(`en-${'x'.repeat(100_000)}`),
      'language "en-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (100003 characters) is longer than any language tag; left out',
    ],
    [
      'a list nested 100,000 deep',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      'language (a list) is not a language tag; left out',
    ],
    ['an object', '{"code": "en"}', 'language (an object) is not a language tag; left out'],
  ])('%s: left out with a short warning', async (_, language, warning) => {
    withLanguage(language);
    const context = contextFor();
    const out = await tempContent();
    const { summary } = await importInto(out, jsonFeedSource(feedUrl(), context), context.warnings);
    expect(summary.written).toBe(2);
    expect(context.warnings).toEqual([`hostile: ${warning}`]);
    await build(out);
  });
});

describe('hostile source: headlines and names carrying invisible characters', () => {
  it('controls, direction overrides, isolates and broken characters are removed; the article builds', async () => {
    jsonFeedWith({
      title: 'Minister \u202Eresigns\u202C \u2066today\u2069\u0000\r\u001b[31m \uFEFFnow \uD800',
      tags: ['Gaza\u202E', '\u001b]0;pwned\u0007UK'],
    });
    const context = contextFor();
    const out = await tempContent();
    const { summary } = await importInto(out, jsonFeedSource(feedUrl(), context), context.warnings);
    expect(summary.written).toBe(2);
    const text = await readArticle(out, 'hostile');
    expect(text).toContain('title: Minister resigns today [31m now \uFFFD\n');
    expect(text).toContain('tags: [Gaza, "]0;pwnedUK"]');
    await build(out);
  });

  it('names and a headline the content would refuse are fitted or left out, with warnings; the article builds', async () => {
    jsonFeedWith({
      title: `Breaking ${'news '.repeat(100)}`,
      authors: [{ name: 'A'.repeat(1000) }, { name: 'Jane Doe' }],
      tags: [
        'C\u043evid',
        'U\u200bK',
        ...Array.from({ length: 150 }, (_, index) => `Tag ${index}`),
      ],
    });
    const context = contextFor();
    const out = await tempContent();
    const { summary } = await importInto(out, jsonFeedSource(feedUrl(), context), context.warnings);
    expect(summary.written).toBe(2);
    expect(context.warnings).toEqual([
      'hostile: title cut to 300 characters',
      'hostile: tag "C\u043evid" left out: the address of tag mixes Latin and Cyrillic letters in the word "c\u043evid", which makes a look-alike address: write the word in one script',
      'hostile: 151 tags; the first 100 kept',
      `hostile: author "${'A'.repeat(39)}…" left out: author is 1,000 characters long; at most 100`,
    ]);
    const text = await readArticle(out, 'hostile');
    expect(text).toContain('authors: [Jane Doe]');
    expect(text).toContain('tags: [UK, Tag 0, ');
    const title = /^title: (Breaking (?:news )+news…)$/m.exec(text)?.[1] ?? '';
    expect(Array.from(title).length).toBeLessThanOrEqual(300);
    expect(Array.from(title).length).toBeGreaterThan(290);
    await build(out);
  });
});
