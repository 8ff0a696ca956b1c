/**
 * The search index, kept up to date with what a build changed (decision 020). Published,
 * edited and removed articles go into the recent segment (`recent.json`), and only that file
 * is rewritten; the main index is rebuilt from every article (folded) when the segment
 * passes its limits, on `--fold`, or when there is no list of changes to go by.
 *
 *   node scripts/search/update-search-index.ts --dist dist [--changes FILE] [--fold] [--json]
 *
 * reads the build's change list (by default `<dist>/.changes/latest.txt`; its article lines
 * are `W api/articles/<slug>.json` and `D api/articles/<slug>.json`), updates the index and
 * prints the files it wrote and deleted, in the change list's own format.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import {
  DocsFileSchema,
  RankTimesSchema,
  SEARCH_INDEX_DIR,
  SearchManifestSchema,
  searchIndexPaths,
  SearchSegmentSchema,
  ranksFromGaps,
  type SearchManifest,
  type SearchSegment,
} from '../../src/contract/search-index.ts';
import { buildSearchIndexFromApi, json, Postings, readArticle } from './search-index.ts';
import { makeSegment, placeAmong, segmentEntries } from './search-segment.ts';

/**
 * The segment is folded into the main index once it holds more than this many articles, or
 * its file more than this many bytes (before gzip). Measured on the generated archive (see
 * decision 020): 500 articles make a file of about 150 KB, 40 KB gzipped, which a first
 * query downloads beside the main index's files; and a fold (a full build, 26 s at 100,000
 * articles) comes about once a week for a newsroom publishing 70 stories a day.
 */
export const SEGMENT_LIMITS = { articles: 500, bytes: 256 * 1024 };

export type SearchIndexUpdate = {
  /** `segment`: only the segment was rewritten; `full`: the whole index was built afresh. */
  mode: 'segment' | 'full';
  /** Why the whole index was built, for the build's log. */
  reason: string;
  /** Files written (new or changed) and deleted, relative to `distDir`, sorted. */
  written: string[];
  deleted: string[];
  /** Articles in the index, and of those in the segment; the segment file's size. */
  articles: number;
  segmentArticles: number;
  segmentBytes: number;
};

export type UpdateOptions = {
  /** The built site: the index is `<distDir>/api/search/`, the articles `api/articles/`. */
  distDir: string;
  /** Slugs of the articles the build wrote (new or changed) and deleted. */
  written?: readonly string[];
  deleted?: readonly string[];
  /** Fold the segment into the main index now. Without a list of changes, it is always folded. */
  fold?: boolean;
  limits?: typeof SEGMENT_LIMITS;
};

/** Brings the search index up to date with the articles the build wrote and deleted. */
export async function updateSearchIndex(options: UpdateOptions): Promise<SearchIndexUpdate> {
  const apiDir = path.join(options.distDir, 'api');
  const indexDir = path.join(apiDir, SEARCH_INDEX_DIR);
  if (options.fold === true) return fullBuild(apiDir, 'folded on request');
  if (options.written === undefined && options.deleted === undefined) {
    return fullBuild(apiDir, 'no list of changes');
  }
  let main: MainIndex;
  let segment: SearchSegment;
  try {
    main = await readMain(indexDir);
    segment = await readIndexFile(indexDir, searchIndexPaths.segment(), SearchSegmentSchema);
    if (segment.main !== main.manifest.id) {
      throw new Error(`${searchIndexPaths.segment()} was made for another main index`);
    }
  } catch (error) {
    // No index yet, one of an older format, or a broken one: built afresh, said why.
    return fullBuild(apiDir, error instanceof Error ? error.message : String(error));
  }

  const gone = new Set(ranksFromGaps(segment.gone));
  const entries = new Map(segmentEntries(segment).map((entry) => [entry.slug, entry]));
  const leave = (slug: string) => {
    entries.delete(slug);
    const rank = main.rankOf.get(slug);
    if (rank !== undefined) gone.add(rank);
  };
  for (const slug of options.deleted ?? []) leave(slug);
  for (const slug of options.written ?? []) {
    leave(slug);
    const postings = new Postings();
    postings.add(readArticle(path.join(apiDir, 'articles', `${slug}.json`)));
    const doc = postings.docs[0];
    if (doc === undefined) continue;
    const at = placeAmong(main.slugs.length, main.slugAt, main.timeAt, doc);
    entries.set(slug, { ...doc, at, terms: postings.terms });
  }

  const next = makeSegment(main.manifest.id, gone, [...entries.values()]);
  const bytes = json(next);
  const limits = options.limits ?? SEGMENT_LIMITS;
  if (next.docs.length > limits.articles || bytes.length > limits.bytes) {
    return fullBuild(
      apiDir,
      `the recent segment passed its limits (${next.docs.length} articles, ${bytes.length} bytes)`,
    );
  }
  const target = path.join(indexDir, searchIndexPaths.segment());
  const old = await readFile(target);
  const changed = !old.equals(bytes);
  if (changed) {
    // Written beside, then renamed over: a reader never meets half a file.
    const temporary = `${target}.next-${process.pid}`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  }
  return {
    mode: 'segment',
    reason: '',
    written: changed ? [indexPath(searchIndexPaths.segment())] : [],
    deleted: [],
    articles: main.slugs.length - gone.size + next.docs.length,
    segmentArticles: next.docs.length,
    segmentBytes: bytes.length,
  };
}

const indexPath = (file: string) => `api/${SEARCH_INDEX_DIR}/${file}`;

async function fullBuild(apiDir: string, reason: string): Promise<SearchIndexUpdate> {
  const built = await buildSearchIndexFromApi(apiDir, path.join(apiDir, SEARCH_INDEX_DIR));
  return {
    mode: 'full',
    reason,
    written: built.written.map(indexPath),
    deleted: built.deleted.map(indexPath),
    articles: built.count,
    segmentArticles: 0,
    segmentBytes: (await readFile(path.join(apiDir, SEARCH_INDEX_DIR, searchIndexPaths.segment())))
      .length,
  };
}

/** What a publish needs of the main index: each rank's slug and time, and each slug's rank. */
type MainIndex = {
  manifest: SearchManifest;
  slugs: string[];
  rankOf: Map<string, number>;
  slugAt: (rank: number) => string;
  timeAt: (rank: number) => number;
};

async function readMain(indexDir: string): Promise<MainIndex> {
  const manifest = await readIndexFile(indexDir, searchIndexPaths.manifest(), SearchManifestSchema);
  const files = Math.ceil(manifest.articles / manifest.docsPerFile);
  const [docs, gaps] = await Promise.all([
    Promise.all(
      Array.from({ length: files }, (_, file) =>
        readIndexFile(indexDir, searchIndexPaths.docs(file), DocsFileSchema),
      ),
    ),
    readIndexFile(indexDir, searchIndexPaths.times(), RankTimesSchema),
  ]);
  const slugs = docs.flat();
  if (slugs.length !== manifest.articles || gaps.length !== manifest.articles) {
    throw new Error(
      `${searchIndexPaths.manifest()} counts ${manifest.articles} articles; the docs files hold ${slugs.length}, ${searchIndexPaths.times()} ${gaps.length}`,
    );
  }
  const times = new Float64Array(gaps.length);
  let time = 0;
  gaps.forEach((gap, rank) => {
    time = rank === 0 ? gap : time - gap;
    times[rank] = time;
  });
  return {
    manifest,
    slugs,
    rankOf: new Map(slugs.map((slug, rank) => [slug, rank])),
    slugAt: (rank) => slugs[rank] ?? '',
    timeAt: (rank) => times[rank] ?? 0,
  };
}

async function readIndexFile<TSchema extends v.GenericSchema>(
  indexDir: string,
  file: string,
  schema: TSchema,
): Promise<v.InferOutput<TSchema>> {
  const where = `search index: ${indexPath(file)}`;
  let text: string;
  try {
    text = await readFile(path.join(indexDir, file), 'utf8');
  } catch {
    throw new Error(`${where} is missing`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`${where} is not JSON`);
  }
  const parsed = v.safeParse(schema, data);
  if (!parsed.success) {
    throw new Error(`${where} is not as expected: ${parsed.issues[0]?.message ?? ''}`);
  }
  return parsed.output;
}

/** The articles a change list names as written and deleted. */
export function articleChanges(list: string): { written: string[]; deleted: string[] } {
  const written: string[] = [];
  const deleted: string[] = [];
  for (const line of list.split('\n')) {
    const match = /^([WD]) api\/articles\/([^/]+)\.json$/.exec(line.trimEnd());
    if (match === null) continue;
    (match[1] === 'W' ? written : deleted).push(match[2] ?? '');
  }
  return { written, deleted };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      changes: { type: 'string' },
      fold: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const distDir = path.resolve(values.dist);
  const changesFile = values.changes ?? path.join(distDir, '.changes', 'latest.txt');
  const started = performance.now();
  try {
    const changes = existsSync(changesFile)
      ? articleChanges(await readFile(changesFile, 'utf8'))
      : {};
    const update = await updateSearchIndex({ distDir, ...changes, fold: values.fold });
    const ms = Math.round(performance.now() - started);
    if (values.json) console.log(JSON.stringify({ ...update, ms }));
    else {
      for (const file of update.written) console.log(`W ${file}`);
      for (const file of update.deleted) console.log(`D ${file}`);
      console.error(
        `search: ${update.articles} articles, ${update.segmentArticles} in the recent segment (${update.segmentBytes} bytes); ` +
          `${update.mode === 'full' ? `built whole (${update.reason})` : 'segment updated'}: ` +
          `${update.written.length} files written, ${update.deleted.length} deleted in ${ms} ms`,
      );
    }
  } catch (error) {
    console.error(`search index: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
