import { useQueryClient } from '@tanstack/react-query';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Article } from '../../../contract/article.ts';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { articleQueries } from '../api/article-queries.ts';
import { useUpdates } from '../lib/use-updates.ts';
import { UpdateRegion } from './update-region.tsx';

type ArticleUpdateNoticeProps = {
  article: Pick<Article, 'slug' | 'modified'>;
  /** The article's headline, which takes the focus once the update is shown. */
  headlineRef: RefObject<HTMLElement | null>;
};

/**
 * "This article has been updated — Show the update", while the article on screen is older
 * than the one published (the updates file lists its newer `modified`). The text is never
 * swapped under the reader unasked: pressing asks for the article again, and the focus goes
 * to its headline, from where the corrected article (and its "Updated" line) is read.
 */
export function ArticleUpdateNotice({ article, headlineRef }: ArticleUpdateNoticeProps) {
  const m = useMessages();
  const queryClient = useQueryClient();
  const updates = useUpdates();
  const [isShowing, setIsShowing] = useState(false);
  const isPending = useRef(false);
  const shown = Date.parse(article.modified);
  const isNewer = [...(updates?.newest ?? []), ...(updates?.changed ?? [])].some(
    (entry) => entry.slug === article.slug && Date.parse(entry.modified) > shown,
  );

  useLayoutEffect(() => {
    if (!isPending.current) return;
    isPending.current = false;
    headlineRef.current?.focus();
  }, [article.modified, headlineRef]);

  const show = () => {
    if (isShowing) return;
    isPending.current = true;
    setIsShowing(true);
    queryClient
      .invalidateQueries({ queryKey: articleQueries.detail(article.slug).queryKey })
      .catch(() => undefined)
      .finally(() => {
        setIsShowing(false);
      });
  };

  return (
    <UpdateRegion>
      {isNewer && (
        <p className="new-stories__notice">
          {m.articleUpdated}{' '}
          <button
            type="button"
            className="new-stories__button"
            onClick={show}
            aria-disabled={isShowing}
          >
            {m.showUpdate}
          </button>
        </p>
      )}
    </UpdateRegion>
  );
}
