/**
 * The bulk work of a content build, written once and run either inline (small corpora, tests,
 * the dev server) or in worker threads (a large archive uses every core): reading article
 * files, and writing article JSON around their bodies.
 *
 * A large build keeps bodies between the two in pack files (one per job, written in one
 * sequential stream) rather than in memory or in 100,000 small files.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { threadId } from 'node:worker_threads';
import {
  readArticle,
  type ArticleRecord,
  type LocalImages,
  type Reference,
} from './article-record.ts';
import type { Problem } from './problem.ts';

type Shared = { localImages: LocalImages; imageBase: string };

/** Where a body's JSON text lies in a pack file. */
export type PackedBody = { pack: string; offset: number; length: number };

export type ScanJob = Shared & {
  kind: 'scan';
  files: { abs: string; file: string }[];
  /** Write bodies to this pack file; without it, bodies come back in the result. */
  pack?: string;
};

export type Scanned = {
  file: string;
  abs: string;
  hash: string;
  record?: ArticleRecord;
  references: Reference[];
  problems: Problem[];
  bodyJson?: string;
  body?: PackedBody;
};

export type RenderJob = Shared & {
  kind: 'render';
  /**
   * Each article's JSON is `prefix + body + suffix`, written to `target`. The body comes
   * from a pack, or from reading the article file again.
   */
  items: { abs: string; file: string; prefix: string; suffix: string; target: string; body?: PackedBody }[];
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

function scanFiles(job: ScanJob): Scanned[] {
  const fd = job.pack === undefined ? undefined : openSync(job.pack, 'w');
  let offset = 0;
  try {
    return job.files.map(({ abs, file }) => {
      const bytes = readFileSync(abs);
      const hash = contentHash(bytes);
      const read = readArticle(file, bytes.toString('utf8'), job.localImages, job.imageBase);
      const scanned: Scanned = {
        file,
        abs,
        hash,
        ...(read.record ? { record: read.record } : {}),
        references: read.references,
        problems: read.problems,
      };
      if (read.bodyJson === undefined) return scanned;
      if (fd === undefined || job.pack === undefined) return { ...scanned, bodyJson: read.bodyJson };
      const data = Buffer.from(read.bodyJson);
      writeSync(fd, data);
      const body = { pack: job.pack, offset, length: data.length };
      offset += data.length;
      return { ...scanned, body };
    });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function renderArticles(job: RenderJob): Problem[] {
  const packs = new Map<string, number>();
  const problems: Problem[] = [];
  try {
    for (const item of job.items) {
      let body: string | undefined;
      if (item.body) {
        let fd = packs.get(item.body.pack);
        if (fd === undefined) {
          fd = openSync(item.body.pack, 'r');
          packs.set(item.body.pack, fd);
        }
        const buffer = Buffer.allocUnsafe(item.body.length);
        readSync(fd, buffer, 0, item.body.length, item.body.offset);
        body = buffer.toString('utf8');
      } else {
        const read = readArticle(item.file, readFileSync(item.abs, 'utf8'), job.localImages, job.imageBase);
        problems.push(...read.problems);
        body = read.bodyJson;
      }
      if (body === undefined) continue;
      const json = item.prefix + body + item.suffix;
      if (job.isAtomic) writeFileAtomic(item.target, json);
      else writeFileSync(item.target, json);
    }
  } finally {
    for (const fd of packs.values()) closeSync(fd);
  }
  return problems;
}

/** Write beside the target, then rename: a reader never sees half a file. */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const temporary = `${target}.${process.pid}-${threadId}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, target);
}
