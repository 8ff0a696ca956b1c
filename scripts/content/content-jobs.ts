/**
 * The bulk work of a content build, written once and run either inline (small corpora, tests,
 * the dev server) or in worker threads (a large archive uses every core): reading article
 * files, and writing article JSON around their bodies.
 *
 * A large build writes each article's JSON while reading it, up to its Related list, into a
 * staging folder; once the corpus is known, the Related list is appended. Bodies are never
 * held in memory nor written twice.
 */
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  fstatSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import path from 'node:path';
import {
  readArticle,
  type ArticleRecord,
  type ImageSources,
} from './article-record.ts';
import { articlePrefix } from './corpus.ts';
import { writeFileAtomic } from './write-file-atomic.ts';
import { unforeseen, type Problem } from './problem.ts';
import { LIMITS } from './text-rules.ts';

type Shared = { images: ImageSources; imageBase: string };

export type ScanJob = Shared & {
  kind: 'scan';
  files: { abs: string; file: string; removed?: true }[];
  /**
   * Write each article's JSON, up to its Related list, to `<dir>/<slug>.json`; without it,
   * bodies come back in the result.
   */
  stagingDir?: string;
};

export type Scanned = {
  file: string;
  abs: string;
  hash: string;
  record?: ArticleRecord;
  /** The record as JSON text, as the manifest stores it (made here, on every core). */
  recordJson?: string;
  problems: Problem[];
  /** When the file was read: its modification time and size (for the next build's check). */
  mtimeMs: number;
  size: number;
  /** The summary as JSON text, made once here rather than again on the main thread. */
  summaryJson?: string;
  /** Its hash: a Related list changes when a summary in it does. */
  summaryHash?: string;
  bodyJson?: string;
};

/** How one article's JSON file is completed or made. */
export type RenderItem =
  /** Staged while read: append the Related list. */
  | { kind: 'append'; target: string; suffix: string }
  /** Unchanged and already published: link the published file into the staging folder. */
  | { kind: 'link'; source: string; target: string }
  /** Read the article again and write it whole. */
  | { kind: 'render'; abs: string; file: string; prefix: string; suffix: string; target: string }
  /** Another output (a page, a feed), made on the main thread: write it, folders and all. */
  | { kind: 'write'; target: string; text: string };

export type RenderJob = Shared & {
  kind: 'render';
  items: RenderItem[];
  /** Write each file beside its target and rename it into place. */
  isAtomic: boolean;
};

export type Job = ScanJob | RenderJob;
export type JobResult = Scanned[] | Problem[];

export function runJob(job: Job): JobResult {
  return job.kind === 'scan' ? scanFiles(job) : renderArticles(job);
}

export function contentHash(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

export function summaryHashOf(summaryJson: string): string {
  return contentHash(summaryJson).slice(0, 16);
}

function scanFiles(job: ScanJob): Scanned[] {
  return job.files.map(({ abs, file, removed }) => {
    try {
      return scanFile(job, abs, file, removed === true);
    } catch (error) {
      // Whatever no rule foresaw (a file that cannot be opened, a parser giving up): one
      // line naming the file, and the build goes on to find the rest.
      return { file, abs, hash: '', mtimeMs: 0, size: 0, problems: [unforeseen(file, error)] };
    }
  });
}

function scanFile(job: ScanJob, abs: string, file: string, isRemoved: boolean): Scanned {
  // The time and size belong to the very bytes read: an edit made meanwhile is seen next time.
  const fd = openSync(abs, 'r');
  let bytes: Buffer;
  let stats: Stats;
  try {
    stats = fstatSync(fd);
    if (stats.size > LIMITS.fileBytes) {
      const problem = {
        file,
        message: `file is ${(stats.size / 1024 / 1024).toFixed(1)} MB; an article file may be at most ${LIMITS.fileBytes / 1024 / 1024} MB`,
      };
      return { file, abs, hash: '', mtimeMs: stats.mtimeMs, size: stats.size, problems: [problem] };
    }
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  const hash = contentHash(bytes);
  const read = readArticle(file, bytes.toString('utf8'), job.images, job.imageBase);
  if (isRemoved && read.record) {
    // A tombstone: its record places the hole; it has no summary to show and no body, and
    // what its body or photos would fail on no longer matters.
    read.record.removed = true;
    delete read.record.pendingImages;
    return {
      file,
      abs,
      hash,
      mtimeMs: stats.mtimeMs,
      size: stats.size,
      record: read.record,
      recordJson: JSON.stringify(read.record),
      problems: [],
      summaryJson: '',
      summaryHash: summaryHashOf(''),
    };
  }
  const scanned: Scanned = {
    file,
    abs,
    hash,
    mtimeMs: stats.mtimeMs,
    size: stats.size,
    ...(read.record ? { record: read.record, recordJson: JSON.stringify(read.record) } : {}),
    problems: read.problems,
  };
  if (read.bodyJson === undefined || read.record === undefined) return scanned;
  const summaryJson = read.summaryJson ?? '{}';
  scanned.summaryHash = summaryHashOf(summaryJson);
  if (job.stagingDir === undefined) return { ...scanned, summaryJson, bodyJson: read.bodyJson };
  // A file of an article with problems is harmless: the staging folder is then discarded.
  const target = path.join(job.stagingDir, `${read.record.summary.slug}.json`);
  writeFileSync(target, articlePrefix(read.record, summaryJson) + read.bodyJson);
  return { ...scanned, summaryJson };
}

function renderArticles(job: RenderJob): Problem[] {
  const problems: Problem[] = [];
  for (const item of job.items) {
    switch (item.kind) {
      case 'append':
        appendFileSync(item.target, item.suffix);
        break;
      case 'link':
        linkSync(item.source, item.target);
        break;
      case 'write':
        mkdirSync(path.dirname(item.target), { recursive: true });
        if (job.isAtomic) writeFileAtomic(item.target, item.text);
        else writeFileSync(item.target, item.text);
        break;
      case 'render': {
        let read: ReturnType<typeof readArticle>;
        try {
          read = readArticle(item.file, readFileSync(item.abs, 'utf8'), job.images, job.imageBase);
        } catch (error) {
          read = { problems: [unforeseen(item.file, error)] };
        }
        problems.push(...read.problems);
        if (read.bodyJson === undefined) break;
        const json = item.prefix + read.bodyJson + item.suffix;
        if (job.isAtomic) writeFileAtomic(item.target, json);
        else writeFileSync(item.target, json);
        break;
      }
      default:
        item satisfies never;
    }
  }
  return problems;
}
