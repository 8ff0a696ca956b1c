import type { EmbedBlock } from '../../../contract/article.ts';
import { ExternalLink } from '../../../components/external-link.tsx';
import { ResponsiveImage } from './responsive-image.tsx';

/**
 * A post on another site (a video, a tweet) as a link card: where it is, what it is called,
 * its thumbnail (published by the build like any photo) and its caption. Nothing is loaded
 * from the other site, so the page stays private and its policy strict. The title is in
 * whatever language the other site wrote it, so its direction comes from its own text.
 */
export function EmbedCard({ embed }: { embed: EmbedBlock }) {
  return (
    <figure className="embed">
      <ExternalLink href={embed.url} className="embed__link">
        {embed.thumbnail && (
          // Its own box, so the card lays out the same whether the build published a photo
          // (a <picture>) or an image as it was (an <img>).
          <span className="embed__media">
            <ResponsiveImage
              image={embed.thumbnail}
              // The card's text names the link; the picture adds nothing to hear.
              alt=""
              className="embed__thumbnail"
              sizes="(min-width: 44rem) 14rem, 34vw"
            />
          </span>
        )}
        <span className="embed__text">
          <span className="embed__provider">{embed.provider}</span>
          {embed.title ? (
            <span className="embed__title" dir="auto">
              {embed.title}
            </span>
          ) : (
            <span className="embed__title embed__title--url" dir="ltr">
              {embed.url}
            </span>
          )}
        </span>
      </ExternalLink>
      {embed.caption && <figcaption className="embed__caption">{embed.caption}</figcaption>}
    </figure>
  );
}
