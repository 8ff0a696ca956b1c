import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Article } from '../../../contract/article.ts';
import { useHydrated } from '../../../lib/hydration.ts';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { articleQueries } from '../../articles/api/article-queries.ts';
import { libraryQueries } from '../api/library-queries.ts';
import { LibraryUnavailableError, removeSaved, saveArticle } from '../api/library-store.ts';
import { libraryChanged } from '../lib/library-sync.ts';
import { keepPhotoOffline } from '../lib/keep-photo.ts';

type SaveButtonProps = {
  slug: string;
  title: string;
  /**
   * The whole article, to keep: from the cache on its page. By default (in a list) it is
   * fetched from the site, so what is saved is always the site's own article.
   */
  getArticle?: () => Promise<Article>;
  /** In a list, the button names its article; on the article's page it need not. */
  isInList?: boolean;
};

/**
 * "Save for later": keeps the whole article (and its photo) on this device, to read with no
 * network. A toggle (aria-pressed). Where the browser keeps nothing (no IndexedDB) there is
 * no button: the reader reads online as before.
 */
export function SaveButton({ slug, title, getArticle, isInList = false }: SaveButtonProps) {
  const m = useMessages();
  const queryClient = useQueryClient();
  const fetchArticle = getArticle ?? (() => queryClient.query(articleQueries.detail(slug)));
  const isHydrated = useHydrated();
  const { data: saved } = useQuery(libraryQueries.savedSlugs());
  const isSaved = saved?.has(slug) ?? false;
  const toggle = useMutation({
    mutationFn: async () => {
      if (isSaved) return removeSaved(slug);
      const article = await fetchArticle();
      await saveArticle(article);
      keepPhotoOffline(article);
    },
    onSettled: () => libraryChanged(queryClient),
  });
  // Not in the prerendered HTML (it would do nothing until the app starts), nor where the
  // library cannot be opened: the button comes once the page has hydrated and the library
  // has answered.
  if (!isHydrated || saved === undefined) return null;
  // In a list the button is short (it shares the date's line); its name adds the headline,
  // after the words it shows, so speech input can say what it sees.
  const shown = isSaved ? m.savedLabel : isInList ? m.saveShort : m.saveLabel;
  return (
    <span className="save">
      <button
        type="button"
        className="save__button"
        aria-pressed={isSaved}
        aria-label={isInList ? `${shown}: ${title}` : undefined}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate()}
      >
        <span aria-hidden="true" className="save__icon">
          {isSaved ? '★' : '☆'}
        </span>{' '}
        {shown}
      </button>
      {toggle.isError && (
        <span className="save__error" role="alert">
          {toggle.error instanceof LibraryUnavailableError ? m.saveFailed : m.saveNeedsNetwork}
        </span>
      )}
    </span>
  );
}
