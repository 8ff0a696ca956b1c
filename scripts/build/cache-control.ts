/**
 * How long browsers and CDNs may keep each kind of file (decision 024), one table for every
 * host file the build writes and for the preview server:
 *
 * - files whose name changes whenever their bytes do (Vite's `assets/`, photos named by the
 *   SHA-256 of their bytes under `images/remote/`) are kept for a year and never asked for
 *   again;
 * - everything else (pages, the JSON API, feeds, sitemaps, the worker, local photos) is
 *   revalidated by browsers on every use: an ETag answer of 304 costs a round trip, and a
 *   correction or a takedown reaches every reader at once. A CDN in front of object storage
 *   may keep these for a year as long as each deploy purges what the change list names
 *   (docs/deploying.md): a full archive page, which never changes, then stays in the CDN.
 */

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'public, max-age=0, must-revalidate';
/** For a CDN that the deploy purges by the change list: kept there, revalidated by browsers. */
export const CDN_KEPT = 'public, max-age=0, s-maxage=31536000, must-revalidate';

/** The folders whose files never change under their name, from the site's root. */
export const IMMUTABLE_FOLDERS = ['assets', 'images/remote'] as const;

/** Request paths under those folders (nginx, Apache and the preview server test it). */
export const IMMUTABLE_PATH = new RegExp(`^/(?:${IMMUTABLE_FOLDERS.join('|')})/`);

/** The `Cache-Control` a file of the site is served with, by its request path. */
export function cacheControlFor(urlPath: string): string {
  return IMMUTABLE_PATH.test(urlPath) ? IMMUTABLE : REVALIDATE;
}
