import { imageVariant, type Image } from '../../../contract/article.ts';

type ResponsiveImageProps = {
  image: Image;
  /** How wide the image shows, for the browser to pick a width (the `sizes` attribute). */
  sizes: string;
  alt?: string;
  className?: string;
  /** In the first screenful: fetched at once rather than as it nears the viewport. */
  isEager?: boolean;
  /** The page's largest paint: fetched first, never lazily. */
  isPriority?: boolean;
};

/**
 * An image as the build published it: a photo in AVIF and WebP (with a JPEG fallback) at
 * several widths, so each screen downloads what it shows; anything else (SVG, a remote
 * image) as it is. Width and height are always set, so nothing moves when it arrives.
 */
export function ResponsiveImage({
  image,
  sizes,
  alt = image.alt,
  className,
  isEager = false,
  isPriority = false,
}: ResponsiveImageProps) {
  const { widths } = image;
  const set = (format: 'avif' | 'webp' | 'jpeg') =>
    (widths ?? []).map((width) => `${imageVariant(image.src, width, format)} ${width}w`).join(', ');
  const largest = widths?.at(-1);
  const img = (
    <img
      className={className}
      src={largest === undefined ? image.src : imageVariant(image.src, largest, 'jpeg')}
      srcSet={widths ? set('jpeg') : undefined}
      sizes={widths ? sizes : undefined}
      alt={alt}
      width={image.width}
      height={image.height}
      loading={isPriority || isEager ? 'eager' : 'lazy'}
      fetchPriority={isPriority ? 'high' : 'auto'}
      // The hero (the largest paint) is drawn in the frame that lays it out: decoded
      // asynchronously it can paint after the load event, once the app has started.
      decoding={isPriority ? 'auto' : 'async'}
      // Named for Element Timing: public/boot.js starts the app once the hero is painted.
      elementtiming={isPriority ? 'article-hero' : undefined}
    />
  );
  if (!widths) return img;
  return (
    <picture>
      <source type="image/avif" srcSet={set('avif')} sizes={sizes} />
      <source type="image/webp" srcSet={set('webp')} sizes={sizes} />
      {img}
    </picture>
  );
}
