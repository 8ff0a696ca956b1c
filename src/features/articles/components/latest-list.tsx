import { useSuspenseQuery } from '@tanstack/react-query';
import { site } from '../../../config/site.ts';
import { articleQueries } from '../api/article-queries.ts';
import { ArticleCard } from './article-card.tsx';
import { Pagination } from './pagination.tsx';

/** The home page: the latest articles, newest first, one page at a time. */
export function LatestList({ page }: { page: number }) {
  const { data } = useSuspenseQuery(articleQueries.list(page));
  const heading = page > 1 ? `Latest news, page ${page}` : 'Latest news';
  return (
    <section className="latest" aria-labelledby="latest-heading">
      <title>{page > 1 ? `${heading} | ${site.name}` : `${site.name} | ${site.tagline}`}</title>
      <meta name="description" content={`The latest articles from ${site.name}.`} />
      <h1 id="latest-heading">{heading}</h1>
      <ul className="card-list">
        {data.articles.map((article, index) => (
          <li key={article.slug}>
            <ArticleCard article={article} isAboveFold={index < 3} />
          </li>
        ))}
      </ul>
      <Pagination page={data.page} pageCount={data.pageCount} />
    </section>
  );
}
