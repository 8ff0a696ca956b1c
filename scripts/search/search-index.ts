/**
 * The search index, built from the article JSON the content build wrote: an inverted index
 * in small static files, so that a browser downloads only the few a query needs, and
 * nothing until the reader searches. The files' shapes live in
 * src/contract/search-index.ts; decision 005 says why the reader has its own index.
 *
 * Words are folded and split by the same function the browser applies to a query
 * (searchTerms), so `İstanbul` is found typing `istanbul` and Arabic words whatever their
 * letter forms.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as v from 'valibot';
import { ArticleSchema, type Article } from '../../src/contract/article.ts';
import {
  concatRanks,
  gapsFromRanks,
  SEARCH_INDEX_FORMAT,
  searchIndexPaths,
  termKey,
  type SearchManifest,
  type TermFile,
} from '../../src/contract/search-index.ts';
import { compareDocs, makeSegment, type Doc } from './search-segment.ts';
import { articleText } from '../../src/lib/article-text.ts';
import { searchTerms } from '../../src/features/search/lib/fold-text.ts';

/** A term found in at most this many articles keeps its ranks in its term file. */
export const INLINE_POSTINGS = 32;

/** Slugs per docs file: a page of results needs one or two of them. */
export const DOCS_PER_FILE = 1000;

/** What indexing some articles found: their docs, and for each term the docs that hold it. */
export type PostingsPart = { docs: Doc[]; terms: string[]; lists: Int32Array[] };

/** Grows by doubling: postings of a large archive stay out of boxed JS arrays. */
class IntList {
  items = new Int32Array(4);
  length = 0;
  push(value: number) {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
  view() {
    return this.items.subarray(0, this.length);
  }
}

/**
 * Articles in, postings out. An archive repeats the same few thousand spellings millions of
 * times, so each spelling is folded and split once (`spellings`), and an article's terms are
 * told apart by the last article each was seen in, not by a set per article.
 */
export class Postings {
  readonly docs: Doc[] = [];
  readonly terms: string[] = [];
  readonly lists: IntList[] = [];
  private readonly termIds = new Map<string, number>();
  private readonly spellings = new Map<string, number[]>();
  private lastSeen = new Int32Array(1024).fill(-1);

  add(article: Article) {
    const doc = this.docs.length;
    this.docs.push({
      slug: article.slug,
      time: Date.parse(article.published),
      month: article.published.slice(0, 7),
      section: (article.section.parents?.[0] ?? article.section).slug,
    });
    for (const spelling of `${article.title}\n${articleText(article)}`.split(/\s+/)) {
      for (const id of this.spelling(spelling)) {
        if (this.lastSeen[id] === doc) continue;
        this.lastSeen[id] = doc;
        this.lists[id]?.push(doc);
      }
    }
  }

  part(): PostingsPart {
    return { docs: this.docs, terms: this.terms, lists: this.lists.map((list) => list.view()) };
  }

  private spelling(spelling: string): number[] {
    let ids = this.spellings.get(spelling);
    if (ids === undefined) {
      ids = searchTerms(spelling).map((term) => this.termId(term));
      this.spellings.set(spelling, ids);
    }
    return ids;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.lists.push(new IntList());
      if (id >= this.lastSeen.length) {
        const grown = new Int32Array(this.lastSeen.length * 2).fill(-1);
        grown.set(this.lastSeen);
        this.lastSeen = grown;
      }
    }
    return id;
  }
}

const encoder = new TextEncoder();
export const json = (value: unknown) => encoder.encode(JSON.stringify(value));

/**
 * Indexes `articles`; writes the index into `outputPath` when given (replacing what was
 * there only once the new index is complete), and returns its files (path inside the
 * index folder -> bytes) otherwise. The recent segment starts empty: a full build holds
 * every article in its main index.
 */
export async function buildSearchIndex(
  articles: Iterable<Article> | AsyncIterable<Article>,
  outputPath?: string,
): Promise<SearchIndexStats> {
  const postings = new Postings();
  for await (const article of articles) postings.add(article);
  return writeSearchIndex([postings.part()], outputPath);
}

/**
 * Indexes the articles of a built JSON API (`<apiDir>/articles/*.json`) like
 * buildSearchIndex, reading and splitting the articles on every core (one thread for each
 * 500 articles, up to the number of cores).
 */
export async function buildSearchIndexFromApi(
  apiDir: string,
  outputPath?: string,
  threads = Math.min(availableParallelism(), Math.ceil(fileCount(apiDir) / 500)),
): Promise<SearchIndexStats> {
  const dir = path.join(apiDir, 'articles');
  const files = readdirSync(dir)
    .filter((entry) => entry.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
  const share = Math.ceil(files.length / Math.max(1, threads));
  const parts = await Promise.all(
    Array.from({ length: Math.max(1, threads) }, (_, thread) =>
      runWorker(files.slice(thread * share, (thread + 1) * share)),
    ),
  );
  return writeSearchIndex(parts, outputPath);
}

function fileCount(apiDir: string): number {
  return readdirSync(path.join(apiDir, 'articles')).length;
}

function runWorker(files: string[]): Promise<PostingsPart> {
  const worker = new Worker(new URL('./index-worker.ts', import.meta.url), {
    workerData: files,
  });
  return new Promise<PostingsPart>((resolve, reject) => {
    worker.once('message', (part: PostingsPart) => {
      resolve(part);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`search index: worker stopped with code ${code}`));
    });
  }).finally(() => void worker.terminate());
}

/** Indexes some articles, one after the other: what a worker does with its share. */
export function indexFiles(files: string[]): PostingsPart {
  const postings = new Postings();
  for (const file of files) postings.add(readArticle(file));
  return postings.part();
}

export type SearchIndexStats = IndexChanges & {
  files: Map<string, Uint8Array>;
  count: number;
  terms: number;
};

/** Merges the parts (in order) into one index and writes its files. */
async function writeSearchIndex(
  parts: PostingsPart[],
  outputPath: string | undefined,
): Promise<SearchIndexStats> {
  const docs = parts.flatMap((part) => part.docs);
  const merged = new Map<string, Int32Array[]>();
  let offset = 0;
  for (const part of parts) {
    part.terms.forEach((term, id) => {
      const list = (part.lists[id] ?? new Int32Array()).map((doc) => doc + offset);
      const lists = merged.get(term);
      if (lists === undefined) merged.set(term, [list]);
      else lists.push(list);
    });
    offset += part.docs.length;
  }

  const order = docs.map((_, index) => index);
  order.sort((a, b) => compareDocs(docs[a] as Doc, docs[b] as Doc));
  const rankOf = new Int32Array(docs.length);
  order.forEach((index, rank) => {
    rankOf[index] = rank;
  });
  const ranked = (list: ArrayLike<number>) => {
    const ranks = Int32Array.from(list, (index) => rankOf[index] ?? 0);
    return gapsFromRanks(ranks.sort());
  };

  const files = new Map<string, Uint8Array>();
  const byKey = new Map<string, string[]>();
  for (const term of merged.keys()) {
    const key = termKey(term);
    const terms = byKey.get(key);
    if (terms === undefined) byKey.set(key, [term]);
    else terms.push(term);
  }
  for (const [key, terms] of byKey) {
    const termFile: TermFile = {};
    let postingsFiles = 0;
    for (const term of terms.sort()) {
      const lists = merged.get(term) ?? [];
      const list = lists.length === 1 ? (lists[0] as Int32Array) : concatRanks(lists);
      if (list.length <= INLINE_POSTINGS) {
        termFile[term] = ranked(list);
      } else {
        termFile[term] = postingsFiles;
        files.set(searchIndexPaths.postings(key, postingsFiles++), json(ranked(list)));
      }
    }
    files.set(searchIndexPaths.terms(key), json(termFile));
  }

  const months: SearchManifest['months'] = [];
  const sections = new Map<string, number[]>();
  order.forEach((index, rank) => {
    const doc = docs[index] as Doc;
    const run = months.at(-1);
    if (run?.[0] === doc.month) run[1]++;
    else months.push([doc.month, 1]);
    const list = sections.get(doc.section);
    if (list === undefined) sections.set(doc.section, [rank]);
    else list.push(rank);
  });
  for (const [slug, ranks] of sections) {
    files.set(searchIndexPaths.section(slug), json(gapsFromRanks(ranks)));
  }
  for (let start = 0; start < order.length; start += DOCS_PER_FILE) {
    const slugs = order.slice(start, start + DOCS_PER_FILE).map((index) => docs[index]?.slug);
    files.set(searchIndexPaths.docs(start / DOCS_PER_FILE), json(slugs));
  }
  let previous = order.length === 0 ? 0 : (docs[order[0] ?? 0]?.time ?? 0);
  const times = order.map((index) => {
    const time = docs[index]?.time ?? 0;
    const gap = previous - time;
    previous = time;
    return gap;
  });
  if (times.length > 0) times[0] = docs[order[0] ?? 0]?.time ?? 0;
  files.set(searchIndexPaths.times(), json(times));
  const described = {
    months,
    keys: [...byKey.keys()].sort(),
    sections: [...sections.keys()].sort(),
  };
  const manifest: SearchManifest = {
    format: SEARCH_INDEX_FORMAT,
    id: indexId(files, described),
    articles: docs.length,
    docsPerFile: DOCS_PER_FILE,
    ...described,
  };
  files.set(searchIndexPaths.manifest(), json(manifest));
  files.set(searchIndexPaths.segment(), json(makeSegment(manifest.id, [], [])));

  const stats = { count: docs.length, terms: merged.size };
  if (outputPath !== undefined) {
    return { files: new Map(), ...stats, ...(await writeIndex(files, outputPath)) };
  }
  return { files, ...stats, written: [...files.keys()].sort(), deleted: [] };
}

/**
 * A main index's name: a hash of what it holds, so the same articles always give the same
 * name (two full builds agree byte for byte) and other articles another.
 */
function indexId(files: Map<string, Uint8Array>, described: object): string {
  const hash = createHash('sha256').update(JSON.stringify(described));
  for (const name of [...files.keys()].sort()) {
    hash.update(`\n${name}\n`).update(files.get(name) ?? new Uint8Array());
  }
  return hash.digest('hex').slice(0, 16);
}

/** The files (paths inside the index folder) a write changed: new or different, and gone. */
export type IndexChanges = { written: string[]; deleted: string[] };

/**
 * Writes the index beside the old one, then swaps it in: a reader never meets half of one.
 * Returns the files whose bytes changed, and those the new index no longer has, which is
 * what a host must upload and a CDN purge.
 */
async function writeIndex(
  files: Map<string, Uint8Array>,
  outputPath: string,
): Promise<IndexChanges> {
  const before = await readdir(outputPath, { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  const oldFiles = new Set(
    before
      .filter((entry) => entry.isFile())
      .map((entry) =>
        path
          .relative(outputPath, path.join(entry.parentPath, entry.name))
          .split(path.sep)
          .join('/'),
      ),
  );
  const written: string[] = [];
  for (const [name, bytes] of files) {
    if (!oldFiles.has(name)) {
      written.push(name);
      continue;
    }
    const old = await readFile(path.join(outputPath, name));
    if (!old.equals(bytes)) written.push(name);
  }
  const deleted = [...oldFiles].filter((name) => !files.has(name));
  const next = `${outputPath}.next-${process.pid}`;
  const old = `${outputPath}.old-${process.pid}`;
  await rm(next, { recursive: true, force: true });
  const folders = new Set([...files.keys()].map((name) => path.dirname(path.join(next, name))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const pending = [...files];
  // A few writes in flight keep the disk busy without opening thousands of files at once.
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
        await writeFile(path.join(next, item[0]), item[1]);
      }
    }),
  );
  await rename(outputPath, old).catch(() => undefined);
  await rename(next, outputPath);
  await rm(old, { recursive: true, force: true });
  return { written: written.sort(), deleted: deleted.sort() };
}

/** An article of a built JSON API, read synchronously (several times faster than awaiting). */
export function readArticle(file: string): Article {
  const parsed = v.safeParse(ArticleSchema, JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`search index: ${file} is not an article: ${parsed.issues[0]?.message ?? ''}`);
  return parsed.output;
}
