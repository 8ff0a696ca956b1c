import type { ArticleSummary } from '../../../contract/article.ts';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { ArticleCard } from './article-card.tsx';

/** "Related" after the body: the editor's picks, else articles sharing tags or section. */
export function RelatedList({ articles }: { articles: ArticleSummary[] }) {
  const m = useMessages();
  if (articles.length === 0) return null;
  return (
    <section className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">{m.related}</h2>
      <ul className="card-list card-list--compact">
        {articles.map((article) => (
          <li key={article.slug}>
            <ArticleCard article={article} headingLevel={3} />
          </li>
        ))}
      </ul>
    </section>
  );
}
