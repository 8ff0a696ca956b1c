import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ArticleSchema } from '../../src/contract/article.ts';
import { buildContent } from './build-content.ts';
import { imageWidths } from './responsive-images.ts';
import { article, contentFixture } from './test/fixture.ts';

const hero = (width: number, height: number) =>
  '\n  src: harbour.jpg\n  alt: A harbour\n' + `  width: ${width}\n  height: ${height}`;

/** A 1300x731 JPEG in the fixture's images, cut short to `keep` bytes when asked. */
async function writePhoto(root: string, keep?: number, background = '#2a6f97'): Promise<void> {
  const photo = await sharp({
    create: { width: 1300, height: 731, channels: 3, background },
  })
    .jpeg()
    .toBuffer();
  await writeFile(path.join(root, 'content', 'images', 'harbour.jpg'), photo.subarray(0, keep));
}

describe('responsive images', () => {
  it('publishes a photo as AVIF, WebP and JPEG at each width, and lists the widths', async () => {
    const root = await contentFixture({ 'a.md': article('a', { image: hero(1300, 731) }) });
    await writePhoto(root);
    const { files } = await buildContent({ contentDir: path.join(root, 'content'), rootDir: root });

    const { image } = v.parse(ArticleSchema, JSON.parse(String(files.get('api/articles/a.json'))));
    expect(image?.widths).toEqual([480, 800, 1200, 1300]);
    for (const width of [480, 800, 1200, 1300]) {
      for (const [extension, format] of [
        ['avif', 'heif'],
        ['webp', 'webp'],
        ['jpg', 'jpeg'],
      ]) {
        const bytes = files.get(`images/harbour-${width}.${extension}`);
        expect(bytes, `${width} ${extension}`).toBeInstanceOf(Uint8Array);
        const metadata = await sharp(bytes as Uint8Array).metadata();
        expect(metadata.format).toBe(format);
        expect(metadata.width).toBe(width);
      }
    }
    expect(files.get('images/harbour.jpg')).toBeInstanceOf(Uint8Array);
  });

  it('leaves vector images as they are', async () => {
    const root = await contentFixture({ 'a.md': article('a') });
    const { files } = await buildContent({ contentDir: path.join(root, 'content'), rootDir: root });
    expect([...files.keys()].filter((name) => name.startsWith('images/'))).toEqual([
      'images/photo.svg',
    ]);
  });

  it('re-encodes a photo only when its bytes change, build after build', async () => {
    const root = await contentFixture({ 'a.md': article('a', { image: hero(1300, 731) }) });
    const build = async () =>
      (await buildContent({ contentDir: path.join(root, 'content'), rootDir: root })).files.get(
        'images/harbour-800.avif',
      );
    await writePhoto(root, undefined, '#8a3b12');
    const first = await build();
    expect(await build()).toBe(first);
    await writePhoto(root, undefined, '#123b8a');
    const changed = await build();
    expect(changed).not.toBe(first);
    expect(Buffer.compare(changed as Buffer, first as Buffer)).not.toBe(0);
  });

  it('never enlarges, and caps the largest width', () => {
    expect(imageWidths(300)).toEqual([300]);
    expect(imageWidths(800)).toEqual([480, 800]);
    expect(imageWidths(4000)).toEqual([480, 800, 1200, 1600, 2400]);
  });

  it('names the image the build cannot resize', async () => {
    const root = await contentFixture({ 'a.md': article('a', { image: hero(1300, 731) }) });
    await writePhoto(root, 400);
    await expect(
      buildContent({ contentDir: path.join(root, 'content'), rootDir: root }),
    ).rejects.toThrow(/content\/images\/harbour\.jpg: not an image the build can resize/);
  });
});
