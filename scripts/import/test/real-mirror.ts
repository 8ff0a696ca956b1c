/**
 * The recorded real responses (real/, each described in its README) as a local test server
 * serves them: their image URLs point at the same server's `/mirror/<host>/`, as an importer
 * pointed at a mirror would see them, and that server answers with an image of the width the
 * URL asks for, so nothing is fetched from the internet.
 */
import { readFile } from 'node:fs/promises';
import { png } from './feed-fixtures.ts';
import type { Reply } from './server.ts';

export const real = (name: string) => readFile(new URL(`real/${name}`, import.meta.url), 'utf8');

/** Image hosts of the recorded sources, served from the test server's `/mirror/<host>/`. */
export const IMAGE_HOSTS = [
  'i.guim.co.uk',
  'hquarters.co.id/wp-content',
  'click9ja.com/wp-content',
  'www.dcrainmaker.com/images',
  'media.dcrainmaker.com',
  'cdn.3960.org',
  'stats.3960.org',
];

export function mirrored(text: string, origin: string): string {
  return IMAGE_HOSTS.reduce(
    (served, host) =>
      served.replace(
        new RegExp(`https?://${host.replace(/[.]/g, '\\.')}`, 'g'),
        `${origin}/mirror/${host}`,
      ),
    text,
  );
}

/** An image as wide as the URL asks (`?w=460`), 3:5 high; 640x400 when it does not say. */
export function mirrorImage(url: URL): Reply {
  const width = Number(url.searchParams.get('w') ?? '640');
  return {
    status: 200,
    headers: { 'content-type': 'image/png' },
    body: png(width, Math.round((width * 3) / 5)),
  };
}

/**
 * Not recorded: the categories the recorded WordPress posts name (click9ja's, hquarters'), as
 * `categories?include=` returns them.
 */
export const RECORDED_CATEGORIES = [
  { id: 1, name: 'Uncategorized', slug: 'uncategorized', parent: 0 },
  { id: 22, name: 'Tenant', slug: 'tenant', parent: 0 },
  { id: 2, name: 'NEWS', slug: 'news', parent: 0 },
  { id: 144, name: 'POLITICS', slug: 'politics', parent: 2 },
];
