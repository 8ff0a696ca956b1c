/**
 * The content build: reads `content/articles/*.md` and `content/images/`, checks every rule
 * across the whole corpus, and produces the static JSON API, feeds and sitemaps.
 * `buildContent` returns them in memory (dev server, tests); `write-content.ts` writes them to
 * disk incrementally. Either way every problem is found before anything is produced, so bad
 * content never half-lands.
 *
 * Each article file is read once (on every core for a large archive); the cross-article
 * steps (order, related, checks) follow, and then the article JSON is assembled around each
 * body without parsing it again.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import { apiPaths, type ArticleSummary, type Named } from '../../src/contract/article.ts';
import { site } from '../../src/config/site.ts';
import type { ArticleRecord, ImageSources, LocalImages } from './article-record.ts';
import type { RenderItem, Scanned } from './content-jobs.ts';
import {
  articlePrefix,
  articleSuffix,
  danglingReferences,
  duplicateSlugs,
  feedIndexes,
  newestFirst,
  relatedIndexes,
} from './corpus.ts';
import { archivePages, collectArchives, sectionMenu, type CollectedArchive } from './archives.ts';
import { listFiles } from './list-pages.ts';
import { buildFeeds, FEED_LIMIT, type FeedArticle } from './feeds.ts';
import { runJobs } from './job-pool.ts';
import {
  fetchRemoteImages,
  imageCacheDir as imageCacheDirFor,
  readRemoteImages,
  remoteVariants,
  type RemoteImage,
  type RemoteImages,
} from './remote-images.ts';
import { isRaster, makeVariants, makeVariantsOnce } from './responsive-images.ts';
import { ContentError, type Problem } from './problem.ts';
import { visibleControls } from '../lib/visible-controls.ts';
import { buildSitemaps, sitemapEntries } from './sitemap.ts';
import { latestChanges, updateEntry, updatesOutput, UPDATES_NEWEST } from './updates.ts';

export type BuildOptions = {
  /** The folder holding `articles/` and `images/`. */
  contentDir: string;
  /** Folder of the JSON API in the bundle. */
  apiDir?: string;
  /** URL path images are published under (the site's base path + `images/`). */
  imageBase?: string;
  pageSize?: number;
  /** Shown in messages instead of absolute paths. */
  rootDir?: string;
  /** Where the site is published, for feeds and sitemaps (default: `SITE_URL`, else site.url). */
  siteUrl?: string;
  /** Use worker threads from this many articles up (default 2,000). */
  workerThreshold?: number;
  /** Where warnings go (photos that could not be downloaded); default: standard error. */
  warn?: (message: string) => void;
  /** Which photo URLs the build may download (default: all); the others are left out. */
  mayDownload?: (url: string) => boolean;
  /**
   * Hosts (`name` or `name:port`) photos may be downloaded from although their address is
   * private, loopback or link-local (default: `READER_ALLOW_HOSTS`, comma-separated; none).
   */
  allowHosts?: readonly string[];
};

export type Settings = {
  contentDir: string;
  apiDir: string;
  imageBase: string;
  pageSize: number;
  rootDir: string;
  siteUrl: string;
  workerThreshold: number;
  imagesDir: string;
  localImages: LocalImages;
  /** The download cache of photos named by URL, and what it holds (remote-images.ts). */
  imageCacheDir: string;
  remoteImages: RemoteImages;
  warn: (message: string) => void;
  mayDownload: (url: string) => boolean;
  allowHosts: readonly string[];
};

/**
 * An article file. `removed` marks one in `content/unpublished/`: a tombstone that keeps the
 * article's place in every list, showing nothing there (decision 025).
 */
export type ArticleFile = { abs: string; file: string; removed?: true };

/** The corpus, scanned and checked: records newest first, and what each output needs. */
export type Corpus = {
  ordered: ArticleRecord[];
  /** By index in `ordered`: the content hash of the file, its summary as JSON, its related. */
  hashes: string[];
  summaryJson: string[];
  related: number[][];
  abs: string[];
};

export type ContentOutput = {
  /** Output path (relative to the bundle root) -> file contents. */
  files: Map<string, string | Uint8Array>;
  articleCount: number;
};

const FILES_PER_JOB = 250;

export async function settingsFor(options: BuildOptions): Promise<Settings> {
  const imagesDir = path.join(options.contentDir, 'images');
  const rootDir = options.rootDir ?? process.cwd();
  const imageCacheDir = imageCacheDirFor(rootDir);
  return {
    contentDir: options.contentDir,
    apiDir: options.apiDir ?? 'api',
    imageBase: options.imageBase ?? '/images/',
    pageSize: options.pageSize ?? site.pageSize,
    rootDir,
    siteUrl: (options.siteUrl ?? process.env.SITE_URL ?? site.url).replace(/\/+$/, ''),
    workerThreshold: options.workerThreshold ?? 2000,
    imagesDir,
    localImages: await readLocalImages(imagesDir),
    imageCacheDir,
    remoteImages: await readRemoteImages(imageCacheDir),
    warn: options.warn ?? ((message) => console.warn(visibleControls(`warning: ${message}`))),
    mayDownload: options.mayDownload ?? (() => true),
    allowHosts:
      options.allowHosts ??
      (process.env.READER_ALLOW_HOSTS ?? '').split(',').filter((host) => host.trim() !== ''),
  };
}

/** The folder of articles taken down, beside `articles/`. */
export const UNPUBLISHED_DIR = 'unpublished';

/**
 * Lists the article files, with the names messages use: `articles/*.md`, and the tombstones
 * in `unpublished/*.md` (a name in both is the published article's).
 */
export async function listArticles(settings: Settings): Promise<ArticleFile[]> {
  const [published, removed] = await Promise.all([
    markdownFiles(settings, 'articles'),
    markdownFiles(settings, UNPUBLISHED_DIR),
  ]);
  if (removed.files.length === 0) return published.files;
  const names = new Set(published.names);
  const tombstones = removed.files.flatMap((file, index) =>
    names.has(removed.names[index] ?? '') ? [] : [{ ...file, removed: true as const }],
  );
  return [...published.files, ...tombstones].sort((a, b) => {
    const [x, y] = [a.abs.slice(a.abs.lastIndexOf('/')), b.abs.slice(b.abs.lastIndexOf('/'))];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

async function markdownFiles(settings: Settings, folder: string) {
  const dir = path.join(settings.contentDir, folder);
  const names = (await readdir(dir).catch((error: unknown) => {
    // An archive need not have taken anything down; it must have its articles.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && folder === UNPUBLISHED_DIR) return [];
    throw error;
  }))
    .filter((name) => name.endsWith('.md'))
    .sort();
  // One path computation for the folder, not 100,000: path.join's result holds on to every
  // piece it was made from, which at 100,000 files costs over 40 MB.
  const shown = path.relative(settings.rootDir, dir) || dir;
  return { names, files: names.map((name) => ({ abs: `${dir}/${name}`, file: `${shown}/${name}` })) };
}

/**
 * Reads `files` into records and bodies. With `stagingDir`, each article's JSON is written
 * there up to its Related list; otherwise bodies come back as JSON text. Photos the articles
 * name by URL and the cache lacks are downloaded, and those articles read again; a photo
 * that cannot be downloaded is left out of its article with a warning.
 */
export async function scanFiles(
  files: ArticleFile[],
  settings: Settings,
  stagingDir?: string,
  /** Called with each file as it is read, by its index in `files`. */
  onRead?: (scanned: Scanned, index: number) => void,
): Promise<Scanned[]> {
  const waiting = new Map<number, Scanned>();
  const scanned = await scanOnce(files, settings, stagingDir, (file, index) => {
    if (file.record?.pendingImages) waiting.set(index, file);
    else onRead?.(file, index);
  });
  if (waiting.size === 0) return scanned;
  const urls = [...waiting.values()].flatMap((file) => file.record?.pendingImages ?? []);
  const failures = await fetchRemoteImages(
    urls,
    settings.remoteImages,
    settings.imageCacheDir,
    settings.mayDownload,
    settings.allowHosts,
  );
  const indexes = [...waiting.keys()];
  const again = await scanOnce(
    indexes.map((index) => files[index] ?? { abs: '', file: '' }),
    settings,
    stagingDir,
    (file, position) => onRead?.(file, indexes[position] ?? -1),
  );
  again.forEach((file, position) => {
    const index = indexes[position];
    if (index !== undefined) scanned[index] = file;
    for (const url of file.record?.pendingImages ?? []) {
      settings.warn(
        `${file.file}: image ${url} could not be downloaded (${failures.get(url) ?? 'unknown reason'}); the article is published without it`,
      );
    }
    if (file.record) delete file.record.pendingImages;
  });
  return scanned;
}

async function scanOnce(
  files: ArticleFile[],
  settings: Settings,
  stagingDir: string | undefined,
  onRead: (scanned: Scanned, index: number) => void,
): Promise<Scanned[]> {
  const results: Scanned[][] = [];
  const shared = new Map<string, unknown>();
  const jobs = Math.ceil(files.length / FILES_PER_JOB);
  await runJobs(
    (index) => index >= jobs ? undefined : ({
      kind: 'scan',
      files: files.slice(index * FILES_PER_JOB, (index + 1) * FILES_PER_JOB),
      images: imageSources(settings),
      imageBase: settings.imageBase,
      ...(stagingDir ? { stagingDir } : {}),
    }),
    (index, result) => {
      const scanned = result as Scanned[];
      scanned.forEach((file, position) => {
        const listed = files[index * FILES_PER_JOB + position];
        if (listed) Object.assign(file, listed);
        if (file.record) shareCopies(file.record, file.file, shared);
        onRead(file, index * FILES_PER_JOB + position);
      });
      results[index] = scanned;
    },
    { useWorkers: files.length >= settings.workerThreshold },
  );
  return results.flat();
}

function imageSources(settings: Settings): ImageSources {
  return { local: settings.localImages, remote: settings.remoteImages };
}

/**
 * Records arrive from the workers with copies of what other records hold too: every tag,
 * author and section (a corpus has a few hundred), and the slugs of the articles they link
 * to. Each record points at one shared copy instead: at 100,000 articles, over 150 MB less.
 */
function shareCopies(record: ArticleRecord, file: string, shared: Map<string, unknown>) {
  const share = <T>(key: string, value: T): T => {
    const known = shared.get(key);
    if (known !== undefined) return known as T;
    shared.set(key, value);
    return value;
  };
  const shareNamed = <T extends Named>(value: T) => share(JSON.stringify(value), value);
  const shareSlug = (slug: string) => share(slug, slug);
  record.file = file;
  record.tags = record.tags.map(shareNamed);
  record.authors = record.authors.map(shareNamed);
  record.summary.section = shareNamed(record.summary.section);
  record.summary.slug = shareSlug(record.summary.slug);
  record.related = record.related.map(shareSlug);
  record.linked = record.linked.map(shareSlug);
}

/** Orders and relates the scanned records; problems of the scan and duplicate slugs. */
export function assembleCorpus(scanned: Scanned[]): { corpus: Corpus; problems: Problem[] } {
  const problems = scanned.flatMap((file) => file.problems);
  const hashOf = new Map<ArticleRecord, Scanned>();
  for (const file of scanned) if (file.record) hashOf.set(file.record, file);
  const ordered = newestFirst(hashOf.keys());
  problems.push(...duplicateSlugs(ordered));
  return {
    corpus: {
      ordered,
      hashes: ordered.map((record) => hashOf.get(record)?.hash ?? ''),
      abs: ordered.map((record) => hashOf.get(record)?.abs ?? ''),
      summaryJson: ordered.map((record) => hashOf.get(record)?.summaryJson ?? '{}'),
      related: relatedIndexes(ordered),
    },
    problems,
  };
}

/** What goes around an article's body: its summary, tags and related summaries. */
export function articleParts(corpus: Corpus, index: number): { prefix: string; suffix: string } {
  const record = corpus.ordered[index];
  if (record === undefined) throw new Error(`no article at index ${index}`);
  return {
    prefix: articlePrefix(record, corpus.summaryJson[index] ?? '{}'),
    suffix: relatedSuffix(corpus, index),
  };
}

export function relatedSuffix(corpus: Corpus, index: number): string {
  return articleSuffix((corpus.related[index] ?? []).map((other) => corpus.summaryJson[other] ?? ''));
}

/**
 * Completes or writes article files (and any other outputs handed over) on every core;
 * returns problems met on the way. Items are taken a job at a time from `items`, so 100,000
 * of them are never held at once.
 */
export async function writeArticles(
  items: Iterator<RenderItem>,
  settings: Settings,
  isAtomic: boolean,
  useWorkers: boolean,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  await runJobs(
    () => {
      const batch: RenderItem[] = [];
      while (batch.length < FILES_PER_JOB) {
        const item = items.next();
        if (item.done === true) break;
        batch.push(item.value);
      }
      if (batch.length === 0) return undefined;
      return { kind: 'render', images: imageSources(settings), imageBase: settings.imageBase, isAtomic, items: batch };
    },
    (_, result) => {
      problems.push(...(result as Problem[]));
    },
    { useWorkers },
  );
  return problems;
}

/** Exact reference checks, once every article's slug is known. */
export function referenceProblems(corpus: Corpus): Problem[] {
  const slugs = new Set(corpus.ordered.map((record) => record.summary.slug));
  return danglingReferences(corpus.ordered, slugs);
}

/** The lists' pages and fronts, the section menu, feeds and sitemaps: every output but the articles and images. */
export function* indexOutputs(
  corpus: Corpus,
  settings: Settings,
  /** Told which articles (by index in `corpus.ordered`) the feeds and archives show. */
  onIndexes?: (feeds: number[], archives: Map<string, CollectedArchive>) => void,
): Generator<[string, string]> {
  const total = corpus.ordered.length;
  const summaryAt = (index: number) => corpus.summaryJson[index] ?? '{}';
  const isShown = (record: ArticleRecord) => record.removed !== true;
  const shown = corpus.ordered.filter(isShown).length;
  yield* latestFiles(settings, total, summaryAt, undefined, shown);
  yield updatesOutput(
    settings.apiDir,
    corpus.ordered.slice(0, UPDATES_NEWEST).filter(isShown).map(updateEntry),
    latestChanges(corpus.ordered.slice(UPDATES_NEWEST).filter(isShown).map((record) => record.summary)),
  );
  const archives = collectArchives(corpus.ordered);
  yield [`${settings.apiDir}/${apiPaths.sectionMenu()}`, JSON.stringify(sectionMenu(archives))];
  const recordAt = (index: number) => corpus.ordered[index];
  const isRemovedAt = (index: number) => corpus.ordered[index]?.removed === true;
  for (const archive of archives.values()) {
    yield* archivePages(archive, summaryAt, recordAt, isRemovedAt, settings.apiDir, settings.pageSize);
  }
  if (total === 0) {
    onIndexes?.([], archives);
    return;
  }
  // Only the newest articles of the site and of each section reach a feed: pick them in one
  // pass instead of copying 100,000 summaries. A place taken down is counted, not shown.
  const wanted = feedIndexes(corpus.ordered, FEED_LIMIT);
  onIndexes?.(wanted, archives);
  yield* feedOutputs(
    settings,
    wanted.flatMap((index) => {
      const record = corpus.ordered[index];
      if (record === undefined || record.removed === true) return [];
      return [feedArticle(corpus.summaryJson[index] ?? '{}', record.authors, record.tags)];
    }),
  );
  yield* sitemapOutputs(
    settings,
    corpus.ordered.map((record) => ({ ...record.summary, isRemoved: record.removed === true })),
  );
}

/** The latest articles' pages and front (all, or `only` those), from the newest-first summaries. */
export function* latestFiles(
  settings: Settings,
  total: number,
  summaryAt: (index: number) => string,
  only?: ReadonlySet<number | 'front'>,
  /** How many of the `total` places hold an article that was not taken down. */
  shown = total,
): Generator<[string, string]> {
  for (const [page, json] of listFiles(total, settings.pageSize, summaryAt, only, shown)) {
    const file = page === 'front' ? apiPaths.latestFront() : apiPaths.latest(page);
    yield [`${settings.apiDir}/${file}`, json];
  }
}

/** What a feed shows of an article: its summary, authors and tags. */
export function feedArticle(summaryJson: string, authors: Named[], tags: Named[]): FeedArticle {
  const summary = JSON.parse(summaryJson) as ArticleSummary;
  return { ...summary, authors, tags };
}

export function feedOutputs(settings: Settings, articles: FeedArticle[]): Iterable<[string, string]> {
  const feedSite = {
    name: site.name,
    url: settings.siteUrl,
    language: site.language,
    description: site.tagline,
  };
  return buildFeeds(feedSite, articles);
}

/** The sitemaps, from every article's slug and time of change, newest first. */
export function sitemapOutputs(
  settings: Settings,
  articles: readonly (Pick<ArticleSummary, 'slug' | 'modified'> & { isRemoved?: boolean })[],
  /** Only the files holding these places (oldest first, the home page last) and the index. */
  onlyPlaces?: Iterable<number>,
): Iterable<[string, string]> {
  return buildSitemaps(settings.siteUrl, sitemapEntries(articles), { onlyPlaces });
}

/** The whole JSON API, feeds, sitemaps and images, in memory. */
export async function buildContent(options: BuildOptions): Promise<ContentOutput> {
  const settings = await settingsFor(options);
  const scanned = await scanFiles(await listArticles(settings), settings);
  const { corpus, problems } = assembleCorpus(scanned);
  const byAbs = new Map(scanned.map((file) => [file.abs, file]));
  problems.push(...referenceProblems(corpus));
  if (problems.length > 0) throw new ContentError(problems);

  const files = new Map<string, string | Uint8Array>();
  corpus.ordered.forEach((record, index) => {
    if (record.removed === true) return;
    const { prefix, suffix } = articleParts(corpus, index);
    const body = byAbs.get(corpus.abs[index] ?? '')?.bodyJson ?? '[]';
    files.set(`${settings.apiDir}/${apiPaths.article(record.summary.slug)}`, prefix + body + suffix);
  });
  for (const [name, text] of indexOutputs(corpus, settings)) files.set(name, text);
  const images = new Set(publishedImages(corpus.ordered));
  const downloads = downloadsByName(settings);
  for (const name of [...images].sort()) {
    for (const [file, bytes] of await publishedImage(settings, name, downloads, makeVariantsOnce)) {
      files.set(`images/${file}`, bytes);
    }
  }
  return { files, articleCount: corpus.ordered.length };
}

/**
 * One image as published (name under images/ -> bytes): the file, and for a photo its
 * variants. A downloaded photo's come from the download cache, made there once.
 */
export async function publishedImage(
  settings: Settings,
  name: string,
  downloads: ReadonlyMap<string, RemoteImage>,
  makeLocalVariants: typeof makeVariants,
): Promise<Map<string, Uint8Array>> {
  const downloaded = downloads.get(name);
  const folder = downloaded ? settings.imageCacheDir : settings.imagesDir;
  const bytes = await readFile(path.join(folder, name));
  const published = new Map<string, Uint8Array>([[name, bytes]]);
  if (!isRaster(name)) return published;
  const variants = downloaded
    ? await remoteVariants(downloaded, settings.imageCacheDir)
    : await makeLocalVariants(name, bytes, settings.localImages[name]?.width ?? 0);
  for (const [variant, variantBytes] of variants) published.set(variant, variantBytes);
  return published;
}

/** The images the published articles show (an article taken down brings none). */
export function publishedImages(records: Iterable<ArticleRecord>): string[] {
  return [...records].flatMap((record) => (record.removed === true ? [] : record.images));
}

/** The downloaded photos by their name under images/. */
export function downloadsByName(settings: Settings): Map<string, RemoteImage> {
  return new Map(Object.values(settings.remoteImages).map((image) => [image.name, image]));
}

async function readLocalImages(dir: string): Promise<LocalImages> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    return {};
  }
  const sizes: LocalImages = {};
  await Promise.all(
    names.map(async (name) => {
      try {
        const { width, height } = imageSize(await readFile(path.join(dir, name)));
        sizes[name] = { width, height };
      } catch {
        // Not an image the build can size: an article that uses it is told so.
      }
    }),
  );
  return sizes;
}
