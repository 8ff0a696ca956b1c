import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { NotFound } from '../../../components/not-found.tsx';
import { site } from '../../../config/site.ts';
import { SLUG_PATTERN } from '../../../contract/article.ts';
import { dirOf, LanguageScope, useMessages } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { ArticleBody } from '../../articles/components/article-body.tsx';
import { Byline } from '../../articles/components/byline.tsx';
import { Dateline } from '../../articles/components/dateline.tsx';
import { Figure } from '../../articles/components/figure.tsx';
import { libraryQueries } from '../api/library-queries.ts';
import type { SavedArticle } from '../api/library-store.ts';

/**
 * `/saved/{slug}/`: the reader's own copy of a saved article, read from this device, in the
 * Saved area and never at the site's address for the article (decision 015). A notice above
 * it says whose copy it is; one imported from a file says the site did not publish it.
 */
export function SavedCopyView() {
  const m = useMessages();
  const { slug = '' } = useParams();
  const isSlug = SLUG_PATTERN.test(slug);
  const copy = useQuery({ ...libraryQueries.copy(slug), enabled: isSlug });
  if (!isSlug || copy.data === null) return <NotFound />;
  if (copy.isError) return <p className="saved__note">{m.savedUnavailable}</p>;
  if (copy.data === undefined) {
    return (
      <p className="saved__note" role="status">
        {m.loadingPage}
      </p>
    );
  }
  return <SavedCopy saved={copy.data} />;
}

function SavedCopy({ saved: { article, origin } }: { saved: SavedArticle }) {
  const m = useMessages();
  const lang = article.lang ?? site.language;
  const isFromFile = origin === 'file';
  return (
    <section className="saved-copy">
      <title>{`${m.savedCopyTitle(article.title)} | ${site.name}`}</title>
      <meta name="robots" content="noindex" />
      {/* In the interface's language, outside the article's own. */}
      <p className="article__sample-note" role="note">
        {isFromFile ? (
          m.importedCopyNotice(site.name)
        ) : (
          <>
            {m.savedCopyNotice} <Link to={paths.article(article.slug)}>{m.readCurrentVersion}</Link>
          </>
        )}{' '}
        <Link to={paths.saved()}>{m.allSaved}</Link>
      </p>
      <LanguageScope lang={lang}>
        <article className="article" lang={lang} dir={dirOf(lang)}>
          <header className="article__header">
            <h1 className="article__title">{article.title}</h1>
            {article.standfirst && <p className="article__standfirst">{article.standfirst}</p>}
            {/* A file's copy never carries the site's name as its byline. */}
            <Byline
              authors={article.authors}
              sourceName={article.sourceName}
              isImported={isFromFile || article.source !== undefined}
            />
            <Dateline published={article.published} modified={article.modified} />
          </header>
          {article.image && <Figure image={article.image} isHero />}
          <ArticleBody body={article.body} />
        </article>
      </LanguageScope>
    </section>
  );
}
