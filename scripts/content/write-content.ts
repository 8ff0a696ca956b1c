/**
 * The content build on disk, incremental by content hash, in stages:
 *
 * 1. read the sources (here): list `articles/` and `unpublished/`, compare each file's time
 *    and size with the manifest (content-manifest.ts), read only the changed ones;
 * 2. plan the outputs that changed, with the first planner that fits the change:
 *    - plan-same-shape.ts: every list keeps its members (a body, a headline, a takedown):
 *      what shows the changed articles;
 *    - plan-newest.ts: new articles newer than all others (a publish): their JSON and what
 *      shows them, from the manifest;
 *    - plan-whole.ts: anything else, and the first build: everything made and compared;
 * 3. publish (publish-outputs.ts): each output written beside its target and renamed into
 *    place, noted in the build's change list first; the manifest saved last.
 *
 * Nothing is published before every problem has been found: a planner throws ContentError
 * with every problem before `write()` is called.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { listArticles, scanFiles, settingsFor, type ArticleFile, type BuildOptions } from './build-content.ts';
import { contentHash } from './content-jobs.ts';
import { statFiles } from './file-times.ts';
import {
  entriesWriter,
  MARKER,
  MANIFEST_VERSION,
  nameOf,
  newManifest,
  photosKept,
  readEntry,
  readManifest,
} from './content-manifest.ts';
import { prepareSameShape, shapeOf, storedShape } from './plan-same-shape.ts';
import { prepareNewest } from './plan-newest.ts';
import { prepareAll } from './plan-whole.ts';
import type { Context, Published, WriteStats } from './publish-outputs.ts';
import { trace } from './trace.ts';
import type { ChangeRecorder } from '../build/change-list.ts';

export type { WriteStats } from './publish-outputs.ts';

/** Past this many articles to render, a staging folder beats rendering in memory. */
const STAGING_THRESHOLD = 5000;

export type WriteOptions = BuildOptions & {
  outDir: string;
  /** Manifests; default node_modules/.cache/news-reader-content. */
  cacheDir?: string;
  /** From this many changed articles, build into a staging folder and swap it in. */
  stagingThreshold?: number;
  /** Told of every output file before it is written or deleted (the build's change list). */
  changes?: ChangeRecorder;
};

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
  ]);
  // The files' times and sizes are read on another thread while this one reads the manifest.
  const listed = listArticles(settings);
  const statting = listed.then((files) => statFiles(files.map((file) => file.abs)));
  const [stored, files] = await Promise.all([readManifest(manifestFile, settingsKey), listed]);
  // Articles carry the sizes of the photos in content/images/: a photo resized or removed
  // means everything is made again; one added changes no article already published.
  const previousManifest =
    stored && photosKept(stored.localImages, settings.localImages) ? stored : undefined;
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
  // again. Only files the last build read at the same path are compared: a new one is read
  // anyway, and its time and size come with it.
  const before = new Map(previous?.abs.map((abs, index) => [nameOf(abs), index]));
  const times = await statting;
  const stats = files.map((file, index) => {
    const old = before.get(nameOf(file.abs));
    const size = times.size[index] ?? -1;
    return old !== undefined && previous?.abs[old] === file.abs && size >= 0
      ? { mtimeMs: times.mtime[index] ?? 0, size }
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
  const next = newManifest(settingsKey, files, settings.localImages);
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
      files.every((file) => before.has(nameOf(file.abs)));
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
    // New articles, newer than any before them, and nothing else (a publish): only the lists
    // they join are made again, from the manifest.
    const newest =
      previous && isKnown && staging === undefined
        ? prepareNewest(context, previous, scannedChanged, files.length)
        : undefined;
    if (newest) return newest;
    return await prepareAll(context, previous, scannedChanged);
  } catch (error) {
    early?.close();
    await cleanUp();
    throw error;
  }
}

/** Scans, renders, checks and publishes: the whole incremental build. */
export async function writeContent(options: WriteOptions): Promise<WriteStats> {
  const prepared = await prepareContent(options);
  return prepared.write();
}

async function readText(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch(() => undefined);
}
