/**
 * Sources that never end: each attack is fed by a real server on 127.0.0.1 and must end in
 * one clear line naming the URL and the limit, with the requests it cost counted.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportError } from './import-error.ts';
import { jsonFeedSource } from './json-feed.ts';
import { rssSource } from './rss.ts';
import {
  jsonFeedPage,
  rssFeed,
  rssItem,
  startFlood,
  wordpressPost,
  wordpressSite,
  type FloodServer,
} from './test/hostile-fixtures.ts';
import {
  build,
  contextFor,
  failingImport,
  importInto,
  listDir,
  readArticle,
  tempContent,
} from './test/harness.ts';
import { json, startServer, type Route, type TestServer } from './test/server.ts';
import { wordpressSource } from './wordpress.ts';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

// Real servers, real parsing and, for some, tens of megabytes: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

let server: TestServer | undefined;
let flood: FloodServer | undefined;
afterEach(async () => {
  await server?.close();
  await flood?.close();
  server = undefined;
  flood = undefined;
});

async function serve(route: Route): Promise<TestServer> {
  server = await startServer(route);
  return server;
}

const postsRequests = (site: TestServer) =>
  site.requests.filter((request) => request.startsWith('/wp-json/wp/v2/posts'));

describe('hostile source: WordPress that never stops paging', () => {
  it('claims X-WP-TotalPages: 1000000: warned at once, stopped after --max-pages', async () => {
    const site = await serve(
      (url) =>
        wordpressSite(url) ??
        (url.pathname === '/wp-json/wp/v2/posts'
          ? json([wordpressPost(url.origin, Number(url.searchParams.get('page')))], {
              'x-wp-totalpages': '1000000',
            })
          : undefined),
    );
    const context = contextFor(undefined, { limits: { maxPages: 3 } });
    const source = wordpressSource({ base: `${site.origin}/wp-json`, perPage: 1 }, context);
    const out = await tempContent();
    const error = await importInto(out, source, context.warnings).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe(
      `${site.origin}/wp-json: stopped after --max-pages 3 pages; run the same command to go on from 4`,
    );
    expect(context.warnings).toEqual([
      `${site.origin}/wp-json/wp/v2/posts?_embed&per_page=1&page=1&orderby=modified&order=asc: the source claims 1000000 pages; stopping after --max-pages 3`,
    ]);
    expect(postsRequests(site)).toHaveLength(3);
    // What was read is kept, whole.
    expect(await listDir(path.join(out, 'articles'))).toEqual([
      'post-1.md',
      'post-2.md',
      'post-3.md',
    ]);
  });

  it('answers page after page with no end to its items: stopped after --max-items', async () => {
    const site = await serve(
      (url) =>
        wordpressSite(url) ??
        (url.pathname === '/wp-json/wp/v2/posts'
          ? json(
              Array.from({ length: 5 }, (_, index) =>
                wordpressPost(url.origin, Number(url.searchParams.get('page')) * 10 + index),
              ),
              { 'x-wp-totalpages': '50' },
            )
          : undefined),
    );
    const context = contextFor(undefined, { limits: { maxItems: 7 } });
    const source = wordpressSource({ base: `${site.origin}/wp-json`, perPage: 5 }, context);
    const out = await tempContent();
    const error = await failingImport(out, source);
    expect(error.message).toBe(
      `page 2 of 50: more items than --max-items 7 in one import; stopped with 3 of this page unread`,
    );
    expect(postsRequests(site)).toHaveLength(2);
    expect(await listDir(path.join(out, 'articles'))).toHaveLength(7);
  });
});

describe('hostile source: a feed whose next link never ends', () => {
  it.each(['jsonfeed', 'rss'] as const)(
    '%s: an endless chain of new next pages stops after --max-pages',
    async (kind) => {
      const feed = await serve((url) => {
        const page = Number(url.searchParams.get('page') ?? '1');
        const next = `${url.origin}${url.pathname}?page=${page + 1}`;
        return kind === 'jsonfeed'
          ? jsonFeedPage(url.origin, page, next)
          : rssFeed(
              '<title>Endless</title>',
              rssItem(`${url.origin}/item-${page}/`, `Item number ${page}`),
              next,
            );
      });
      const location = `${feed.origin}/feed`;
      const context = contextFor(undefined, { limits: { maxPages: 4 } });
      const source =
        kind === 'jsonfeed' ? jsonFeedSource(location, context) : rssSource(location, context);
      const error = await failingImport(await tempContent(), source);
      expect(error.message).toBe(
        `${location}: stopped after --max-pages 4 pages; run the same command to go on from ${location}?page=5`,
      );
      expect(feed.requests).toHaveLength(4);
    },
  );

  it.each(['jsonfeed', 'rss'] as const)(
    '%s: next links that loop back end the paging with a warning',
    async (kind) => {
      const feed = await serve((url) => {
        const page = Number(url.searchParams.get('page') ?? '1');
        // Page 1 -> page 2 -> page 1 -> ...
        const next = `${url.origin}${url.pathname}?page=${page === 1 ? 2 : 1}`;
        return kind === 'jsonfeed'
          ? jsonFeedPage(url.origin, page, next)
          : rssFeed(
              '<title>Loop</title>',
              rssItem(`${url.origin}/item-${page}/`, `Item number ${page}`),
              next,
            );
      });
      const start = `${feed.origin}/feed?page=1`;
      const context = contextFor();
      const source =
        kind === 'jsonfeed' ? jsonFeedSource(start, context) : rssSource(start, context);
      const { summary } = await importInto(await tempContent(), source, context.warnings);
      expect(summary.written).toBe(2);
      expect(context.warnings).toEqual([
        `${feed.origin}/feed?page=2: the next page, ${start}, was read already (the pages loop); paging stops`,
      ]);
      expect(feed.requests).toEqual(['/feed?page=1', '/feed?page=2']);
    },
  );

  it('runs past --max-time: stopped with the limit named', async () => {
    const feed = await serve((url) => {
      const page = Number(url.searchParams.get('page') ?? '1');
      return jsonFeedPage(url.origin, page, `${url.origin}/feed?page=${page + 1}`);
    });
    const context = contextFor(undefined, { limits: { maxTimeMs: 300, maxPages: 100_000 } });
    const error = await failingImport(
      await tempContent(),
      jsonFeedSource(`${feed.origin}/feed`, context),
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toContain('--max-time 300 ms');
    expect(feed.requests.length).toBeLessThan(100_000);
  });
});

describe('hostile source: WordPress categories whose parents loop or run deep', () => {
  /** Posts in category 1; `parentOf` says each category's parent. */
  function categorySite(parentOf: (id: number) => number): Route {
    return (url) => {
      if (url.pathname === '/wp-json/wp/v2/posts')
        return json([wordpressPost(url.origin, 1, [1])], { 'x-wp-totalpages': '1' });
      if (url.pathname === '/wp-json/wp/v2/categories') {
        const ids = (url.searchParams.get('include') ?? '').split(',').map(Number);
        return json(
          ids.map((id) => ({ id, name: `Level ${id}`, slug: `level-${id}`, parent: parentOf(id) })),
        );
      }
      return wordpressSite(url);
    };
  }
  async function importCategories(parentOf: (id: number) => number) {
    const site = await serve(categorySite(parentOf));
    const context = contextFor();
    const out = await tempContent();
    await importInto(
      out,
      wordpressSource({ base: `${site.origin}/wp-json`, perPage: 1 }, context),
      context.warnings,
    );
    return { site, context, out };
  }
  const categoryRequests = (site: TestServer) =>
    site.requests.filter((request) => request.startsWith('/wp-json/wp/v2/categories'));

  it('a parent chain that loops (1 -> 2 -> 3 -> 1): the section stops at the loop', async () => {
    const { site, context, out } = await importCategories((id) => (id % 3) + 1);
    expect(context.warnings).toEqual([
      'category 1: its parent chain loops at category 1; its section stops there',
    ]);
    expect(categoryRequests(site)).toHaveLength(3);
    expect(await readArticle(out, 'post-1')).toContain('section: [Level 3, Level 2, Level 1]\n');
    await build(out);
  });

  it('a parent chain 1,500 deep: fetched and kept to --max-category-depth', async () => {
    const { site, context, out } = await importCategories((id) => (id < 1500 ? id + 1 : 0));
    expect(context.warnings).toEqual([
      'category 1: its parent chain is deeper than --max-category-depth 6; its section keeps the 6 levels nearest the post',
    ]);
    // The post's own category, then one request per level of parents, and no more.
    expect(categoryRequests(site)).toHaveLength(7);
    const levels = Array.from({ length: 6 }, (_, index) => `Level ${6 - index}`).join(', ');
    expect(await readArticle(out, 'post-1')).toContain(`section: [${levels}]\n`);
    await build(out);
  });
});

describe('hostile source: an answer of 300 MB', () => {
  const TOTAL = 300 * 1024 * 1024;

  it.each([
    ['streamed without a length', false, 'stopped reading there'],
    ['announced in Content-Length', true, 'not read'],
  ])('%s: stopped at --max-bytes, memory stays small', async (_, declare, ending) => {
    flood = await startFlood(TOTAL, declare);
    const before = process.memoryUsage().rss;
    const error = await failingImport(
      await tempContent(),
      jsonFeedSource(`${flood.origin}/feed.json`, contextFor()),
    );
    const grown = process.memoryUsage().rss - before;
    expect(error.message).toBe(
      `GET ${flood.origin}/feed.json: larger than --max-bytes 32 MB; ${ending}`,
    );
    // The default cap holds: the server could not send much past it before the client left
    // (what sits in socket buffers aside), and the process never held the whole answer.
    expect(flood.sent()).toBeLessThan(48 * 1024 * 1024);
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });

  it('a lower --max-bytes is honoured the same way', async () => {
    flood = await startFlood(TOTAL, false);
    const error = await failingImport(
      await tempContent(),
      rssSource(
        `${flood.origin}/rss.xml`,
        contextFor(undefined, { limits: { maxBytes: 1024 * 1024 } }),
      ),
    );
    expect(error.message).toBe(
      `GET ${flood.origin}/rss.xml: larger than --max-bytes 1 MB; stopped reading there`,
    );
    expect(flood.sent()).toBeLessThan(16 * 1024 * 1024);
  });

  it('a feed file larger than --max-bytes is not read', async () => {
    const out = await tempContent();
    const file = path.join(out, 'feed.xml');
    await writeFile(file, Buffer.alloc(2 * 1024 * 1024, 0x20));
    const error = await failingImport(
      out,
      rssSource(file, contextFor(undefined, { limits: { maxBytes: 1024 * 1024 } })),
    );
    expect(error.message).toBe(`${file}: larger than --max-bytes 1 MB; not read`);
  });
});
