/**
 * What every planner of the content build shares: the build's context, and publishing its
 * outputs (each noted in the change list first), its images and, last, its manifest.
 */
import { mkdirSync } from 'node:fs';
import { rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { apiPaths } from '../../src/contract/article.ts';
import type { ChangeRecorder } from '../build/change-list.ts';
import { downloadsByName, publishedImage, type Settings } from './build-content.ts';
import { contentHash } from './content-jobs.ts';
import { MARKER, writeManifest, type EntriesWriter, type Manifest } from './content-manifest.ts';
import { makeVariants } from './responsive-images.ts';
import { trace } from './trace.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export type WriteStats = {
  /**
   * Which planner made the build: `same-shape` (every list kept its members), `newest` (new
   * articles, newest of all) or `whole` (everything made again and compared).
   */
  plan: 'same-shape' | 'newest' | 'whole';
  articles: number;
  scanned: number;
  rendered: number;
  written: number;
  unchanged: number;
  deleted: number;
};

export type Published = { write: () => Promise<WriteStats>; corpusSize: number };

export type Context = {
  settings: Settings;
  outDir: string;
  manifestFile: string;
  previous: Manifest | undefined;
  next: Manifest;
  scanned: number;
  cleanUp: () => Promise<void>;
  /** The staging folder of a whole build, or undefined for an incremental one. */
  staging: string | undefined;
  /** The entries file a whole build fills while reading. */
  early: EntriesWriter | undefined;
  changes: ChangeRecorder | undefined;
};

/** Tells the change list that the output file `target` (absolute) is about to change. */
export function noteOutput(context: Context, target: string): void {
  context.changes?.before(path.relative(context.outDir, target).split(path.sep).join('/'));
}

/**
 * Writes each of `files` (path under the output folder, text) whose text differs from what
 * the manifest says is on disk, and records its signature; returns how many were written.
 */
export function writeChangedOutputs(context: Context, files: Iterable<[string, string]>): number {
  const { next, outDir } = context;
  let written = 0;
  for (const [name, text] of files) {
    const signature = contentHash(text);
    if (next.outputs[name] === signature) continue;
    next.outputs[name] = signature;
    const target = path.join(outDir, name);
    noteOutput(context, target);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, text);
    written++;
  }
  return written;
}

/** Lets the event loop run: worker threads waiting for their next job get it. */
export function pause(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function articlePath(settings: Settings, slug: string): string {
  return `${settings.apiDir}/${apiPaths.article(slug)}`;
}

/** Publishes the images articles show (files and their variants), when new or changed. */
export async function copyImages(context: Context, manifest: Manifest, images: string[]): Promise<number> {
  const { settings, outDir, previous } = context;
  const downloads = downloadsByName(settings);
  let written = 0;
  for (const image of [...new Set(images)].sort()) {
    const folder = downloads.has(image) ? settings.imageCacheDir : settings.imagesDir;
    const { mtimeMs, size } = await stat(path.join(folder, image));
    const name = `images/${image}`;
    // Read before it is set: an incremental build's record may be the previous one's.
    const published = previous?.outputs[name];
    manifest.outputs[name] = `${mtimeMs}:${size}`;
    if (published === manifest.outputs[name]) continue;
    for (const [file, bytes] of await publishedImage(settings, image, downloads, makeVariants)) {
      const target = path.join(outDir, 'images', file);
      noteOutput(context, target);
      mkdirSync(path.dirname(target), { recursive: true });
      await writeFile(`${target}.tmp`, bytes);
      await rename(`${target}.tmp`, target);
      written++;
    }
  }
  return written;
}

export async function saveManifest(context: Context): Promise<void> {
  const { next, manifestFile } = context;
  trace('published');
  await context.cleanUp();
  next.buildId = contentHash(`${process.pid}:${Date.now()}:${Math.random()}`);
  await writeManifest(next, manifestFile);
  const apiDir = path.join(context.outDir, context.settings.apiDir);
  mkdirSync(apiDir, { recursive: true });
  writeFileAtomic(path.join(apiDir, MARKER), next.buildId);
  trace('manifest saved');
}
