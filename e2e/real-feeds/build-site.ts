/**
 * Builds and serves a site imported from real newsrooms' recorded responses, for
 * `e2e/real-feeds.spec.ts`: a Nigerian news site's WordPress REST API, the RSS feeds of a national
 * newspaper and of a Persian weblog, and two JSON Feeds (one German), as recorded in
 * `scripts/import/test/real/` (see its README for where each came from).
 *
 * Each source is served by a real local HTTP server that behaves like the real one (REST
 * paging headers, `categories?include=`, the REST index). Their photos live on a second
 * 127.0.0.1 origin, as a newsroom's media host or CDN would: every image URL in the
 * recorded responses is pointed there, and that server answers each with a JPEG of the
 * size the URL names. The site is then built exactly as `npm run build` builds the real
 * one, so the build downloads the photos, and served as static files.
 *
 * `node e2e/real-feeds/build-site.ts --port 4176` (Playwright starts it as a web server).
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { jsonFeedSource } from '../../scripts/import/json-feed.ts';
import { rssSource } from '../../scripts/import/rss.ts';
import type { ImportSource } from '../../scripts/import/source.ts';
import { contextFor, importInto } from '../../scripts/import/test/harness.ts';
import { startServer, type Reply, type Route } from '../../scripts/import/test/server.ts';
import { wordpressSource } from '../../scripts/import/wordpress.ts';
import { buildAndServe } from '../build-and-serve.ts';

const { values } = parseArgs({ options: { port: { type: 'string', default: '4176' } } });
const repo = path.resolve(import.meta.dirname, '..', '..');
const real = path.join(repo, 'scripts', 'import', 'test', 'real');
const root = await mkdtemp(path.join(tmpdir(), 'reader-real-feeds-'));
const content = path.join(root, 'content');
await mkdir(path.join(content, 'articles'), { recursive: true });

// The media host: any path is a photo, sized as its name says (WordPress's `-800x450.jpg`,
// a CDN's `?width=460`), else 1200x800; each path its own colour, so no two photos are one.
// The test server answers synchronously: every photo is made before anything asks for it.
const media = await startServer(() => undefined);
async function makePhoto(url: URL): Promise<Buffer> {
  const stated = statedSizes.get(url.href);
  const named = /-(\d{2,4})x(\d{2,4})\.\w+$/.exec(url.pathname);
  const queried = Number(url.searchParams.get('width') ?? url.searchParams.get('w'));
  const width = stated?.width ?? (named ? Number(named[1]) : queried > 0 ? queried : 1200);
  const height = stated?.height ?? (named ? Number(named[2]) : Math.round((width * 2) / 3));
  const [r = 0, g = 0, b = 0] = createHash('sha256').update(url.pathname).digest();
  return sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** An image URL, in text or HTML (in XML its `&` is `&amp;`). */
const IMAGE_URL = /https?:\/\/[\w.-]+\/[^\s"'<>)]*?\.(?:jpe?g|png|gif|webp)(?:\?[^\s"'<>]*)?/gi;
const wanted = new Set<string>();
/** The sizes WordPress states for its files (`media_details`: source_url, width, height). */
const statedSizes = new Map<string, { width: number; height: number }>();

/** Points every image URL at the media host, keeping the original host in the path. */
function withMediaHost(text: string): string {
  return text.replace(IMAGE_URL, (found) => {
    const original = new URL(found.replace(/&amp;/g, '&'));
    const moved = `${media.origin}/${original.host}${original.pathname}${original.search}`;
    wanted.add(moved);
    return found.includes('&amp;') ? moved.replace(/&/g, '&amp;') : moved;
  });
}

/**
 * A recorded response with its image URLs on the media host. JSON is read and written again
 * (WordPress escapes every `/` as `\/`), so the URLs inside its strings, HTML included, are
 * found whole; the data is the same.
 */
async function recorded(name: string): Promise<string> {
  const text = await readFile(path.join(real, name), 'utf8');
  if (!name.endsWith('.json')) return withMediaHost(text);
  const data: unknown = JSON.parse(text, (_, value: unknown) => {
    if (typeof value === 'string') return withMediaHost(value);
    // A reviver sees inner values first: a rendition's source_url is on the media host here.
    const { source_url: url, width, height } = (value ?? {}) as Record<string, unknown>;
    if (typeof url === 'string' && typeof width === 'number' && typeof height === 'number') {
      statedSizes.set(url, { width, height });
    }
    return value;
  });
  return JSON.stringify(data);
}

const json = (body: unknown, headers: Record<string, string> = {}): Reply => ({
  status: 200,
  headers: { 'content-type': 'application/json; charset=UTF-8', ...headers },
  body: JSON.stringify(body),
});

type Term = { id: number; name: string; slug: string; taxonomy: string };

/**
 * A WordPress site's REST API over recorded posts: the index at /wp-json/, posts in pages
 * with X-WP-Total and X-WP-TotalPages, and the categories the posts embed, by `include`.
 */
function wordpressSite(
  index: { name: string; description: string; url: string },
  postsText: string,
): Route {
  const posts = JSON.parse(postsText) as { _embedded?: { 'wp:term'?: Term[][] } }[];
  const categories = posts
    .flatMap((post) => post._embedded?.['wp:term']?.flat() ?? [])
    .filter((term) => term.taxonomy === 'category');
  return (url) => {
    if (url.pathname === '/wp-json/' || url.pathname === '/wp-json') {
      return json({
        ...index,
        home: index.url,
        gmt_offset: 1,
        timezone_string: 'Africa/Lagos',
        namespaces: ['wp/v2'],
      });
    }
    if (url.pathname === '/wp-json/wp/v2/posts') {
      const perPage = Number(url.searchParams.get('per_page') ?? '10');
      const page = Number(url.searchParams.get('page') ?? '1');
      const pages = Math.max(1, Math.ceil(posts.length / perPage));
      return json(posts.slice((page - 1) * perPage, page * perPage), {
        'x-wp-total': String(posts.length),
        'x-wp-totalpages': String(pages),
      });
    }
    if (url.pathname === '/wp-json/wp/v2/categories') {
      const include = (url.searchParams.get('include') ?? '').split(',').map(Number);
      const unique = new Map(categories.map((term) => [term.id, term]));
      return json(
        [...unique.values()]
          .filter((term) => include.includes(term.id))
          .map((term) => ({ ...term, parent: 0, count: 1, description: '', link: '' })),
      );
    }
    return undefined;
  };
}

const warnings: string[] = [];
const importAll = (source: ImportSource) => importInto(content, source, warnings);

const click9ja = await startServer(
  wordpressSite(
    { name: 'Click9ja', description: 'Nigerian news', url: 'https://click9ja.com' },
    await recorded('wordpress-click9ja-posts.json'),
  ),
);
const feeds = new Map<string, string>();
for (const name of [
  'rss-guardian-us.xml',
  'rss-hoder-persian.xml',
  'jsonfeed-daringfireball.json',
  'jsonfeed-3960-de.json',
]) {
  feeds.set(`/${name}`, await recorded(name));
}
const feedServer = await startServer((url) => {
  const body = feeds.get(url.pathname);
  if (body === undefined) return undefined;
  const type = url.pathname.endsWith('.xml') ? 'application/rss+xml' : 'application/feed+json';
  return { status: 200, headers: { 'content-type': `${type}; charset=UTF-8` }, body };
});

// Every photo the responses name is ready before anyone asks for it.
const made = new Map<string, Buffer>();
await Promise.all(
  [...wanted].map(async (href) => {
    const url = new URL(href);
    made.set(`${url.pathname}${url.search}`, await makePhoto(url));
  }),
);
media.route = (url) => {
  const body = made.get(`${url.pathname}${url.search}`);
  return body === undefined
    ? undefined
    : { status: 200, headers: { 'content-type': 'image/jpeg' }, body };
};

try {
  await importAll(
    wordpressSource({ base: `${click9ja.origin}/wp-json`, perPage: 100 }, contextFor()),
  );
  for (const name of feeds.keys()) {
    const url = `${feedServer.origin}${name}`;
    await importAll(
      name.endsWith('.xml') ? rssSource(url, contextFor()) : jsonFeedSource(url, contextFor()),
    );
  }

  // The build, as `npm run build` runs it, on this content; the media host is still up, so
  // the build downloads the photos (into a cache of this site's own).
  const { output, url } = await buildAndServe({
    name: 'real-feeds',
    root,
    port: Number(values.port),
    // The recorded media host is on this machine's loopback, which a build refuses unless allowed.
    env: { READER_IMAGE_CACHE: path.join(root, 'image-cache'), READER_ALLOW_HOSTS: '127.0.0.1' },
  });
  await writeFile(path.join(root, 'dist', 'import-warnings.txt'), [...warnings, output].join('\n'));
  console.log(
    `real-feeds site: built in ${root} from ${feeds.size} feeds and a WordPress site (${wanted.size} photos on ${media.origin}), serving ${url}; ${warnings.length} importer warnings`,
  );
} finally {
  await Promise.all([click9ja.close(), feedServer.close(), media.close()]);
}
