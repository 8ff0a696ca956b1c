/**
 * The planner for a publish: new articles, each newer than every article before them, and no
 * other change. Nothing moves in any list (pages are counted from the oldest: decision 019),
 * so only what shows the new articles is made, from the manifest: the new articles' JSON,
 * the front and open page of each list they join, the feeds, the newest sitemap file and the
 * updates file. Their Related lists are chosen from the few earlier articles the whole-corpus
 * rule would look at (the first RELATED_WINDOW of each of their tags and their section), read
 * from the manifest's entries, so the result is the one a full build gives.
 *
 * Anything else (an older date, a new section, a name spelled anew, a problem) returns
 * undefined and the whole planner runs.
 */
import path from 'node:path';
import { sectionPath } from '../../src/lib/paths.ts';
import type { ArticleRecord } from './article-record.ts';
import { archiveKey, archivePages, type CollectedArchive } from './archives.ts';
import {
  feedArticle,
  feedOutputs,
  latestFiles,
  publishedImages,
  sitemapOutputs,
} from './build-content.ts';
import { summaryHashOf, type Scanned } from './content-jobs.ts';
import {
  appendEntries,
  carryFileOrder,
  isHoleIn,
  openEntries,
  type Manifest,
} from './content-manifest.ts';
import {
  articlePrefix,
  articleSuffix,
  danglingReferences,
  feedIndexes,
  newestFirst,
  RELATED_WINDOW,
  relatedIndexes,
} from './corpus.ts';
import { FEED_LIMIT } from './feeds.ts';
import { filesShowing, listLayout } from './list-pages.ts';
import {
  articlePath,
  copyImages,
  noteOutput,
  saveManifest,
  writeChangedOutputs,
  type Context,
  type Published,
} from './publish-outputs.ts';
import { trace } from './trace.ts';
import { latestChanges, updateEntry, updatesOutput, UPDATES_NEWEST } from './updates.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

/**
 * How many members of a section's list are read, at most, to find the earlier articles of
 * that very section (its list also holds its sub-sections'): past it, the whole planner runs.
 */
const SECTION_SEARCH_LIMIT = 4000;

/** Reads stored entries through one open file, each record parsed once. */
function entryReader(manifest: Manifest) {
  const entries = openEntries(manifest);
  const records = new Map<number, ArticleRecord>();
  return {
    summary: (at: number) => entries.read('summary', at),
    record(at: number): ArticleRecord {
      let record = records.get(at);
      if (record === undefined) {
        record = JSON.parse(entries.read('record', at)) as ArticleRecord;
        records.set(at, record);
      }
      return record;
    },
    close: entries.close,
  };
}

/** The archives a record belongs to, as collectArchives names them: key, kind, name and parents. */
function archivesOf(record: ArticleRecord) {
  const { section } = record.summary;
  const trail = [...(section.parents ?? []), section];
  const found: { key: string; archive: Omit<CollectedArchive, 'members' | 'children'> }[] = [];
  let place = '';
  const above: { name: string; path: string }[] = [];
  for (const step of trail) {
    place = place === '' ? step.slug : `${place}/${step.slug}`;
    const link = { name: step.name, path: place };
    found.push({ key: archiveKey('section', place), archive: { kind: 'section', ...link, parents: [...above] } });
    above.push(link);
  }
  for (const tag of record.tags) {
    found.push({
      key: archiveKey('tag', tag.slug),
      archive: { kind: 'tag', name: tag.name, path: tag.slug, parents: [] },
    });
  }
  for (const author of record.authors) {
    found.push({
      key: archiveKey('author', author.slug),
      archive: { kind: 'author', name: author.name, path: author.slug, parents: [] },
    });
  }
  return found;
}

export function prepareNewest(
  context: Context,
  previous: Manifest,
  changed: Scanned[],
  fileCount: number,
): Published | undefined {
  const { settings, next, outDir } = context;
  const { apiDir, pageSize } = settings;
  // Only new files, each a readable article, and every earlier file still there.
  if (changed.length === 0 || fileCount !== previous.abs.length + changed.length) return undefined;
  const known = new Set(previous.abs.map((abs) => abs.slice(abs.lastIndexOf('/') + 1)));
  const fresh: { scan: Scanned; record: ArticleRecord }[] = [];
  for (const scan of changed) {
    const { record } = scan;
    if (known.has(scan.abs.slice(scan.abs.lastIndexOf('/') + 1))) return undefined;
    if (record === undefined || record.removed === true || scan.problems.length > 0) return undefined;
    if (scan.bodyJson === undefined || scan.summaryJson === undefined) return undefined;
    fresh.push({ scan, record });
  }
  const byPosition: number[] = [];
  previous.position.forEach((position, at) => {
    if (position >= 0) byPosition[position] = at;
  });
  const reader = entryReader(previous);
  try {
    // Newer than the newest article before them, as the build orders (time, then slug).
    const ordered = newestFirst(fresh.map(({ record }) => record));
    const oldest = ordered.at(-1);
    const newestBefore = byPosition[0];
    if (oldest === undefined) return undefined;
    if (newestBefore !== undefined) {
      const before = reader.record(newestBefore).summary;
      const [time, then] = [Date.parse(oldest.summary.published), Date.parse(before.published)];
      if (!(time > then || (time === then && oldest.summary.slug < before.slug))) return undefined;
    }
    const slugs = new Set(previous.slug.filter((slug) => slug !== ''));
    for (const record of ordered) {
      if (slugs.has(record.summary.slug)) return undefined;
      slugs.add(record.summary.slug);
    }
    if (danglingReferences(ordered, slugs).length > 0) return undefined;

    // Each list the new articles join must keep its name and place in the menu: a new section,
    // or a name spelled anew (the newest article names a list), changes more than the list.
    const archives = new Map(previous.archives.map((archive) => [archiveKey(archive.kind, archive.path), archive]));
    const joined = new Map<string, CollectedArchive>();
    for (const record of ordered) {
      for (const { key, archive } of archivesOf(record)) {
        const existing = joined.get(key) ?? archives.get(key);
        if (existing === undefined) {
          if (archive.kind === 'section') return undefined;
          joined.set(key, { ...archive, children: [], members: [] });
          continue;
        }
        if (!joined.has(key)) {
          if (existing.name !== archive.name) return undefined;
          if (JSON.stringify(existing.parents) !== JSON.stringify(archive.parents)) return undefined;
          joined.set(key, { ...existing, members: [] });
        }
      }
    }

    // The new files take the indexes after the last; they are the newest, so take the first
    // places of every list they join.
    const scanOf = new Map(fresh.map(({ scan, record }) => [record, scan]));
    const first = previous.abs.length;
    const newAt = new Map(ordered.map((record, position) => [first + position, record]));
    const scanAt = new Map(ordered.map((record, position) => [first + position, scanOf.get(record)]));
    for (const [at, record] of newAt) {
      for (const { key } of archivesOf(record)) {
        const archive = joined.get(key);
        // An article listed twice (a tag given twice) is shown once.
        if (archive && archive.members.at(-1) !== at) archive.members.push(at);
      }
    }
    const summaryOf = (at: number) => scanAt.get(at)?.summaryJson ?? reader.summary(at);
    const recordOf = (at: number) => newAt.get(at) ?? reader.record(at);
    const isHole = (at: number) => !newAt.has(at) && isHoleIn(previous, at);

    // Related lists: the whole-corpus rule run on the new articles and the earlier articles it
    // would consider for them, in the same order.
    const candidates = new Set<number>();
    for (const record of ordered) {
      for (const tag of record.tags) {
        for (const at of archives.get(archiveKey('tag', tag.slug))?.members.slice(0, RELATED_WINDOW) ?? []) {
          candidates.add(at);
        }
      }
      const place = sectionPath(record.summary.section);
      const members = archives.get(archiveKey('section', place))?.members ?? [];
      let found = 0;
      for (let index = 0; index < members.length && found < RELATED_WINDOW; index++) {
        if (index === SECTION_SEARCH_LIMIT) return undefined;
        const at = members[index] ?? -1;
        if (sectionPath(recordOf(at).summary.section) !== place) continue;
        candidates.add(at);
        found++;
      }
    }
    const slugAt = ordered.some((record) => record.related.length > 0)
      ? new Map(previous.slug.map((slug, at) => [slug, at]))
      : undefined;
    for (const record of ordered) {
      for (const slug of record.related) {
        const at = slugAt?.get(slug);
        if (at !== undefined) candidates.add(at);
      }
    }
    const earlier = [...candidates].sort(
      (a, b) => (previous.position[a] ?? 0) - (previous.position[b] ?? 0),
    );
    const sub = [...newAt.keys(), ...earlier];
    const related = relatedIndexes(sub.map(recordOf)).slice(0, ordered.length);
    trace(`related from ${earlier.length} earlier articles`);

    // Nothing is refused past this point: the manifest to be is made.
    carryFileOrder(
      next,
      previous,
      ordered.flatMap((record) => scanOf.get(record) ?? []),
    );
    const articles: [string, string][] = [];
    const entries: [number, string, string][] = [];
    next.hash = [...previous.hash];
    next.slug = [...previous.slug];
    next.modified = [...previous.modified];
    next.signature = [...previous.signature];
    next.related = [...previous.related];
    next.position = previous.position.map((position) => (position >= 0 ? position + ordered.length : position));
    next.entries = previous.entries;
    next.recordAt = [...previous.recordAt];
    next.recordLength = [...previous.recordLength];
    next.summaryAt = [...previous.summaryAt];
    next.summaryLength = [...previous.summaryLength];
    [...newAt].forEach(([at, record], position) => {
      const scan = scanAt.get(at);
      const shown = (related[position] ?? []).map((index) => sub[index] ?? -1);
      next.hash[at] = scan?.hash ?? '';
      next.slug[at] = record.summary.slug;
      next.modified[at] = record.summary.modified;
      next.position[at] = position;
      next.related[at] = shown.join(' ');
      next.signature[at] = `${scan?.hash ?? ''}|${shown.map((other) => summaryHashOf(summaryOf(other))).join(',')}`;
      const summaryJson = scan?.summaryJson ?? '{}';
      entries.push([at, scan?.recordJson ?? JSON.stringify(record), summaryJson]);
      articles.push([
        articlePath(settings, record.summary.slug),
        articlePrefix(record, summaryJson) + (scan?.bodyJson ?? '[]') + articleSuffix(shown.map(summaryOf)),
      ]);
    });

    // The lists' files that show the new articles.
    const positions = [...newAt.keys(), ...byPosition];
    const indexFiles: [string, string][] = [];
    const count = (members: number[]) => members.reduce((sum, at) => sum + (isHole(at) ? 0 : 1), 0);
    /** The files of a list of `total` that show its `added` newest, and its open page (maybe new). */
    const showingNewest = (total: number, added: number) => {
      const showing = filesShowing(total, pageSize, Array.from({ length: added }, (_, index) => index));
      showing.add(listLayout(total, pageSize).open);
      return showing;
    };
    indexFiles.push(
      ...latestFiles(
        settings,
        positions.length,
        (index) => summaryOf(positions[index] ?? -1),
        showingNewest(positions.length, ordered.length),
        count(positions),
      ),
    );
    next.archives = previous.archives.map((archive) => {
      const key = archiveKey(archive.kind, archive.path);
      const added = joined.get(key);
      return added === undefined ? archive : { ...archive, members: [...added.members, ...archive.members] };
    });
    for (const [key, archive] of joined) {
      if (!archives.has(key)) next.archives.push(archive);
    }
    for (const archive of next.archives) {
      const added = joined.get(archiveKey(archive.kind, archive.path));
      if (added === undefined) continue;
      const isNew = !archives.has(archiveKey(archive.kind, archive.path));
      const showing = isNew ? undefined : showingNewest(archive.members.length, added.members.length);
      indexFiles.push(...archivePages(archive, summaryOf, recordOf, isHole, apiDir, pageSize, showing));
    }

    // The feeds: the new articles and those the feeds showed, picked again by the same rule.
    const feedPool = [...newAt.keys(), ...previous.feedFiles];
    next.feedFiles = feedIndexes(feedPool.map(recordOf), FEED_LIMIT).map((index) => feedPool[index] ?? -1);
    indexFiles.push(
      ...feedOutputs(
        settings,
        next.feedFiles.flatMap((at) => {
          if (isHole(at)) return [];
          const record = recordOf(at);
          return [feedArticle(summaryOf(at), record.authors, record.tags)];
        }),
      ),
    );
    indexFiles.push(
      ...sitemapOutputs(
        settings,
        positions.map((at) => ({
          slug: next.slug[at] ?? '',
          modified: next.modified[at] ?? '',
          isRemoved: isHole(at),
        })),
        // The new articles' places and the home page's: the older files do not change.
        Array.from({ length: ordered.length + 1 }, (_, index) => byPosition.length + index),
      ),
    );
    const older = positions
      .slice(UPDATES_NEWEST)
      .flatMap((at) => (isHole(at) ? [] : [{ slug: next.slug[at] ?? '', modified: next.modified[at] ?? '' }]));
    indexFiles.push(
      updatesOutput(
        apiDir,
        positions.slice(0, UPDATES_NEWEST).flatMap((at) => (isHole(at) ? [] : [updateEntry(recordOf(at))])),
        latestChanges(older),
      ),
    );
    trace(`planned: ${articles.length} articles, ${indexFiles.length} list files`);
    // The previous manifest is not used again: its record of outputs is taken over, not copied.
    next.outputs = previous.outputs;

    return {
      corpusSize: positions.length,
      write: async () => {
        let written = 0;
        for (const [name, json] of articles) {
          noteOutput(context, path.join(outDir, name));
          writeFileAtomic(path.join(outDir, name), json);
          written++;
        }
        written += writeChangedOutputs(context, indexFiles);
        written += await copyImages(context, next, publishedImages(ordered));
        appendEntries(next, entries);
        await saveManifest(context);
        return {
          plan: 'newest',
          articles: positions.length,
          scanned: context.scanned,
          rendered: articles.length,
          written,
          unchanged: positions.length + Object.keys(next.outputs).length - written,
          deleted: 0,
        };
      },
    };
  } finally {
    reader.close();
  }
}
