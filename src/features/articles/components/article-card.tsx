import type { ArticleSummary } from '../../../contract/article.ts';
import { formatDate } from '../../../lib/dates.ts';
import { ArticleLink } from './article-link.tsx';

type ArticleCardProps = {
  article: ArticleSummary;
  /** Cards in the first screenful load their thumbnails at once; the rest lazily. */
  isAboveFold?: boolean;
  headingLevel?: 2 | 3;
};

/** An article in a list: thumbnail, section, headline as the link, standfirst and date. */
export function ArticleCard({ article, isAboveFold = false, headingLevel = 2 }: ArticleCardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="card">
      <div className="card__text">
        <p className="card__section">{article.section.name}</p>
        <Heading className="card__title">
          <ArticleLink slug={article.slug} className="card__link">
            {article.title}
          </ArticleLink>
        </Heading>
        {article.standfirst && <p className="card__standfirst">{article.standfirst}</p>}
        <p className="card__date">
          <time dateTime={article.published}>{formatDate(article.published)}</time>
        </p>
      </div>
      {article.image && (
        <img
          className="card__image"
          src={article.image.src}
          alt=""
          width={article.image.width}
          height={article.image.height}
          loading={isAboveFold ? 'eager' : 'lazy'}
          decoding="async"
        />
      )}
    </article>
  );
}
