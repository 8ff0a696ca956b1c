import type { ArticleSummary } from '../../../contract/article.ts';
import { site } from '../../../config/site.ts';
import { dirOf } from '../../../lib/i18n/i18n.tsx';
import { SaveButton } from '../../saved/components/save-button.tsx';
import { useIsRead } from '../../saved/lib/read-marks.ts';
import { ArticleLink } from './article-link.tsx';
import { CardMeta } from './card-meta.tsx';
import { SectionName } from './section-name.tsx';
import { ResponsiveImage } from './responsive-image.tsx';

type ArticleCardProps = {
  article: ArticleSummary;
  /** Cards in the first screenful load their thumbnails at once; the rest lazily. */
  isAboveFold?: boolean;
  headingLevel?: 2 | 3;
};

/**
 * An article in a list: thumbnail, section, headline as the link, standfirst and date, and
 * "Save for later". An article already read on this device is marked so, in words as well
 * as in a quieter headline.
 *
 * The card reads in the article's language and direction (English too is marked `lang`, so
 * the styles never take the interface's language for the card's), its photo at the inline
 * end. Its section's name is the site's word, in the site's language; its date and Save
 * are the reader's, in the interface's language (`CardMeta`).
 */
export function ArticleCard({ article, isAboveFold = false, headingLevel = 2 }: ArticleCardProps) {
  const Heading = `h${headingLevel}` as const;
  const isRead = useIsRead(article.slug);
  const lang = article.lang ?? site.language;
  return (
    <article className={isRead ? 'card card--read' : 'card'} lang={lang} dir={dirOf(lang)}>
      <div className="card__text">
        <SectionName className="card__section" name={article.section.name} />
        <Heading className="card__title">
          <ArticleLink slug={article.slug} className="card__link">
            {article.title}
          </ArticleLink>
        </Heading>
        {article.standfirst && <p className="card__standfirst">{article.standfirst}</p>}
        <CardMeta
          published={article.published}
          isRead={isRead}
          save={<SaveButton slug={article.slug} title={article.title} isInList />}
        />
      </div>
      {article.image && (
        <ResponsiveImage
          className="card__image"
          image={article.image}
          alt=""
          sizes="(min-width: 48rem) 14rem, 30vw"
          isEager={isAboveFold}
        />
      )}
    </article>
  );
}
