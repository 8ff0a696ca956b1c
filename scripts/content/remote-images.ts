/**
 * Photos an article names by URL (`https://…`, as every importer writes them), made the
 * site's own (decision 012). The build downloads each URL once into a content-addressed
 * cache, measures its true size, and publishes it beside the local photos under
 * `images/remote/`, through the same responsive variants. So the page asks only its own
 * origin for images, the Content-Security-Policy stays `img-src 'self'`, readers are not
 * tracked by the source's image host, and a photo read offline is the site's own file.
 *
 * The cache (`.cache/images/` beside the project, or `READER_IMAGE_CACHE`) holds:
 * - `index.json`: URL -> the file's name, true width and height;
 * - `remote/<sha256>.<ext>`: each photo's bytes, named by their hash, so two URLs of one
 *   photo share a file;
 * - `remote/<sha256>-<width>.<format>`: its variants, encoded once and copied thereafter.
 * A URL in the index is never downloaded again, and its variants never encoded again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { httpGet, type HttpOptions } from '../lib/http.ts';
import { privateAddressCheck } from '../lib/network-address.ts';
import { imageVariant } from '../../src/contract/article.ts';
import { writeFileAtomic } from './write-file-atomic.ts';
import { imageWidths, makeVariants, VARIANT_FORMATS } from './responsive-images.ts';

/** A downloaded photo: its name under `images/` and its true size, upright. */
export type RemoteImage = { name: string; width: number; height: number };

/** The cache's index: what each URL the content names was found to be. */
export type RemoteImages = Record<string, RemoteImage>;

/** Why a URL could not be made a photo of the site, by URL. */
export type RemoteFailures = Map<string, string>;

export const REMOTE_FOLDER = 'remote';

/** Larger answers are not photos a newsroom means to publish (and could exhaust memory). */
const MAX_BYTES = 25 * 1024 * 1024;
/** Per photo: a host that is down costs one minute at most, not the build. */
const HTTP: HttpOptions = { timeoutMs: 20_000, attempts: 3, retryDelayMs: 1_000 };
/** Downloads at once: enough to hide latency, few enough not to look like an attack. */
const CONCURRENCY = 4;

/** Formats the browser shows and sharp reads, with the extension each is published with. */
const EXTENSIONS: Record<string, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  heif: 'avif',
  gif: 'gif',
};

export function isRemoteSrc(src: string): boolean {
  return /^https?:\/\//i.test(src);
}

/**
 * A URL over plain http to another machine. This machine's own loopback (the tests' servers)
 * is no network anyone can listen on or alter, so it may stay http.
 */
function isPlainHttp(url: string): boolean {
  if (!/^http:/i.test(url)) return false;
  try {
    const host = new URL(url).hostname;
    return !(host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host));
  } catch {
    return true;
  }
}

export function imageCacheDir(rootDir: string): string {
  return path.resolve(process.env.READER_IMAGE_CACHE ?? path.join(rootDir, '.cache/images'));
}

export async function readRemoteImages(cacheDir: string): Promise<RemoteImages> {
  let text: string;
  try {
    text = await readFile(path.join(cacheDir, 'index.json'), 'utf8');
  } catch {
    return {};
  }
  try {
    const index = JSON.parse(text) as unknown;
    if (typeof index !== 'object' || index === null) return {};
    // An entry whose file has gone (a cache pruned by hand) is downloaded again.
    return Object.fromEntries(
      Object.entries(index as RemoteImages).filter(
        ([, image]) =>
          typeof image?.name === 'string' &&
          existsSync(path.join(cacheDir, image.name)) &&
          Number.isInteger(image.width) &&
          Number.isInteger(image.height),
      ),
    );
  } catch {
    // A damaged index costs downloads, not a failed build.
    return {};
  }
}

/**
 * Downloads the URLs not yet in `images` into the cache and adds them to it (and to the
 * index on disk). Returns why each URL that could not be fetched failed; those are tried
 * again by the next build that reads their article.
 */
export async function fetchRemoteImages(
  urls: Iterable<string>,
  images: RemoteImages,
  cacheDir: string,
  /** Which URLs may be downloaded; the others fail without a request. */
  mayDownload: (url: string) => boolean = () => true,
  /** Hosts (`name` or `name:port`) that may be downloaded from although on a private address. */
  allowHosts: readonly string[] = [],
): Promise<RemoteFailures> {
  const http: HttpOptions = { ...HTTP, guard: privateAddressGuard(allowHosts) };
  const failures: RemoteFailures = new Map();
  const wanted: string[] = [];
  for (const url of new Set(urls)) {
    if (Object.hasOwn(images, url)) continue;
    const refused = isPlainHttp(url)
      ? 'plain http: photos are downloaded only over https, which nobody on the way can alter'
      : mayDownload(url)
        ? undefined
        : 'its host is not one the build may download from';
    if (refused === undefined) wanted.push(url);
    else failures.set(url, refused);
  }
  wanted.sort();
  if (wanted.length === 0) return failures;
  await mkdir(path.join(cacheDir, REMOTE_FOLDER), { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const url = wanted[next++];
      if (url === undefined) break;
      try {
        images[url] = await download(url, cacheDir, http);
      } catch (error) {
        // The warning names the URL already: "GET <url>: HTTP 404 Not Found" says it twice.
        const message = error instanceof Error ? error.message : String(error);
        failures.set(url, message.replace(`GET ${url}: `, ''));
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const index = path.join(cacheDir, 'index.json');
  const sorted = Object.fromEntries(Object.entries(images).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileAtomic(index, `${JSON.stringify(sorted, null, 1)}\n`);
  return failures;
}

/**
 * Refuses, before anything is sent, a URL or a redirect hop whose host resolves to a private,
 * loopback or link-local address: a photo URL in an article must not make the build machine
 * request its cloud's metadata service or a service on its own network. Hosts the builder
 * named in `READER_ALLOW_HOSTS` (a test's server on 127.0.0.1) are exempt.
 */
function privateAddressGuard(allowHosts: readonly string[]): HttpOptions['guard'] {
  const allowed = new Set(allowHosts.map((host) => host.trim().toLowerCase()));
  const check = privateAddressCheck({
    timeoutMs: HTTP.timeoutMs,
    refusal: (url, where) =>
      `${url.hostname}${where}: a private, loopback or link-local address; not downloaded (allow it with READER_ALLOW_HOSTS=${url.host})`,
  });
  return async (url) => (allowed.has(url.host) || allowed.has(url.hostname) ? undefined : check(url));
}

async function download(url: string, cacheDir: string, http: HttpOptions): Promise<RemoteImage> {
  const { body } = await httpGet(url, http, {
    accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8',
    limitBytes: MAX_BYTES,
  });
  const bytes = Buffer.from(body);
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch {
    throw new Error('not an image (JPEG, PNG, WebP, AVIF or GIF)');
  }
  const extension = EXTENSIONS[metadata.format];
  if (extension === undefined || !metadata.width || !metadata.height) {
    throw new Error(`not an image the reader publishes (${metadata.format})`);
  }
  // Variants are rotated upright (EXIF orientations 5 to 8 turn the picture a quarter).
  const isTurned = (metadata.orientation ?? 1) >= 5;
  const width = isTurned ? metadata.height : metadata.width;
  const height = isTurned ? metadata.width : metadata.height;
  if (width === 1 && height === 1) throw new Error('a 1x1 tracking pixel, not a photo');
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const name = `${REMOTE_FOLDER}/${hash}.${extension}`;
  const file = path.join(cacheDir, name);
  if (!existsSync(file)) writeFileAtomic(file, bytes);
  return { name, width, height };
}

/**
 * The published variants of a downloaded photo (name -> bytes), from the cache when it has
 * them all, else encoded once and kept there.
 */
export async function remoteVariants(
  image: RemoteImage,
  cacheDir: string,
): Promise<Map<string, Uint8Array>> {
  const names = imageWidths(image.width).flatMap((width) =>
    VARIANT_FORMATS.map((format) => imageVariant(image.name, width, format)),
  );
  if (names.every((name) => existsSync(path.join(cacheDir, name)))) {
    const entries = await Promise.all(
      names.map(async (name) => [name, await readFile(path.join(cacheDir, name))] as const),
    );
    return new Map(entries);
  }
  const variants = await makeVariants(
    image.name,
    await readFile(path.join(cacheDir, image.name)),
    image.width,
  );
  for (const [name, bytes] of variants) writeFileAtomic(path.join(cacheDir, name), bytes);
  return variants;
}
