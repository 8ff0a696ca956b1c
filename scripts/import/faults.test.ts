import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from './import-error.ts';
import { jsonFeedSource } from './json-feed.ts';
import { rssSource } from './rss.ts';
import { stateFile } from './state.ts';
import {
  build,
  contextFor,
  failingImport,
  importInto,
  listDir,
  QUICK_HTTP,
  readArticle,
  tempContent,
} from './test/harness.ts';
import { json, startServer, type Reply, type Route, type TestServer } from './test/server.ts';
import { SLUGS, wordpressRoute } from './test/wordpress-fixture.ts';
import { wordpressSource } from './wordpress.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer(wordpressRoute());
});
afterEach(() => server.close());

const healthy = wordpressRoute();
const base = () => `${server.origin}/wp-json`;
const source = (http = QUICK_HTTP) =>
  wordpressSource({ base: base(), perPage: 2 }, contextFor(http));
const postsUrl = (page: number) =>
  `${base()}/wp/v2/posts?_embed&per_page=2&page=${page}&orderby=modified&order=asc`;
const postsRequests = () =>
  server.requests.filter((request) => request.startsWith('/wp-json/wp/v2/posts'));
const isPostsPage = (url: URL, page: number) =>
  url.pathname === '/wp-json/wp/v2/posts' && url.searchParams.get('page') === String(page);

/** The healthy site, except that posts page `page` always answers `reply`. */
function faulty(page: number, reply: Reply): Route {
  return (url) => (isPostsPage(url, page) ? reply : healthy(url));
}

const error500: Reply = { status: 500, body: 'Internal Server Error' };
const error503: Reply = { status: 503, body: 'Service Unavailable' };

describe('HTTP faults', () => {
  it('retries a 500 and succeeds', async () => {
    server.route = (url) =>
      isPostsPage(url, 1) && postsRequests().length === 1 ? error500 : healthy(url);
    const { summary } = await importInto(await tempContent(), source());
    expect(summary.written).toBe(4);
    expect(postsRequests()).toHaveLength(3);
  });

  it('waits as a 429 asks, then succeeds', async () => {
    server.route = (url) =>
      isPostsPage(url, 1) && postsRequests().length === 1
        ? { status: 429, headers: { 'retry-after': '0' }, body: 'slow down' }
        : healthy(url);
    const { summary } = await importInto(await tempContent(), source());
    expect(summary.written).toBe(4);
  });

  it('gives up on a persistent 503 after the set attempts, naming the URL and the status', async () => {
    server.route = faulty(1, error503);
    const error = await failingImport(await tempContent(), source());
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe(
      `GET ${postsUrl(1)}: HTTP 503 Service Unavailable, still failing after 3 attempts`,
    );
    expect(postsRequests()).toHaveLength(3);
  });

  it('stops at once on a 404, naming the URL', async () => {
    const error = await failingImport(
      await tempContent(),
      wordpressSource({ base: `${server.origin}/no-such-api`, perPage: 2 }, contextFor()),
    );
    expect(error.message).toBe(
      `GET ${server.origin}/no-such-api/wp/v2/posts?_embed&per_page=2&page=1&orderby=modified&order=asc: HTTP 404 Not Found`,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('stops on a page that is not JSON, naming the URL', async () => {
    server.route = faulty(1, {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '[{"id": 1,',
    });
    const error = await failingImport(await tempContent(), source());
    expect(error.message).toMatch(new RegExp(`^${escape(postsUrl(1))}: not valid JSON \\(.+\\)$`));
  });

  it('stops on JSON that is not what WordPress sends, naming the URL and the field', async () => {
    server.route = faulty(1, json([{ id: 1, title: 'no rendered' }]));
    const error = await failingImport(await tempContent(), source());
    expect(error.message).toMatch(
      new RegExp(`^${escape(postsUrl(1))}: not a page of WordPress posts: 0\\.\\w+: `),
    );
  });

  it('stops on a feed that is not well-formed XML, naming the URL', async () => {
    server.route = () => ({ status: 200, body: '<rss><channel><item><title>x</channel></rss>' });
    const error = await failingImport(
      await tempContent(),
      rssSource(`${server.origin}/rss.xml`, contextFor()),
    );
    expect(error.message).toMatch(
      new RegExp(`^${escape(server.origin)}/rss\\.xml: not valid XML \\(line 1: .+\\)$`),
    );
  });

  it('times out on a server that never answers, naming the URL', async () => {
    server.route = (url) => (url.pathname === '/feed.json' ? 'hang' : undefined);
    const error = await failingImport(
      await tempContent(),
      jsonFeedSource(
        `${server.origin}/feed.json`,
        contextFor({ timeoutMs: 50, attempts: 2, retryDelayMs: 1 }),
      ),
    );
    expect(error.message).toBe(
      `GET ${server.origin}/feed.json: no response within 50 ms, still failing after 2 attempts`,
    );
    expect(server.requests).toEqual(['/feed.json', '/feed.json']);
  });
});

describe('an interrupted import', () => {
  it('leaves whole articles and no temp files, then resumes from the page it stopped at', async () => {
    const out = await tempContent();
    server.route = faulty(2, error503);
    const error = await failingImport(out, source());
    expect(error.message).toContain(postsUrl(2));

    // Page 1 is complete and valid on its own; nothing half-written is left behind.
    expect(await listDir(path.join(out, 'articles'))).toEqual([
      `${SLUGS.sudan}.md`,
      `${SLUGS.barge}.md`,
    ]);
    expect(await readArticle(out, SLUGS.sudan)).toContain(
      `(https://www.middleeastmonitor.com/${SLUGS.seed}/)`,
    );
    await build(out);
    const key = JSON.stringify(['wordpress', base(), null, 2]);
    expect(JSON.parse(await readFile(stateFile(out, key), 'utf8'))).toMatchObject({ next: 2 });

    server.route = healthy;
    server.requests.length = 0;
    const { summary, log } = await importInto(out, source());

    expect(
      postsRequests().map((request) => new URL(request, server.origin).searchParams.get('page')),
    ).toEqual(['2']);
    expect(log[0]).toBe(`resuming the interrupted import of ${base()} at 2`);
    // The seed and the Arabic post, plus the two page-1 articles whose links now resolve
    // (Sudan to the seed, the barge to the Arabic post).
    expect(summary).toEqual({ written: 4, unchanged: 0, skipped: 0 });
    expect(await readArticle(out, SLUGS.sudan)).toContain(
      `[struck a deal on smuggling](${SLUGS.seed})`,
    );
    expect(await listDir(path.join(out, '.import'))).toEqual([]);
    await build(out);
  });

  it('cleans up temporary files a killed run left, and ignores a damaged resume state', async () => {
    const out = await tempContent();
    await mkdir(path.join(out, 'articles'), { recursive: true });
    await writeFile(
      path.join(out, 'articles', `.${SLUGS.seed}.md.123-abcd.import-tmp`),
      '---\nslug: half',
    );
    const key = JSON.stringify(['wordpress', base(), null, 2]);
    await mkdir(path.dirname(stateFile(out, key)), { recursive: true });
    await writeFile(stateFile(out, key), '{"version": 1, "next": ');

    const warnings: string[] = [];
    const { summary, log } = await importInto(out, source(), warnings);
    expect(log[0]).toBe('removed 1 temporary file(s) left by an interrupted run');
    expect(warnings).toEqual([
      `${stateFile(out, key)}: resume state is damaged; starting from the beginning`,
    ]);
    expect(summary.written).toBe(4);
    expect(
      (await listDir(path.join(out, 'articles'))).filter((name) => name.startsWith('.')),
    ).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
