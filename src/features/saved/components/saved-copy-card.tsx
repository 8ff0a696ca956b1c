import { Link } from 'react-router';
import { site } from '../../../config/site.ts';
import type { Article } from '../../../contract/article.ts';
import { dirOf, useLocale, useMessages } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { CardMeta } from '../../articles/components/card-meta.tsx';
import { SaveButton } from './save-button.tsx';

/**
 * A copy imported from a file, in the Saved list: marked as the reader's own, and leading
 * to it in the Saved area (`/saved/{slug}/`), never to the site's page for the slug.
 */
export function SavedCopyCard({ article }: { article: Article }) {
  const m = useMessages();
  const labels = useLocale();
  const lang = article.lang ?? site.language;
  return (
    <article className="card" lang={lang} dir={dirOf(lang)}>
      <div className="card__text">
        {/* The reader's word, cased by its own language; the line starts where the headline does. */}
        <p className="card__section" lang={labels}>
          <bdi>{m.importedCopyLabel}</bdi>
        </p>
        <h2 className="card__title">
          <Link to={paths.savedCopy(article.slug)} className="card__link">
            {article.title}
          </Link>
        </h2>
        {article.standfirst && <p className="card__standfirst">{article.standfirst}</p>}
        <CardMeta
          published={article.published}
          // Saving again (after removing) saves the site's own article, never the file's.
          save={<SaveButton slug={article.slug} title={article.title} isInList />}
        />
      </div>
    </article>
  );
}
