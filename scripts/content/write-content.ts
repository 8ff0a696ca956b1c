/**
 * The content build on disk, incremental by content hash. A file whose size and time are
 * unchanged is not read again; a changed one is read again, and an output is written only
 * when what it is made of changed. When an edit leaves everything lists are made of as it
 * was (the usual fix to a body), only that article is rendered and written.
 *
 * Nothing is published before every problem has been found. A first (or large) build renders
 * the API into a staging folder beside the output and swaps it in whole; an incremental one
 * renders the few changed articles in memory. Every file is written beside its target and
 * renamed into place, and the record of what is on disk (the manifest) is saved last.
 */
import { mkdirSync } from 'node:fs';
import {
  appendFileSync,
  closeSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs';
import {
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { apiPaths } from '../../src/contract/article.ts';
import type { ArticleRecord } from './article-record.ts';
import { makeVariants } from './responsive-images.ts';
import {
  assembleCorpus,
  articleParts,
  feedArticle,
  feedOutputs,
  indexOutputs,
  latestFiles,
  sitemapOutputs,
  relatedSuffix,
  listArticles,
  downloadsByName,
  publishedImage,
  publishedImages,
  referenceProblems,
  scanFiles,
  writeArticles,
  settingsFor,
  type ArticleFile,
  type BuildOptions,
  type Settings,
} from './build-content.ts';
import {
  contentHash,
  summaryHashOf,
  type RenderItem,
  type Scanned,
} from './content-jobs.ts';
import { archivePages, type CollectedArchive } from './archives.ts';
import { filesShowing } from './list-pages.ts';
import { articlePrefix, articleSuffix, danglingReferences } from './corpus.ts';
import { ContentError } from './problem.ts';
import { trace } from './trace.ts';
import { latestChanges, updateEntry, updatesOutput, UPDATES_NEWEST } from './updates.ts';
import { writeFileAtomic } from './write-file-atomic.ts';
import type { ChangeRecorder } from '../build/change-list.ts';

/**
 * Bump when the build's output or the manifest's shape changes: every output is redone.
 * 12: names made addresses fold every Latin letter (`Tahıl` -> `tahil`).
 * 13: lists are paged from their oldest article, with a front file each (decision 019).
 * 14: the section menu keeps the order the newsroom first published in its sections.
 * 15: articles taken down keep their places (decision 025); sitemap files of 10,000 URLs.
 */
const MANIFEST_VERSION = 15;
const MARKER = '.content-build';
/** Past this many articles to render, a staging folder beats rendering in memory. */
const STAGING_THRESHOLD = 5000;

/**
 * What the last build read and wrote, in columns (arrays of strings and numbers serialise
 * several times faster than 100,000 small objects). Per file, by index in `abs`.
 */
type Manifest = {
  version: number;
  /** The settings the outputs were built with; other settings mean a fresh build. */
  settingsKey: string;
  buildId: string;
  abs: string[];
  mtime: number[];
  size: number[];
  hash: string[];
  slug: string[];
  /**
   * The scanned record (JSON text, '' for a file with none) is kept in a file of its own,
   * `entries`, at these offsets: a rebuild after a body edit reads the few it needs, not the
   * 100,000.
   */
  entries: string;
  recordAt: number[];
  recordLength: number[];
  /** The article's summary as JSON text, as lists show it. */
  summaryAt: number[];
  summaryLength: number[];
  /**
   * The article's output: the signature of what it was made from, and its Related list (the
   * files' indexes, space-separated).
   */
  signature: string[];
  related: string[];
  /** The article's place in the newest-first order (-1 for a file with no article). */
  position: number[];
  /** When the article last changed, as its summary says. */
  modified: string[];
  /** The files the feeds show, newest first. */
  feedFiles: number[];
  /** Every archive, with its articles as file indexes, newest first. */
  archives: CollectedArchive[];
  /** Every other output (pages, feeds, sitemaps, images): path -> signature. */
  outputs: Record<string, string>;
};

export type WriteOptions = BuildOptions & {
  outDir: string;
  /** Manifests; default node_modules/.cache/news-reader-content. */
  cacheDir?: string;
  /** From this many changed articles, build into a staging folder and swap it in. */
  stagingThreshold?: number;
  /** Told of every output file before it is written or deleted (the build's change list). */
  changes?: ChangeRecorder;
};

export type WriteStats = {
  articles: number;
  scanned: number;
  rendered: number;
  written: number;
  unchanged: number;
  deleted: number;
};

type Published = { write: () => Promise<WriteStats>; corpusSize: number };

/**
 * Scans, renders and checks the corpus without publishing anything: throws ContentError with
 * every problem. `write()` then publishes the result.
 */
export async function prepareContent(options: WriteOptions): Promise<Published> {
  const settings = await settingsFor(options);
  const outDir = path.resolve(options.outDir);
  const cacheDir =
    options.cacheDir ?? path.join(settings.rootDir, 'node_modules/.cache/news-reader-content');
  const manifestFile = path.join(cacheDir, `manifest-${contentHash(outDir).slice(0, 12)}.bin`);
  const settingsKey = JSON.stringify([
    MANIFEST_VERSION,
    settings.apiDir,
    settings.imageBase,
    settings.pageSize,
    settings.siteUrl,
    Object.entries(settings.localImages).sort(([a], [b]) => (a < b ? -1 : 1)),
  ]);
  const [previousManifest, files] = await Promise.all([
    readManifest(manifestFile, settingsKey),
    listArticles(settings),
  ]);
  trace('manifest read, files listed');
  const marker = await readText(path.join(outDir, settings.apiDir, MARKER));
  // What the files held is worth keeping even when the output folder was wiped; what the
  // folder holds is only known when its marker matches the manifest.
  const isKnown = previousManifest !== undefined && previousManifest.buildId === marker;
  const previous =
    previousManifest === undefined || isKnown
      ? previousManifest
      : { ...previousManifest, signature: [], outputs: {} };

  // Files are known by name: one moved to unpublished/ (or back) is the same article, read
  // again. Only files the last build read at the same path are looked at: a new one is read
  // anyway, and its time and size come with it. Synchronous stats run several times faster
  // than 100,000 queued async ones.
  const before = new Map(previous?.abs.map((abs, index) => [nameOf(abs), index]));
  const stats = files.map((file) => {
    const old = before.get(nameOf(file.abs));
    return old !== undefined && previous?.abs[old] === file.abs
      ? statSync(file.abs, { throwIfNoEntry: false })
      : undefined;
  });
  const changed: ArticleFile[] = [];
  files.forEach((file, index) => {
    const old = before.get(nameOf(file.abs));
    const now = stats[index];
    if (
      old === undefined ||
      now === undefined ||
      previous?.mtime[old] !== now.mtimeMs ||
      previous.size[old] !== now.size
    ) {
      changed.push(file);
    }
  });
  trace(`stat: ${changed.length} changed`);
  const stagingThreshold = options.stagingThreshold ?? STAGING_THRESHOLD;
  // A first build, or a large one, is written whole into a staging folder beside the output
  // (articles as they are read) and swapped in; a small one is kept in memory.
  const staging =
    !isKnown || changed.length > stagingThreshold
      ? path.join(path.dirname(outDir), `.${path.basename(outDir)}-content-staging-${process.pid}`)
      : undefined;
  const stagedArticles = staging && path.join(staging, settings.apiDir, 'articles');
  if (staging) {
    await rm(staging, { recursive: true, force: true });
    await mkdir(stagedArticles ?? staging, { recursive: true });
  }
  const cleanUp = async () => {
    if (staging) await rm(staging, { recursive: true, force: true });
  };
  const next = newManifest(settingsKey, files);
  // A whole build stores each record in the manifest's entries as it arrives, while the
  // workers read on; the record's JSON text is not kept after that.
  const early = staging ? entriesWriter(next, manifestFile) : undefined;
  const fileAt = new Map(files.map((file, index) => [file.abs, index]));
  try {
    const scannedChanged = await scanFiles(changed, settings, stagedArticles, (scanned) => {
      if (early === undefined) return;
      early.put(fileAt.get(scanned.abs) ?? -1, scanned.recordJson ?? '', scanned.summaryJson ?? '');
      scanned.recordJson = '';
    });
    trace('read');
    const readAt = new Map(scannedChanged.map((result) => [result.abs, result]));
    files.forEach((file, index) => {
      const now = readAt.get(file.abs) ?? stats[index];
      next.mtime[index] = now?.mtimeMs ?? 0;
      next.size[index] = now?.size ?? 0;
    });
    const context: Context = {
      settings,
      outDir,
      manifestFile,
      previous,
      next,
      scanned: changed.length,
      cleanUp,
      staging,
      early,
      changes: options.changes,
    };

    // An edit that leaves every list's members and order as they were (a body, a headline,
    // a caption, a language) rewrites only what shows it.
    const isSameFiles =
      isKnown &&
      previous !== undefined &&
      previous.abs.length === files.length &&
      files.every((file, index) => nameOf(previous.abs[index] ?? '') === nameOf(file.abs));
    if (
      previous &&
      staging === undefined &&
      isSameFiles &&
      scannedChanged.every((result) => {
        const old = before.get(nameOf(result.abs));
        return (
          old !== undefined &&
          result.problems.length === 0 &&
          result.record !== undefined &&
          shapeOf(result.record) === storedShape(readEntry(previous, 'record', old))
        );
      })
    ) {
      return prepareSameShape(context, previous, scannedChanged);
    }
    return await prepareAll(context, previous, scannedChanged);
  } catch (error) {
    early?.close();
    await cleanUp();
    throw error;
  }
}

type Context = {
  settings: Settings;
  outDir: string;
  manifestFile: string;
  previous: Manifest | undefined;
  next: Manifest;
  scanned: number;
  cleanUp: () => Promise<void>;
  /** The staging folder of a whole build, or undefined for an incremental one. */
  staging: string | undefined;
  /** The entries file a whole build fills while reading. */
  early: EntriesWriter | undefined;
  changes: ChangeRecorder | undefined;
};

/** A file's name: what an article is known by, in `articles/` or `unpublished/`. */
function nameOf(abs: string): string {
  return abs.slice(abs.lastIndexOf('/') + 1);
}

/**
 * Whether the file at `at` holds no article to show: taken down (its summary is stored
 * empty) or no article at all.
 */
function isHoleIn(manifest: Manifest, at: number): boolean {
  return (manifest.summaryLength[at] ?? 0) === 0;
}

/** Tells the change list that the output file `target` (absolute) is about to change. */
function noteOutput(context: Context, target: string): void {
  context.changes?.before(path.relative(context.outDir, target).split(path.sep).join('/'));
}

function newManifest(settingsKey: string, files: ArticleFile[]): Manifest {
  return {
    version: MANIFEST_VERSION,
    settingsKey,
    buildId: '',
    abs: files.map((file) => file.abs),
    mtime: [],
    size: [],
    hash: [],
    slug: [],
    entries: '',
    recordAt: [],
    recordLength: [],
    summaryAt: [],
    summaryLength: [],
    signature: [],
    related: [],
    position: [],
    modified: [],
    feedFiles: [],
    archives: [],
    outputs: {},
  };
}

/** Lets the event loop run: worker threads waiting for their next job get it. */
function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * What decides an article's place in every list: its slug, date, section, tags, authors and
 * links (and the images it brings along). An edit that leaves these as they were changes no list's
 * membership or order, only what lists show of it.
 */
function shapeOf(record: ArticleRecord): string {
  const { slug, published, section } = record.summary;
  return JSON.stringify([
    slug,
    published,
    section,
    record.tags,
    record.authors,
    record.related,
    record.linked,
    record.images,
  ]);
}

function storedShape(storedJson: string): string | undefined {
  return storedJson === '' ? undefined : shapeOf(JSON.parse(storedJson) as ArticleRecord);
}

/**
 * Every list keeps its members and order: the changed articles are written again, and so is
 * each output that shows what changed of them (a Related list, a latest page, the feeds, the
 * sitemaps), from what the manifest stores. Nothing else is read.
 */
function prepareSameShape(context: Context, previous: Manifest, changed: Scanned[]): Published {
  const { settings, next, outDir } = context;
  Object.assign(next, {
    hash: [...previous.hash],
    slug: previous.slug,
    entries: previous.entries,
    recordAt: [...previous.recordAt],
    recordLength: [...previous.recordLength],
    summaryAt: [...previous.summaryAt],
    summaryLength: [...previous.summaryLength],
    signature: [...previous.signature],
    related: previous.related,
    position: previous.position,
    modified: [...previous.modified],
    feedFiles: previous.feedFiles,
    archives: previous.archives,
    outputs: { ...previous.outputs },
  });
  const fileIndex = new Map(previous.abs.map((abs, index) => [nameOf(abs), index]));
  const problems = danglingReferences(
    changed.flatMap((result) => (result.record ? [result.record] : [])),
    new Set(previous.slug.filter((slug) => slug !== '')),
  );
  if (problems.length > 0) throw new ContentError(problems);

  const changedAt = new Map(
    changed.map((result) => [fileIndex.get(nameOf(result.abs)) ?? -1, result]),
  );
  const isHole = (at: number) => {
    const result = changedAt.get(at);
    return result === undefined ? isHoleIn(previous, at) : result.summaryJson === '';
  };
  /** The articles taken down, or put back, by this build: every list they are in counts anew. */
  const flipped = new Set(
    [...changedAt.keys()].filter((at) => isHole(at) !== isHoleIn(previous, at)),
  );
  const summaryOf = (at: number) =>
    changedAt.get(at)?.summaryJson ?? (readEntry(previous, 'summary', at) || '{}');
  const recordOf = (at: number): ArticleRecord =>
    changedAt.get(at)?.record ?? (JSON.parse(readEntry(previous, 'record', at)) as ArticleRecord);
  const relatedOf = (at: number) =>
    (previous.related[at] ?? '').split(' ').filter(Boolean).map(Number);
  const partsOf = (at: number, hash: string) => {
    const related = relatedOf(at);
    next.signature[at] =
      `${hash}|${related.map((other) => summaryHashOf(summaryOf(other))).join(',')}`;
    return {
      record: recordOf(at),
      prefix: articlePrefix(recordOf(at), summaryOf(at)),
      suffix: articleSuffix(related.map(summaryOf)),
    };
  };
  const newSummaries = new Set(
    [...changedAt].flatMap(([at, result]) =>
      result.summaryJson === readEntry(previous, 'summary', at) ? [] : [at],
    ),
  );

  const entries: [number, string, string][] = [];
  /** The article files taken down: deleted. */
  const takenDown: string[] = [];
  const articles = [...changedAt].flatMap(([at, result]) => {
    const { record, prefix, suffix } = partsOf(at, result.hash);
    next.hash[at] = result.hash;
    next.modified[at] = record.summary.modified;
    entries.push([at, result.recordJson ?? JSON.stringify(record), result.summaryJson ?? '{}']);
    const name = articlePath(settings, record.summary.slug);
    if (record.removed === true) {
      if (!isHoleIn(previous, at)) takenDown.push(name);
      return [];
    }
    return [{ name, json: prefix + (result.bodyJson ?? '[]') + suffix }];
  });
  // The articles whose Related list shows a changed summary are read again and rewritten.
  const showing: RenderItem[] = [];
  if (newSummaries.size > 0) {
    previous.related.forEach((_, at) => {
      if (changedAt.has(at) || isHole(at)) return;
      if (!relatedOf(at).some((other) => newSummaries.has(other))) return;
      const { record, prefix, suffix } = partsOf(at, previous.hash[at] ?? '');
      showing.push({
        kind: 'render',
        abs: previous.abs[at] ?? '',
        file: record.file,
        prefix,
        suffix,
        target: path.join(outDir, articlePath(settings, record.summary.slug)),
      });
    });
  }

  // The latest pages, feeds and sitemaps that show a change, made from the stored columns.
  const byPosition: number[] = [];
  previous.position.forEach((position, at) => {
    if (position >= 0) byPosition[position] = at;
  });
  const total = byPosition.length;
  const indexFiles: [string, string][] = [];
  const { apiDir, pageSize } = settings;
  /** The files of a list that show a change, and its front when its count changed. */
  const showingIn = (members: number[], memberAt: (index: number) => number) => {
    const shown: number[] = [];
    let isRecounted = false;
    members.forEach((_, index) => {
      const at = memberAt(index);
      if (newSummaries.has(at)) shown.push(index);
      if (flipped.has(at)) isRecounted = true;
    });
    const showing = filesShowing(members.length, pageSize, shown);
    if (isRecounted) showing.add('front');
    return showing;
  };
  const latestShowing = showingIn(byPosition, (index) => byPosition[index] ?? -1);
  if (latestShowing.size > 0) {
    const summaryAtPosition = (index: number) => summaryOf(byPosition[index] ?? -1);
    const shown = byPosition.filter((at) => !isHole(at)).length;
    indexFiles.push(...latestFiles(settings, total, summaryAtPosition, latestShowing, shown));
  }
  for (const archive of previous.archives) {
    if (!archive.members.some((at) => newSummaries.has(at))) continue;
    const showing = showingIn(archive.members, (index) => archive.members[index] ?? -1);
    indexFiles.push(
      ...archivePages(archive, summaryOf, recordOf, isHole, apiDir, pageSize, showing),
    );
  }
  if (previous.feedFiles.some((at) => changedAt.has(at))) {
    const shown = previous.feedFiles.flatMap((at) => {
      if (isHole(at)) return [];
      const record = recordOf(at);
      return [feedArticle(summaryOf(at), record.authors, record.tags)];
    });
    indexFiles.push(...feedOutputs(settings, shown));
  }
  if (
    flipped.size > 0 ||
    [...changedAt.keys()].some((at) => next.modified[at] !== previous.modified[at])
  ) {
    const shown = byPosition.map((at) => ({
      slug: previous.slug[at] ?? '',
      modified: next.modified[at] ?? '',
      isRemoved: isHole(at),
    }));
    indexFiles.push(...sitemapOutputs(settings, shown));
    // The updates file tells open readers of the change (an edit keeps every article's place).
    const older = byPosition.slice(UPDATES_NEWEST).flatMap((at) =>
      isHole(at) ? [] : [{ slug: previous.slug[at] ?? '', modified: next.modified[at] ?? '' }],
    );
    indexFiles.push(
      updatesOutput(
        settings.apiDir,
        byPosition
          .slice(0, UPDATES_NEWEST)
          .flatMap((at) => (isHole(at) ? [] : [updateEntry(recordOf(at))])),
        latestChanges(older),
      ),
    );
  }

  return {
    corpusSize: total,
    write: async () => {
      for (const { name, json } of articles) {
        noteOutput(context, path.join(outDir, name));
        writeFileAtomic(path.join(outDir, name), json);
      }
      for (const item of showing) if (item.kind === 'render') noteOutput(context, item.target);
      const writeProblems = await writeArticles(showing.values(), settings, true, false);
      if (writeProblems.length > 0) throw new ContentError(writeProblems);
      let written = articles.length + showing.length;
      for (const [name, text] of indexFiles) {
        const signature = contentHash(text);
        if (next.outputs[name] === signature) continue;
        next.outputs[name] = signature;
        const target = path.join(outDir, name);
        noteOutput(context, target);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileAtomic(target, text);
        written++;
      }
      for (const name of takenDown) {
        noteOutput(context, path.join(outDir, name));
        await unlink(path.join(outDir, name)).catch(() => undefined);
      }
      const images = publishedImages(changed.flatMap((result) => result.record ?? []));
      written += await copyImages(context, next, images);
      appendEntries(next, entries);
      await saveManifest(context);
      return {
        articles: total,
        scanned: context.scanned,
        rendered: articles.length + showing.length,
        written,
        unchanged: total + Object.keys(next.outputs).length - written,
        deleted: takenDown.length,
      };
    },
  };
}

/** Anything else: the lists may have changed, so everything is recomputed and compared. */
async function prepareAll(
  context: Context,
  previous: Manifest | undefined,
  changedScans: Scanned[],
): Promise<Published> {
  const { settings, next, outDir } = context;
  let fresh: Map<string, Scanned> | undefined = new Map(
    changedScans.map((result) => [result.abs, result]),
  );
  const before = new Map(previous?.abs.map((abs, index) => [nameOf(abs), index]));
  const stored = previous ? readAllEntries(previous) : undefined;
  let scanned: Scanned[] | undefined = next.abs.map((abs) => {
    const result = fresh?.get(abs);
    if (result) return result;
    const old = before.get(nameOf(abs)) ?? -1;
    const json = stored?.record(old) ?? '';
    const record = json === '' ? undefined : (JSON.parse(json) as ArticleRecord);
    return {
      file: record?.file ?? abs,
      abs,
      hash: previous?.hash[old] ?? '',
      mtimeMs: previous?.mtime[old] ?? 0,
      size: previous?.size[old] ?? 0,
      ...(record ? { record } : {}),
      // A tombstone's summary is stored empty, and stays so.
      summaryJson: record?.removed === true ? '' : stored?.summary(old) || '{}',
      problems: [],
    };
  });
  trace('records ready');
  const { corpus, problems } = assembleCorpus(scanned);
  trace('assembled (order, related)');
  let byAbs: Map<string, Scanned> | undefined = new Map(scanned.map((file) => [file.abs, file]));
  problems.push(...referenceProblems(corpus));
  const isFreshAt = corpus.abs.map((abs) => fresh?.has(abs) === true);
  if (problems.length > 0) throw new ContentError(problems);

  const onDisk = previous?.outputs ?? {};
  const fileAt = corpus.abs.map((abs) => before.get(nameOf(abs)) ?? -1);
  const summaryHash = corpus.abs.map(
    (abs, index) =>
      byAbs?.get(abs)?.summaryHash ?? summaryHashOf(corpus.summaryJson[index] ?? '{}'),
  );
  const signatures = corpus.ordered.map(
    (_, index) =>
      `${corpus.hashes[index] ?? ''}|${(corpus.related[index] ?? []).map((other) => summaryHash[other]).join(',')}`,
  );
  const isStaged = context.staging !== undefined;
  const staging = context.staging ?? '';
  const published = (slug: string) => path.join(outDir, articlePath(settings, slug));
  const staged = (slug: string) => path.join(staging, articlePath(settings, slug));
  const isUnchanged = (index: number) => previous?.signature[fileAt[index] ?? -1] === signatures[index];

  // A staged build makes every article file; an incremental one the changed ones.
  const toRender = corpus.ordered.flatMap((record, index) =>
    record.removed !== true && (isStaged || !isUnchanged(index)) ? [index] : [],
  );
  const inMemory = new Map<number, string>();
  const later: number[] = [];
  /** How the article at `index` is made: appended, linked, or read and written again. */
  const itemFor = (index: number, target: string): RenderItem | undefined => {
    const record = corpus.ordered[index];
    if (record === undefined) return undefined;
    const slug = record.summary.slug;
    if (isStaged && isFreshAt[index] === true) {
      return { kind: 'append', target, suffix: relatedSuffix(corpus, index) };
    }
    if (isStaged && isUnchanged(index)) {
      return { kind: 'link', source: published(slug), target };
    }
    const { prefix, suffix } = articleParts(corpus, index);
    return { kind: 'render', abs: corpus.abs[index] ?? '', file: record.file, prefix, suffix, target };
  };
  /**
   * The manifest's columns, by file. Records and summaries stream into a new entries file
   * (in the cache, not the output) rather than collecting in memory.
   */
  const positionOf = new Map(corpus.abs.map((abs, index) => [abs, index]));
  const fileAtOrdered = new Int32Array(corpus.abs.length);
  next.abs.forEach((abs, at) => {
    const index = positionOf.get(abs);
    if (index !== undefined) fileAtOrdered[index] = at;
  });
  const noteIndexes = (feeds: number[], archives: Map<string, CollectedArchive>) => {
    next.feedFiles = feeds.map((index) => fileAtOrdered[index] ?? -1);
    next.archives = [...archives.values()].map((archive) => ({
      ...archive,
      members: archive.members.map((index) => fileAtOrdered[index] ?? -1),
    }));
  };
  const fillColumns = async () => {
    const entries = context.early ?? entriesWriter(next, context.manifestFile);
    try {
      for (const [at, abs] of next.abs.entries()) {
        const scan = scanned?.[at];
        next.hash[at] = scan?.hash ?? '';
        // A record read from the manifest is stored again as it was read.
        const old = before.get(nameOf(abs));
        const isFresh = fresh?.has(abs) === true;
        if (!isFresh || context.early === undefined) {
          const record =
            !isFresh && old !== undefined && stored
              ? stored.record(old)
              : (scan?.recordJson ?? '');
          entries.put(at, record, scan?.summaryJson ?? '');
        }
        next.slug[at] = scan?.record?.summary.slug ?? '';
        next.modified[at] = scan?.record?.summary.modified ?? '';
        const index = positionOf.get(abs);
        next.position[at] = index ?? -1;
        if (index !== undefined) {
          next.signature[at] = signatures[index] ?? '';
          next.related[at] = (corpus.related[index] ?? [])
            .map((other) => fileAtOrdered[other] ?? -1)
            .join(' ');
        }
        if (at % 256 === 255) await pause();
      }
    } finally {
      entries.close();
    }
    trace('manifest columns ready');
  };

  // Outputs other than the API wait beside it until publication.
  const siteStaging = path.join(staging, '.site');
  const stagedSiteFiles: string[] = [];
  if (isStaged) {
    // The workers complete the articles, then write the pages, feeds and sitemaps this
    // thread makes (and signs for the manifest) a job at a time.
    function* items(): Generator<RenderItem> {
      for (const index of toRender) {
        const item = itemFor(index, staged(corpus.ordered[index]?.summary.slug ?? ''));
        if (item) yield item;
      }
      for (const [name, text] of indexOutputs(corpus, settings, noteIndexes)) {
        next.outputs[name] = contentHash(text);
        const isApi = name.startsWith(`${settings.apiDir}/`);
        if (!isApi) stagedSiteFiles.push(name);
        yield { kind: 'write', target: path.join(isApi ? staging : siteStaging, name), text };
      }
    }
    const writing = writeArticles(
      items(),
      settings,
      false,
      toRender.length >= settings.workerThreshold,
    );
    await fillColumns();
    const writeProblems = await writing;
    if (writeProblems.length > 0) throw new ContentError(writeProblems);
  } else {
    for (const index of toRender) {
      const bodyJson = byAbs?.get(corpus.abs[index] ?? '')?.bodyJson;
      if (bodyJson === undefined) {
        later.push(index);
        continue;
      }
      const { prefix, suffix } = articleParts(corpus, index);
      inMemory.set(index, prefix + bodyJson + suffix);
    }
  }
  if (!isStaged) await fillColumns();
  trace(`articles made: ${toRender.length}`);


  // What publication needs is kept; the scans, their lookups and (when the pages are already
  // written) the corpus's text can go.
  scanned = undefined;
  fresh = undefined;
  const images = publishedImages(corpus.ordered);
  const articleCount = corpus.ordered.length;
  if (isStaged) {
    byAbs = undefined;
    corpus.summaryJson = [];
    corpus.ordered = [];
    corpus.related = [];
  }

  return {
    corpusSize: articleCount,
    write: async () => {
      const apiDir = path.join(outDir, settings.apiDir);
      await rm(path.join(apiDir, MARKER), { force: true });
      let written = toRender.length;
      let unchanged = articleCount - toRender.length;
      if (isStaged) {
        written += Object.keys(next.outputs).length;
        // The staged API replaces the published one whole; the other outputs move in one by one.
        const old = path.join(outDir, `.${settings.apiDir}-old-${process.pid}`);
        await mkdir(outDir, { recursive: true });
        context.changes?.compareTrees(apiDir, path.join(staging, settings.apiDir), settings.apiDir);
        await rename(apiDir, old).catch(() => undefined);
        await rename(path.join(staging, settings.apiDir), apiDir);
        for (const name of stagedSiteFiles) {
          const target = path.join(outDir, name);
          noteOutput(context, target);
          mkdirSync(path.dirname(target), { recursive: true });
          await rename(path.join(siteStaging, name), target);
        }
        await context.cleanUp();
        await rm(old, { recursive: true, force: true });
      } else {
        for (const [index, json] of inMemory) {
          const record = corpus.ordered[index];
          if (record === undefined) continue;
          noteOutput(context, path.join(outDir, articlePath(settings, record.summary.slug)));
          writeFileAtomic(path.join(outDir, articlePath(settings, record.summary.slug)), json);
        }
        const laterItems = later.flatMap((index) => {
          const item = itemFor(index, published(corpus.ordered[index]?.summary.slug ?? ''));
          return item ? [item] : [];
        });
        for (const item of laterItems) if (item.kind === 'render') noteOutput(context, item.target);
        const writeProblems = await writeArticles(
          laterItems.values(),
          settings,
          true,
          later.length >= settings.workerThreshold,
        );
        if (writeProblems.length > 0) throw new ContentError(writeProblems);
        for (const [name, text] of indexOutputs(corpus, settings, noteIndexes)) {
          const signature = contentHash(text);
          next.outputs[name] = signature;
          if (onDisk[name] === signature) {
            unchanged++;
            continue;
          }
          const target = path.join(outDir, name);
          noteOutput(context, target);
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileAtomic(target, text);
          written++;
        }
      }
      written += await copyImages(context, next, images);

      let deleted = 0;
      const removed = Object.keys(onDisk).filter((name) => !(name in next.outputs));
      if (!isStaged && previous) {
        // Articles published before and not now: deleted, or taken down (a tombstone).
        const slugs = new Set(next.slug.filter((_, at) => !isHoleIn(next, at)));
        previous.slug.forEach((slug, at) => {
          if (slug !== '' && !isHoleIn(previous, at) && !slugs.has(slug)) {
            removed.push(articlePath(settings, slug));
          }
        });
      }
      for (const name of removed) {
        if (isStaged && name.startsWith(`${settings.apiDir}/`)) continue;
        noteOutput(context, path.join(outDir, name));
        await unlink(path.join(outDir, name)).catch(() => undefined);
        deleted++;
      }
      await saveManifest(context);
      return {
        articles: articleCount,
        scanned: context.scanned,
        rendered: toRender.length,
        written,
        unchanged,
        deleted,
      };
    },
  };
}

function articlePath(settings: Settings, slug: string): string {
  return `${settings.apiDir}/${apiPaths.article(slug)}`;
}

/** Publishes the images articles show (files and their variants), when new or changed. */
async function copyImages(context: Context, manifest: Manifest, images: string[]): Promise<number> {
  const { settings, outDir, previous } = context;
  const downloads = downloadsByName(settings);
  let written = 0;
  for (const image of [...new Set(images)].sort()) {
    const folder = downloads.has(image) ? settings.imageCacheDir : settings.imagesDir;
    const { mtimeMs, size } = await stat(path.join(folder, image));
    const name = `images/${image}`;
    manifest.outputs[name] = `${mtimeMs}:${size}`;
    if (previous?.outputs[name] === manifest.outputs[name]) continue;
    for (const [file, bytes] of await publishedImage(settings, image, downloads, makeVariants)) {
      const target = path.join(outDir, 'images', file);
      noteOutput(context, target);
      mkdirSync(path.dirname(target), { recursive: true });
      await writeFile(`${target}.tmp`, bytes);
      await rename(`${target}.tmp`, target);
      written++;
    }
  }
  return written;
}

async function saveManifest(context: Context): Promise<void> {
  const { next, manifestFile } = context;
  trace('published');
  await context.cleanUp();
  next.buildId = contentHash(`${process.pid}:${Date.now()}:${Math.random()}`);
  await mkdir(path.dirname(manifestFile), { recursive: true });
  await writeFile(`${manifestFile}.tmp`, serialize(next));
  await rename(`${manifestFile}.tmp`, manifestFile);
  // Entries files of earlier builds (or of builds that failed) are no longer pointed at.
  const prefix = `${path.basename(manifestFile)}.entries-`;
  for (const name of await readdir(path.dirname(manifestFile))) {
    const file = path.join(path.dirname(manifestFile), name);
    if (name.startsWith(prefix) && file !== next.entries) await rm(file, { force: true });
  }
  const apiDir = path.join(context.outDir, context.settings.apiDir);
  mkdirSync(apiDir, { recursive: true });
  writeFileAtomic(path.join(apiDir, MARKER), next.buildId);
  trace('manifest saved');
}

type EntryColumn = 'record' | 'summary';

function offsetsOf(manifest: Manifest, column: EntryColumn) {
  switch (column) {
    case 'record':
      return { at: manifest.recordAt, length: manifest.recordLength };
    case 'summary':
      return { at: manifest.summaryAt, length: manifest.summaryLength };
    default:
      return column satisfies never;
  }
}

/** One stored entry of the file at `index`, read from its place in the entries file. */
function readEntry(manifest: Manifest, column: EntryColumn, index: number): string {
  const { at, length } = offsetsOf(manifest, column);
  const size = length[index] ?? 0;
  if (index < 0 || size === 0) return '';
  const fd = openSync(manifest.entries, 'r');
  try {
    const buffer = Buffer.allocUnsafe(size);
    readSync(fd, buffer, 0, size, at[index] ?? 0);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Every stored entry, from one read of the entries file. */
function readAllEntries(manifest: Manifest) {
  let data: Buffer;
  try {
    data = readFileSync(manifest.entries);
  } catch {
    data = Buffer.alloc(0);
  }
  const entry = (column: EntryColumn) => (index: number) => {
    const { at, length } = offsetsOf(manifest, column);
    const start = at[index] ?? 0;
    return index < 0 ? '' : data.toString('utf8', start, start + (length[index] ?? 0));
  };
  return { record: entry('record'), summary: entry('summary') };
}

/**
 * Writes a fresh entries file for `manifest`, beside the manifest file, entry by entry in
 * batches of 4 MB: one write, not 200,000, and never all of them in memory.
 */
type EntriesWriter = ReturnType<typeof entriesWriter>;

function entriesWriter(manifest: Manifest, manifestFile: string) {
  const file = `${manifestFile}.entries-${contentHash(`${process.pid}:${Date.now()}`).slice(0, 8)}`;
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  let isOpen = true;
  let offset = 0;
  const batch = Buffer.allocUnsafe(4 << 20);
  let used = 0;
  const flush = () => {
    if (used > 0) writeSync(fd, batch, 0, used);
    used = 0;
  };
  const add = (text: string, at: number[], length: number[], index: number) => {
    const size = Buffer.byteLength(text);
    at[index] = offset;
    length[index] = size;
    offset += size;
    if (used + size > batch.length) flush();
    if (size > batch.length) writeSync(fd, text);
    else used += batch.write(text, used);
  };
  manifest.entries = file;
  return {
    put(index: number, record: string, summary: string) {
      add(record, manifest.recordAt, manifest.recordLength, index);
      add(summary, manifest.summaryAt, manifest.summaryLength, index);
    },
    close() {
      if (!isOpen) return;
      isOpen = false;
      flush();
      closeSync(fd);
    },
  };
}

/** Appends the changed files' records and summaries to the entries file and points at them. */
function appendEntries(manifest: Manifest, changed: [number, string, string][]) {
  let offset = statSync(manifest.entries).size;
  const append = (text: string, at: number[], length: number[], index: number) => {
    const data = Buffer.from(text);
    appendFileSync(manifest.entries, data);
    at[index] = offset;
    length[index] = data.length;
    offset += data.length;
  };
  for (const [index, record, summary] of changed) {
    append(record, manifest.recordAt, manifest.recordLength, index);
    append(summary, manifest.summaryAt, manifest.summaryLength, index);
  }
}

/** Scans, renders, checks and publishes: the whole incremental build. */
export async function writeContent(options: WriteOptions): Promise<WriteStats> {
  const prepared = await prepareContent(options);
  return prepared.write();
}

async function readManifest(file: string, settingsKey: string): Promise<Manifest | undefined> {
  try {
    const manifest = deserialize(await readFile(file)) as Manifest;
    return manifest.version === MANIFEST_VERSION && manifest.settingsKey === settingsKey
      ? manifest
      : undefined;
  } catch {
    return undefined;
  }
}

async function readText(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}
