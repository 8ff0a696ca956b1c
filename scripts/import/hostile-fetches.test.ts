/**
 * Sources that try to send the importer where it does not belong: to another host named in
 * a post, through a redirect, or to the machine's own network. The "other host" is a second
 * real server on 127.0.0.1 on another port (another origin), which counts what it is asked.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isPrivateAddress } from '../lib/network-address.ts';
import { fetchPolicy } from './fetch-policy.ts';
import { ImportError } from './import-error.ts';
import { jsonFeedSource } from './json-feed.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { rssSource } from './rss.ts';
import { png } from './test/feed-fixtures.ts';
import {
  jsonFeedPage,
  rssDocument,
  rssFeed,
  rssItem,
  wordpressPost,
} from './test/hostile-fixtures.ts';
import {
  contextFor,
  failingImport,
  importInto,
  listDir,
  QUICK_HTTP,
  readArticle,
  tempContent,
} from './test/harness.ts';
import { json, startServer, type Reply, type TestServer } from './test/server.ts';
import { wordpressSource } from './wordpress.ts';
import { writeFile } from 'node:fs/promises';

// Real servers, real parsing and, for some, tens of megabytes: slow on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

/** What an internal admin page answers: HTML, for any request. */
const ADMIN: Reply = {
  status: 200,
  headers: { 'content-type': 'text/html' },
  body: '<p>deleted</p>',
};
const DANGER = '/internal-admin/delete-everything?confirm=yes';

let source: TestServer;
let other: TestServer;
beforeEach(async () => {
  source = await startServer(() => undefined);
  other = await startServer(() => ADMIN);
});
afterEach(async () => {
  await source.close();
  await other.close();
});

/** Every request the other host received, with the Accept header it came with. */
const otherRequests = () =>
  other.requests.map((request, index) => `${request} (accept: ${other.headers[index]?.accept})`);

describe('hostile source: a post that names an internal URL on another host', () => {
  it('JSON Feed: links are never followed; images are only ever asked for as images', async () => {
    const danger = `${other.origin}${DANGER}`;
    source.route = (url) =>
      url.pathname === '/feed.json'
        ? json({
            version: 'https://jsonfeed.org/version/1.1',
            title: 'Hostile',
            home_page_url: danger,
            next_url: danger,
            items: [
              {
                id: '1',
                url: `${url.origin}/story/`,
                external_url: danger,
                title: 'A story that names the admin page',
                image: danger,
                content_html: `<p>Words <a href="${danger}">a link</a>.</p><p><img src="${danger}&img=1" alt="x"></p><iframe src="${danger}&frame=1"></iframe><p><a href="${danger}&read=1">READ: more</a></p>`,
                date_published: '2023-08-10T09:30:00Z',
              },
            ],
          })
        : undefined;
    const context = contextFor();
    const out = await tempContent();
    const { summary } = await importInto(
      out,
      jsonFeedSource(`${source.origin}/feed.json`, context),
      context.warnings,
    );
    expect(summary.written).toBe(1);
    // Only the two images were asked for, as images; their HTML answers were not read.
    expect(otherRequests()).toEqual([
      `${DANGER} (accept: image/*)`,
      `${DANGER}&img=1 (accept: image/*)`,
    ]);
    expect(context.warnings).toEqual([
      `story: image ${danger} has no size and could not be measured (GET ${danger}: not an image (Content-Type text/html); not read); left out`,
      `story: image ${danger}&img=1 has no size and could not be measured (GET ${danger}&img=1: not an image (Content-Type text/html); not read); left out`,
      `${source.origin}/feed.json: the next page, ${danger}: ${other.origin.slice(7)} is another host (the source is at ${source.origin.slice(7)}); refused (allow it with --allow-host ${other.origin.slice(7)}); paging stops`,
    ]);
    expect(await readArticle(out, 'story')).not.toContain('deleted');
  });

  it('WordPress: an index whose home is another host does not send the importer there', async () => {
    source.route = (url) => {
      if (url.pathname === '/wp-json/')
        return json({ name: 'Hostile', home: `${other.origin}${DANGER}` });
      if (url.pathname === '/wp-json/wp/v2/posts')
        return json([wordpressPost(url.origin, 1)], { 'x-wp-totalpages': '1' });
      return undefined;
    };
    const context = contextFor();
    const { summary } = await importInto(
      await tempContent(),
      wordpressSource({ base: `${source.origin}/wp-json`, perPage: 1 }, context),
      context.warnings,
    );
    expect(summary.written).toBe(1);
    expect(other.requests).toEqual([]);
    expect(context.warnings).toEqual([
      `${other.origin}/internal-admin/delete-everything?confirm=yes/feed/, the site's feed: ${other.origin.slice(7)} is another host (the source is at ${source.origin.slice(7)}); refused (allow it with --allow-host ${other.origin.slice(7)}); articles are imported without its language`,
    ]);
  });

  it('RSS: a next link to another host is not followed', async () => {
    source.route = (url) =>
      rssFeed(
        '<title>Hostile</title>',
        rssItem(`${url.origin}/story/`, 'A story'),
        `${other.origin}${DANGER.replace('?', '?x=1&amp;')}`,
      );
    const context = contextFor();
    await importInto(
      await tempContent(),
      rssSource(`${source.origin}/rss.xml`, context),
      context.warnings,
    );
    expect(other.requests).toEqual([]);
    expect(context.warnings).toHaveLength(1);
    expect(context.warnings[0]).toContain('is another host');
  });
});

describe('hostile source: a redirect to another host', () => {
  it.each([301, 302, 307, 308])(
    '%i to another origin: refused, nothing imported',
    async (status) => {
      source.route = (url) =>
        url.pathname === '/feed.json'
          ? { status, headers: { location: `${other.origin}/feed.json` }, body: '' }
          : undefined;
      other.route = (url) => jsonFeedPage(url.origin, 1, undefined);
      const out = await tempContent();
      const error = await failingImport(
        out,
        jsonFeedSource(`${source.origin}/feed.json`, contextFor()),
      );
      expect(error).toBeInstanceOf(ImportError);
      expect(error.message).toBe(
        `GET ${source.origin}/feed.json: redirected to ${other.origin}/feed.json: ${other.origin.slice(7)} is another host (the source is at ${source.origin.slice(7)}); refused (allow it with --allow-host ${other.origin.slice(7)})`,
      );
      expect(other.requests).toEqual([]);
      expect(await listDir(path.join(out, 'articles'))).toEqual([]);
    },
  );

  it('is followed when the editor allowed that host with --allow-host', async () => {
    source.route = () => ({
      status: 302,
      headers: { location: `${other.origin}/feed.json` },
      body: '',
    });
    other.route = (url) => jsonFeedPage(url.origin, 1, undefined);
    const context = contextFor(QUICK_HTTP, { allowHosts: [other.origin.slice(7)] });
    const { summary } = await importInto(
      await tempContent(),
      jsonFeedSource(`${source.origin}/feed.json`, context),
    );
    expect(summary.written).toBe(1);
  });

  it('redirects that never end stop at --max-redirects', async () => {
    source.route = (url) => {
      const hop = Number(url.searchParams.get('hop') ?? '0');
      return { status: 302, headers: { location: `/feed.json?hop=${hop + 1}` }, body: '' };
    };
    const error = await failingImport(
      await tempContent(),
      jsonFeedSource(`${source.origin}/feed.json`, contextFor()),
    );
    expect(error.message).toBe(
      `GET ${source.origin}/feed.json: more than --max-redirects ${DEFAULT_LIMITS.maxRedirects} redirects; stopped at ${source.origin}/feed.json?hop=${DEFAULT_LIMITS.maxRedirects}`,
    );
    expect(source.requests).toHaveLength(DEFAULT_LIMITS.maxRedirects + 1);
  });
});

describe('hostile source: content that points into the machine or its network', () => {
  it.each(['127.0.0.1', 'localhost'])(
    'a feed file naming an image on %s: not fetched unless allowed',
    async (host) => {
      other.route = () => ({
        status: 200,
        headers: { 'content-type': 'image/png' },
        body: png(4, 3),
      });
      const port = new URL(other.origin).port;
      const image = `http://${host}:${port}${DANGER}`;
      const out = await tempContent();
      const file = path.join(out, 'feed.xml');
      await writeFile(
        file,
        rssDocument(
          '<title>A file</title>',
          rssItem(
            'https://news.example.org/story/',
            'A story',
            `<enclosure url="${image.replace('?', '?x=1&amp;')}" type="image/png"/>`,
          ),
        ),
      );
      const context = contextFor();
      await importInto(out, rssSource(file, context), context.warnings);
      expect(other.requests).toEqual([]);
      expect(context.warnings).toHaveLength(1);
      expect(context.warnings[0]).toMatch(
        new RegExp(
          `^story: image .+ has no size and could not be measured \\(GET .+: ${host}(?: is at [0-9a-f.:]+)?: a private, loopback or link-local address, and the source is not there; refused \\(allow it with --allow-host ${host}:${port}\\)\\); left out$`,
        ),
      );

      // The editor's explicit word lets it through.
      const allowed = contextFor(QUICK_HTTP, { allowHosts: [host] });
      await importInto(await tempContent(), rssSource(file, allowed), allowed.warnings);
      expect(allowed.warnings).toEqual([]);
      expect(other.requests).toHaveLength(1);
    },
  );
});

describe('private, loopback and link-local addresses', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '100.64.0.1',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
  ])('%s is private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it('a source on the Internet may not reach 127.0.0.1 or a name that resolves there', async () => {
    const policy = fetchPolicy('https://news.example.org/feed', QUICK_HTTP, {
      allowHosts: [],
      limits: DEFAULT_LIMITS,
    });
    for (const url of [
      'http://127.0.0.1:8080/x.png',
      'http://localhost/x.png',
      'http://[::1]/x.png',
      'http://[::ffff:127.0.0.1]/x.png',
      'http://0x7f.1/x.png',
      'http://2130706433/x.png',
    ])
      expect(await policy.image.guard?.(new URL(url), undefined)).toMatch(
        /a private, loopback or link-local address, and the source is not there; refused/,
      );
    // A source on 127.0.0.1 may be read there, at that address only.
    const local = fetchPolicy('http://127.0.0.1:8080/feed', QUICK_HTTP, {
      allowHosts: [],
      limits: DEFAULT_LIMITS,
    });
    expect(
      await local.image.guard?.(new URL('http://127.0.0.1:9999/x.png'), undefined),
    ).toBeUndefined();
    expect(await local.image.guard?.(new URL('http://10.0.0.1/x.png'), undefined)).toMatch(
      /refused/,
    );
  });

  it('pages stay on the source host, its www. twin included', () => {
    const policy = fetchPolicy('https://example.org/feed', QUICK_HTTP, {
      allowHosts: ['cdn.example.net'],
      limits: DEFAULT_LIMITS,
    });
    expect(policy.pageRefusal('http://example.org/feed?page=2')).toBeUndefined();
    expect(policy.pageRefusal('https://www.example.org/feed?page=2')).toBeUndefined();
    expect(policy.pageRefusal('https://cdn.example.net:8443/feed')).toBeUndefined();
    expect(policy.pageRefusal('https://example.org.evil.test/feed')).toBe(
      'example.org.evil.test is another host (the source is at example.org); refused (allow it with --allow-host example.org.evil.test)',
    );
    expect(policy.pageRefusal('https://example.org:8443/feed')).toMatch(/another host/);
  });
});
