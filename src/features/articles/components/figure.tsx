import type { Image } from '../../../contract/article.ts';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { ResponsiveImage } from './responsive-image.tsx';

/** Pixels: the body column is 42rem (672 px) wide at most. */
const SMALL_PHOTO = 640;

type FigureProps = {
  image: Image;
  /** The hero is the page's largest paint: fetch it first and never lazily. */
  isHero?: boolean;
};

/**
 * A photo with its caption and then its credit. Screen readers hear "Image caption," and
 * "Image source," before each, as sighted readers see them set apart.
 */
export function Figure({ image, isHero = false }: FigureProps) {
  const m = useMessages();
  const hasCaption = Boolean(image.caption) || Boolean(image.credit);
  const className = [
    'figure',
    isHero ? 'figure--hero' : '',
    // Narrower than the column (a source's only rendition may be 300 px): its own size, not
    // enlarged into a blur.
    image.width < SMALL_PHOTO ? 'figure--small' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <figure className={className}>
      <ResponsiveImage image={image} sizes="(min-width: 44rem) 42rem, 100vw" isPriority={isHero} />
      {hasCaption && (
        <figcaption>
          {image.caption && (
            <span className="figure__caption">
              <span className="visually-hidden">{m.imageCaption}</span>
              {image.caption}
            </span>
          )}
          {image.credit && (
            <span className="figure__credit">
              <span className="visually-hidden">{m.imageSource}</span>
              {image.credit}
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
