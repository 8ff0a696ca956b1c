import type { ArticleSummary } from '../../../contract/article.ts';
import { TimeStamp } from '../../../components/time-stamp.tsx';
import { site } from '../../../config/site.ts';
import { dirOf, useLocale, useMessages } from '../../../lib/i18n/i18n.tsx';
import { SaveButton } from '../../saved/components/save-button.tsx';
import { useIsRead } from '../../saved/lib/read-marks.ts';
import { ArticleLink } from './article-link.tsx';
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
 * The card reads in the article's language and direction, its photo at the inline end. Its
 * section's name is in the site's language, and its date and Save in the language of the
 * labels around it (the interface's, or the article's on an article page), each marked so.
 */
export function ArticleCard({ article, isAboveFold = false, headingLevel = 2 }: ArticleCardProps) {
  const Heading = `h${headingLevel}` as const;
  const labels = useLocale();
  const m = useMessages();
  const isRead = useIsRead(article.slug);
  const lang = article.lang ?? site.language;
  // The card's words are the article's, in its language; its date is the interface's.
  return (
    <article className={isRead ? 'card card--read' : 'card'} lang={lang} dir={dirOf(lang)}>
      <div className="card__text">
        <p className="card__section" lang={lang === site.language ? undefined : site.language}>
          {article.section.name}
        </p>
        <Heading className="card__title">
          <ArticleLink slug={article.slug} className="card__link">
            {article.title}
          </ArticleLink>
        </Heading>
        {article.standfirst && <p className="card__standfirst">{article.standfirst}</p>}
        <p className="card__date" lang={labels} dir={dirOf(labels)}>
          <TimeStamp iso={article.published} form="date" />
          {isRead && <span className="card__read">{m.alreadyRead}</span>}
          <SaveButton slug={article.slug} title={article.title} isInList />
        </p>
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
