/**
 * Photos in several widths and formats, made at build time: for each raster image in
 * content/images/ (JPEG, PNG, WebP, AVIF), AVIF and WebP with a JPEG fallback at the
 * widths in `imageWidths`, beside the original as `<name>-<width>.<format>`. The article
 * JSON lists the widths (`image.widths`), and the reader offers them in a `<picture>` with
 * `srcset` and `sizes`, so a phone downloads a phone-sized AVIF, not the newsroom's original.
 * Vector images (SVG) scale by themselves and are published as they are.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { imageVariant } from '../../src/contract/article.ts';

/** Steps that cover phones (1x to 3x) to wide desktop screens. */
export const VARIANT_WIDTHS = [480, 800, 1200, 1600] as const;

export const VARIANT_FORMATS = ['avif', 'webp', 'jpeg'] as const;

const RASTER = /\.(jpe?g|png|webp|avif)$/i;

export function isRaster(name: string): boolean {
  return RASTER.test(name);
}

/** The widths an image of `width` pixels is published at: the steps below it, and itself. */
export function imageWidths(width: number): number[] {
  return [...VARIANT_WIDTHS.filter((step) => step < width), Math.min(width, 2400)];
}


/** Every variant of one image: file name -> bytes. */
export async function makeVariants(
  name: string,
  source: Buffer,
  width: number,
): Promise<Map<string, Buffer>> {
  const variants = new Map<string, Buffer>();
  try {
    for (const step of imageWidths(width)) {
      const resized = sharp(source).rotate().resize({ width: step, withoutEnlargement: true });
      for (const format of VARIANT_FORMATS) {
        const encoded =
          format === 'avif'
            ? resized.clone().avif({ quality: 50, effort: 2 })
            : format === 'webp'
              ? resized.clone().webp({ quality: 72 })
              : resized.clone().jpeg({ quality: 78, mozjpeg: true });
        // Named as the reader asks for it: `harbour.jpg` at 800 as WebP is `harbour-800.webp`.
        variants.set(imageVariant(name, step, format), await encoded.toBuffer());
      }
    }
  } catch (error) {
    throw new Error(
      `content/images/${name}: not an image the build can resize (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return variants;
}

/** The variants this process last made for each image, by the hash of its bytes and width. */
const lastMade = new Map<string, { key: string; variants: Promise<Map<string, Buffer>> }>();

/**
 * `makeVariants`, remembered for the life of the process: the development server rebuilds
 * the site in memory on every edit, and re-encodes only a photo whose bytes changed. One
 * entry per image name, so memory stays what the in-memory site holds anyway.
 */
export function makeVariantsOnce(
  name: string,
  source: Buffer,
  width: number,
): Promise<Map<string, Buffer>> {
  const key = `${width}:${createHash('sha256').update(source).digest('hex')}`;
  const last = lastMade.get(name);
  if (last?.key === key) return last.variants;
  const variants = makeVariants(name, source, width);
  lastMade.set(name, { key, variants });
  // A failure is not remembered: the next build tries again (and reports it again).
  variants.catch(() => lastMade.delete(name));
  return variants;
}
