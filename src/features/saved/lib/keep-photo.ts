import { imageVariant, type Article } from '../../../contract/article.ts';
import { KEEP_URLS } from '../../../service-worker/names.ts';

/**
 * Asks the service worker to keep a saved article's photo, so the article reads offline with
 * its photo even if the reader saved it from a list and never opened it: one mid-sized AVIF
 * and the original (offline, the worker serves any kept size of a photo, see
 * src/service-worker/photo-fallback.ts). Best effort: without a worker, or a network, the
 * article is still saved, with its caption and alternative text.
 */
export function keepPhotoOffline(article: Article): void {
  const image = article.image;
  const worker = 'serviceWorker' in navigator ? navigator.serviceWorker.controller : null;
  if (image === undefined || worker === null) return;
  const widths = image.widths ?? [];
  const width = widths.find((w) => w >= 800) ?? widths.at(-1);
  const urls = [
    image.src,
    ...(width === undefined ? [] : [imageVariant(image.src, width, 'avif')]),
  ];
  worker.postMessage({ type: KEEP_URLS, urls });
}
