/**
 * Sizes of remote images that the source did not state. The build needs every image's true
 * size and an importer must not invent one, so an image without width and height is measured
 * from its first bytes; one that cannot be measured is left out with a warning.
 */
import { imageSize } from 'image-size';
import type { Image } from '../../src/contract/article.ts';
import type { DraftBlock, DraftImage } from './html-to-blocks.ts';
import { httpGet, type HttpOptions } from '../lib/http.ts';
import type { ImportBlock } from './imported-article.ts';

export type Size = { width: number; height: number };
export type MeasureImage = (url: string) => Promise<Size | { problem: string }>;

/** Enough for the header of every common format, EXIF-heavy JPEGs included. */
const SNIFF_BYTES = 512 * 1024;

/**
 * What an image host may answer: an image, or the generic type some storage services give
 * every file. Anything else (an HTML page, JSON) is not read: the measurer asks for images
 * only, and must not become a way to read other pages on other hosts.
 */
const IMAGE_TYPES = {
  type: /^\s*(?:image\/|application\/octet-stream|binary\/octet-stream)/i,
  what: 'an image',
};

/**
 * Measures over HTTP, once per URL per run. `http` is the policy's for images
 * (fetch-policy.ts): any host, but no private address unless the source is there.
 */
export function httpImageMeasurer(http: HttpOptions): MeasureImage {
  const cache = new Map<string, Promise<Size | { problem: string }>>();
  return (url) => {
    let size = cache.get(url);
    if (size === undefined) {
      size = measure(url, http);
      cache.set(url, size);
    }
    return size;
  };
}

async function measure(url: string, http: HttpOptions): Promise<Size | { problem: string }> {
  try {
    const { body } = await httpGet(url, http, {
      accept: 'image/*',
      maxBytes: SNIFF_BYTES,
      expect: IMAGE_TYPES,
    });
    const { width, height } = imageSize(body);
    return { width, height };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Completes an image's size, measuring it when the source left it out. */
export async function sizedImage(
  image: DraftImage,
  measureImage: MeasureImage,
  warn: (message: string) => void,
): Promise<Image | undefined> {
  const { width, height } = image;
  if (width !== undefined && height !== undefined) return { ...image, width, height };
  const size = await measureImage(image.src);
  if ('width' in size) return { ...image, ...size };
  warn(`image ${image.src} has no size and could not be measured (${size.problem}); left out`);
  return undefined;
}

/** The body with every image sized, or left out. */
export async function settleImages(
  blocks: DraftBlock[],
  measureImage: MeasureImage,
  warn: (message: string) => void,
): Promise<ImportBlock[]> {
  const settled: ImportBlock[] = [];
  for (const block of blocks) {
    if (block.type !== 'image') {
      settled.push(block);
      continue;
    }
    const image = await sizedImage(block.image, measureImage, warn);
    if (image) settled.push({ type: 'image', image });
  }
  return settled;
}
