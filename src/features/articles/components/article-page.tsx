import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { site } from '../../../config/site.ts';
import { paths, sectionPath } from '../../../lib/paths.ts';
import { articleQueries } from '../api/article-queries.ts';
import { ArticleBody } from './article-body.tsx';
import { Byline } from './byline.tsx';
import { Dateline } from './dateline.tsx';
import { Figure } from './figure.tsx';
import { RelatedList } from './related-list.tsx';
import { TagList } from './tag-list.tsx';

/** The article as a reader reads it. Its data is already in the cache: the route loader put it there. */
export function ArticlePage({ slug }: { slug: string }) {
  const { data: article } = useSuspenseQuery(articleQueries.detail(slug));
  return (
    <article className="article">
      <title>{`${article.title} | ${site.name}`}</title>
      <meta name="description" content={article.standfirst || article.title} />
      <header className="article__header">
        <p className="article__section">
          <Link to={paths.archive('section', sectionPath(article.section))}>
            {article.section.name}
          </Link>
        </p>
        <h1 className="article__title">{article.title}</h1>
        {article.standfirst && <p className="article__standfirst">{article.standfirst}</p>}
        <Byline authors={article.authors} />
        <Dateline published={article.published} modified={article.modified} />
      </header>
      {article.image && <Figure image={article.image} isHero />}
      {article.isSample && (
        <p className="article__sample-note">
          Sample text written for this reader’s demonstration content.
        </p>
      )}
      <ArticleBody body={article.body} />
      <footer className="article__footer">
        <TagList tags={article.tags} />
        <RelatedList articles={article.related} />
      </footer>
    </article>
  );
}
