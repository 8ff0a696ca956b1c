/**
 * Hostile sources for the attack tests: a WordPress site and feeds that never stop paging,
 * categories whose parents loop or run deep, and a server that streams an endless answer.
 * Each is generated on request, so a source "of a million pages" costs nothing to serve.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { json, type Reply } from './server.ts';

const DATE = '2023-08-10T09:30:00';

/** A WordPress post as the REST API gives it, with just what the importer reads. */
export function wordpressPost(origin: string, id: number, categories: number[] = []) {
  return {
    id,
    date_gmt: DATE,
    modified_gmt: DATE,
    slug: `post-${id}`,
    link: `${origin}/post-${id}/`,
    title: { rendered: `Post number ${id}` },
    content: { rendered: `<p>The words of post number ${id}.</p>` },
    excerpt: { rendered: '' },
    categories,
  };
}

/** The REST index and the site's feed, which every WordPress import reads once. */
export function wordpressSite(url: URL): Reply | undefined {
  if (url.pathname === '/wp-json/') return json({ name: 'Hostile', home: url.origin });
  return undefined;
}

export function jsonFeedPage(origin: string, page: number, next: string | undefined) {
  return json({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Hostile feed',
    items: [
      {
        id: String(page),
        url: `${origin}/item-${page}/`,
        title: `Item number ${page}`,
        content_text: `The words of item number ${page}.`,
        date_published: '2023-08-10T09:30:00Z',
      },
    ],
    ...(next === undefined ? {} : { next_url: next }),
  });
}

export function rssFeed(channel: string, items: string, next?: string): Reply {
  return {
    status: 200,
    headers: { 'content-type': 'application/rss+xml' },
    body: rssDocument(channel, items, next),
  };
}

export function rssDocument(channel: string, items: string, next?: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
${channel}
${next === undefined ? '' : `<atom:link rel="next" href="${next}"/>`}
${items}
</channel>
</rss>`;
}

export function rssItem(link: string, title: string, extra = ''): string {
  return `<item><title>${title}</title><link>${link}</link><pubDate>Thu, 10 Aug 2023 09:30:00 GMT</pubDate><description>The words of ${title}.</description>${extra}</item>`;
}

export type FloodServer = {
  origin: string;
  /** Bytes the server managed to send before the client stopped reading. */
  sent: () => number;
  close: () => Promise<void>;
};

/**
 * A server that answers every request with `total` bytes of JSON-looking text, generated as
 * it is sent (never held in memory), honouring back-pressure, and stopping when the client
 * goes away. With `declare`, it states the size in Content-Length first.
 */
export async function startFlood(total: number, declare: boolean): Promise<FloodServer> {
  let sent = 0;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const server = createServer((_request, response) => {
    response.writeHead(200, {
      'content-type': 'application/json',
      ...(declare ? { 'content-length': String(total) } : {}),
    });
    let left = total;
    let gone = false;
    response.on('close', () => (gone = true));
    const pump = () => {
      while (left > 0 && !gone) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        sent += piece.length;
        if (!response.write(piece)) {
          response.once('drain', pump);
          return;
        }
      }
      if (!gone) response.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    sent: () => sent,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
