import { useQuery } from '@tanstack/react-query';
import { site } from '../../../config/site.ts';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { ArticleCard } from '../../articles/components/article-card.tsx';
import { libraryQueries } from '../api/library-queries.ts';
import { LibraryFileTools } from './library-file-tools.tsx';
import { SavedCopyCard } from './saved-copy-card.tsx';

/**
 * `/saved/`: what the reader saved on this device, newest first, each readable offline,
 * with export and import. A copy imported from a file is marked as the reader's own and
 * read here in the Saved area, not at the site's address (decision 015). Read from IndexedDB in the browser (no route loader: a
 * prerendered page cannot know a reader's device), so the page is drawn by the app.
 */
export function SavedView() {
  const m = useMessages();
  const saved = useQuery(libraryQueries.saved());
  return (
    <section className="saved" aria-labelledby="saved-heading">
      <title>{`${m.savedTitle} | ${site.name}`}</title>
      <meta name="description" content={m.savedDescription} />
      <meta name="robots" content="noindex" />
      <h1 id="saved-heading">{m.savedTitle}</h1>
      {saved.isError ? (
        <p className="saved__note">{m.savedUnavailable}</p>
      ) : saved.data === undefined ? (
        <p className="saved__note" role="status">
          {m.loadingPage}
        </p>
      ) : (
        <>
          {saved.data.length === 0 ? (
            <p className="saved__note">{m.savedEmpty}</p>
          ) : (
            <>
              <p className="saved__count">{m.articleCount(saved.data.length)}</p>
              <ul className="card-list">
                {saved.data.map(({ article, origin }, index) => (
                  <li key={article.slug}>
                    {origin === 'site' ? (
                      <ArticleCard article={article} isAboveFold={index < 4} />
                    ) : (
                      <SavedCopyCard article={article} />
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          <LibraryFileTools saved={saved.data} />
        </>
      )}
    </section>
  );
}
