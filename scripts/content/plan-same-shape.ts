/**
 * The planner for an edit that leaves every list as it was (a body, a headline, a caption, a
 * language, a takedown): only what shows the changed articles is read and written.
 */
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleRecord } from './article-record.ts';
import { archivePages } from './archives.ts';
import {
  feedArticle,
  feedOutputs,
  latestFiles,
  publishedImages,
  sitemapOutputs,
  writeArticles,
} from './build-content.ts';
import { summaryHashOf, type RenderItem, type Scanned } from './content-jobs.ts';
import {
  appendEntries,
  carryFileOrder,
  isHoleIn,
  readEntry,
  type Manifest,
} from './content-manifest.ts';
import { articlePrefix, articleSuffix, danglingReferences } from './corpus.ts';
import { filesShowing } from './list-pages.ts';
import { ContentError } from './problem.ts';
import {
  articlePath,
  copyImages,
  noteOutput,
  saveManifest,
  writeChangedOutputs,
  type Context,
  type Published,
} from './publish-outputs.ts';
import { latestChanges, updateEntry, updatesOutput, UPDATES_NEWEST } from './updates.ts';
import { writeFileAtomic } from './write-file-atomic.ts';
/**
 * What decides an article's place in every list: its slug, date, section, tags, authors and
 * links (and the images it brings along). An edit that leaves these as they were changes no list's
 * membership or order, only what lists show of it.
 */
export function shapeOf(record: ArticleRecord): string {
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

export function storedShape(storedJson: string): string | undefined {
  return storedJson === '' ? undefined : shapeOf(JSON.parse(storedJson) as ArticleRecord);
}

/**
 * Every list keeps its members and order: the changed articles are written again, and so is
 * each output that shows what changed of them (a Related list, a latest page, the feeds, the
 * sitemaps), from what the manifest stores. Nothing else is read.
 */
export function prepareSameShape(context: Context, previous: Manifest, changed: Scanned[]): Published {
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
    // The previous manifest is not used again: its record of outputs is taken over.
    outputs: previous.outputs,
  });

  const problems = danglingReferences(
    changed.flatMap((result) => (result.record ? [result.record] : [])),
    new Set(previous.slug.filter((slug) => slug !== '')),
  );
  if (problems.length > 0) throw new ContentError(problems);

  const indexes = carryFileOrder(next, previous, changed);
  const changedAt = new Map(changed.map((result, position) => [indexes[position] ?? -1, result]));
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
    // The changed articles' places (oldest first) and the home page's.
    const places = [...changedAt.keys()].map((at) => total - 1 - (previous.position[at] ?? 0));
    indexFiles.push(...sitemapOutputs(settings, shown, [...places, total]));
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
      written += writeChangedOutputs(context, indexFiles);
      for (const name of takenDown) {
        noteOutput(context, path.join(outDir, name));
        await unlink(path.join(outDir, name)).catch(() => undefined);
      }
      const images = publishedImages(changed.flatMap((result) => result.record ?? []));
      written += await copyImages(context, next, images);
      appendEntries(next, entries);
      await saveManifest(context);
      return {
        plan: 'same-shape',
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
