/**
 * The planner for any other change: the lists may have changed, so the corpus is assembled
 * again from the manifest and the changed files, and every output is made and compared. A
 * first build (or a large one) writes into a staging folder swapped in whole.
 */
import { mkdirSync } from 'node:fs';
import { mkdir, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleRecord } from './article-record.ts';
import type { CollectedArchive } from './archives.ts';
import {
  articleParts,
  assembleCorpus,
  indexOutputs,
  publishedImages,
  referenceProblems,
  relatedSuffix,
  writeArticles,
} from './build-content.ts';
import { contentHash, summaryHashOf, type RenderItem, type Scanned } from './content-jobs.ts';
import {
  entriesWriter,
  isHoleIn,
  MARKER,
  nameOf,
  readAllEntries,
  type Manifest,
} from './content-manifest.ts';
import { ContentError } from './problem.ts';
import {
  articlePath,
  copyImages,
  noteOutput,
  pause,
  saveManifest,
  type Context,
  type Published,
} from './publish-outputs.ts';
import { trace } from './trace.ts';
import { writeFileAtomic } from './write-file-atomic.ts';
/** Anything else: the lists may have changed, so everything is recomputed and compared. */
export async function prepareAll(
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
        plan: 'whole',
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
