import { imageVariant, type Article } from '../../../contract/article.ts';
import { CACHE_NAMES } from '../../../service-worker/names.ts';

/**
 * Puts a saved article's photo in the service worker's photo cache, so the article reads
 * offline with its photo even if the reader saved it from a list and never opened it.
 * One mid-sized AVIF and the original: offline, the worker serves any kept size of a photo
 * (src/service-worker/photo-fallback.ts). Best effort: a photo that cannot be fetched now
 * leaves the article saved, with its caption and alternative text.
 */
export async function keepPhotoOffline(article: Article): Promise<void> {
  const image = article.image;
  if (image === undefined || typeof caches === 'undefined') return;
  const widths = image.widths ?? [];
  const width = widths.find((w) => w >= 800) ?? widths.at(-1);
  const urls = [
    image.src,
    ...(width === undefined ? [] : [imageVariant(image.src, width, 'avif')]),
  ];
  try {
    const cache = await caches.open(CACHE_NAMES.photos);
    await cache.addAll(urls);
  } catch (error) {
    console.warn(`The photo of "${article.slug}" was not kept for offline reading.`, error);
  }
}
