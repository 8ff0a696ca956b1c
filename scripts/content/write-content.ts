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
import { statSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { listArticles, scanFiles, settingsFor, type ArticleFile, type BuildOptions } from './build-content.ts';
import { contentHash } from './content-jobs.ts';
import {
  entriesWriter,
  MARKER,
  MANIFEST_VERSION,
  nameOf,
  newManifest,
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
