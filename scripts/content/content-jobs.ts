/**
 * The bulk work of a content build, written once and run either inline (small corpora, tests,
 * the dev server) or in worker threads (a large archive uses every core): scanning article
 * files, and rendering article JSON.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import {
  renderArticleBody,
  scanArticle,
  type ArticleRecord,
  type LocalImages,
  type Reference,
} from './article-record.ts';
import type { Problem } from './problem.ts';

type Shared = { localImages: LocalImages; imageBase: string };

export type ScanJob = Shared & { kind: 'scan'; files: { abs: string; file: string }[] };

export type Scanned = {
  file: string;
  abs: string;
  hash: string;
  record?: ArticleRecord;
  problems: Problem[];
};

export type RenderJob = Shared & {
  kind: 'render';
  /**
   * Each article's JSON is `prefix + body + suffix`. With `target`, it is written there
   * (unless the article has problems); without, it comes back in the result.
   */
  items: { abs: string; record: ArticleRecord; prefix: string; suffix: string; target?: string }[];
  /** Write each file beside its target and rename it into place. */
  isAtomic: boolean;
};

export type Rendered = {
  references: Reference[];
  images: string[];
  problems: Problem[];
  json?: string;
};

export type Job = ScanJob | RenderJob;
export type JobResult = Scanned[] | Rendered[];

export function runJob(job: Job): JobResult {
  return job.kind === 'scan' ? scanFiles(job) : renderArticles(job);
}

export function contentHash(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

function scanFiles(job: ScanJob): Scanned[] {
  return job.files.map(({ abs, file }) => {
    const bytes = readFileSync(abs);
    const hash = contentHash(bytes);
    const { record, problems } = scanArticle(
      file,
      bytes.toString('utf8'),
      job.localImages,
      job.imageBase,
    );
    return { file, abs, hash, ...(record ? { record } : {}), problems };
  });
}

function renderArticles(job: RenderJob): Rendered[] {
  return job.items.map((item) => {
    const text = readFileSync(item.abs, 'utf8');
    const { bodyJson, references, images, problems } = renderArticleBody(
      item.record,
      text,
      job.localImages,
      job.imageBase,
    );
    const json = item.prefix + bodyJson + item.suffix;
    if (item.target === undefined) return { references, images, problems, json };
    if (problems.length === 0) {
      if (job.isAtomic) writeFileAtomic(item.target, json);
      else writeFileSync(item.target, json);
    }
    return { references, images, problems };
  });
}

/** Write beside the target, then rename: a reader never sees half a file. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const temporary = `${target}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, target);
}
