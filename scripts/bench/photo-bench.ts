/**
 * `npm run bench:photos -- [--photos 100] [--width 1600]`: what photos named by URL cost the
 * content build (decision 012). Serves N distinct JPEG photos from a local HTTP server, writes
 * N articles whose hero is one of them, and times the content build three times:
 * 1. first build: every photo downloaded, measured and encoded (AVIF, WebP, JPEG at each width);
 * 2. a fresh output folder with the cache kept (a CI run that keeps `.cache/images/`);
 * 3. a rebuild of the same output after one article's headline changed.
 * Beside them, in the same run, the floor: encoding the same variants with sharp alone, with
 * no download and no build. Prints one JSON line of figures.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { startServer } from '../import/test/server.ts';
import { makeVariants } from '../content/responsive-images.ts';
import { writeContent } from '../content/write-content.ts';

const { values } = parseArgs({
  options: {
    photos: { type: 'string', default: '100' },
    width: { type: 'string', default: '1600' },
  },
});
const count = Number(values.photos);
const width = Number(values.width);
const height = Math.round((width * 2) / 3);

/** A photo-like JPEG: smooth gradients and grain, different for each index. */
async function photo(index: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      const grain = ((x * 7919 + y * 104729 + index * 31) % 23) - 11;
      raw[at] = (128 + 100 * Math.sin((x + index * 13) / 97) + grain) & 255;
      raw[at + 1] = (128 + 90 * Math.cos((y + index * 7) / 71) + grain) & 255;
      raw[at + 2] = (128 + 60 * Math.sin((x + y) / 53 + index) + grain) & 255;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

const root = await mkdtemp(path.join(tmpdir(), 'reader-photo-bench-'));
const photos: Buffer[] = [];
for (let index = 0; index < count; index++) photos.push(await photo(index));
const server = await startServer((url) => {
  const index = Number(/^\/photo-(\d+)\.jpg$/.exec(url.pathname)?.[1] ?? NaN);
  const body = photos[index];
  return body ? { status: 200, headers: { 'content-type': 'image/jpeg' }, body } : undefined;
});

const contentDir = path.join(root, 'content');
await mkdir(path.join(contentDir, 'articles'), { recursive: true });
const articleText = (index: number, title: string) => `---
slug: photo-${index}
title: "${title}"
published: 2026-01-01T10:00:00+00:00
section: News
tags: [Bench]
standfirst: An article with a photo from another host.
image:
  src: ${server.origin}/photo-${index}.jpg
  alt: A photo
  width: ${width}
  height: ${height}
---

A paragraph.
`;
for (let index = 0; index < count; index++) {
  await writeFile(
    path.join(contentDir, 'articles', `photo-${index}.md`),
    articleText(index, `Headline ${index}`),
  );
}

process.env.READER_IMAGE_CACHE = path.join(root, 'image-cache');
// The photo server is on this machine's loopback, which a build refuses unless allowed.
process.env.READER_ALLOW_HOSTS = '127.0.0.1';
const build = async (out: string) => {
  const started = performance.now();
  const stats = await writeContent({
    contentDir,
    outDir: path.join(root, out),
    rootDir: root,
    cacheDir: path.join(root, `manifest-${out}`),
    warn: (message) => console.error(message),
  });
  return { seconds: (performance.now() - started) / 1000, written: stats.written };
};

const first = await build('dist-1');
const freshOutput = await build('dist-2');
await writeFile(
  path.join(contentDir, 'articles', 'photo-0.md'),
  articleText(0, 'Headline 0, corrected'),
);
const rebuild = await build('dist-2');
const requests = server.requests.length;
await server.close();

// The floor: the same encoding, from bytes in memory, nothing else.
const floorStarted = performance.now();
for (const [index, bytes] of photos.entries()) await makeVariants(`p${index}.jpg`, bytes, width);
const floor = (performance.now() - floorStarted) / 1000;

const cacheBytes = await readFile(path.join(root, 'image-cache', 'index.json')).then(
  (b) => b.length,
);
await rm(root, { recursive: true, force: true });
const perPhoto = (seconds: number) => Number(((seconds / count) * 1000).toFixed(1));
console.log(
  JSON.stringify({
    photos: count,
    width,
    downloads: requests,
    firstBuildSeconds: Number(first.seconds.toFixed(2)),
    firstBuildMsPerPhoto: perPhoto(first.seconds),
    encodeOnlyMsPerPhoto: perPhoto(floor),
    freshOutputWithCacheSeconds: Number(freshOutput.seconds.toFixed(2)),
    rebuildAfterOneEditSeconds: Number(rebuild.seconds.toFixed(2)),
    rebuildFilesWritten: rebuild.written,
    indexBytes: cacheBytes,
  }),
);
