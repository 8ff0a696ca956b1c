import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ArticleSummary } from '../../../contract/article.ts';
import { useMessages } from '../../../lib/i18n/i18n.tsx';
import { paths } from '../../../lib/paths.ts';
import { newStories, type ListScope } from '../lib/new-stories.ts';
import { useUpdates } from '../lib/use-updates.ts';
import { UpdateRegion } from './update-region.tsx';

type NewStoriesProps = {
  scope: ListScope;
  /** What the list shows now, newest first. */
  articles: readonly ArticleSummary[];
  /** The list's element: its cards hold the place and take the focus. */
  listRef: RefObject<HTMLElement | null>;
  /** Asks the list's data again; settles once it is in. */
  refresh: () => Promise<unknown>;
};

/** Where a card was on screen when the reader asked for the new stories. */
type Anchor = { href: string; top: number };

/** The headline link of the list's card for `href`. */
function cardLink(list: HTMLElement, href: string): HTMLAnchorElement | null {
  return list.querySelector<HTMLAnchorElement>(`a.card__link[href="${CSS.escape(href)}"]`);
}

/**
 * The card the reader is looking at, when they have scrolled into the list: the first whose
 * bottom is on screen. Undefined while the list's start is on screen, where new stories are
 * simply shown at the top, in view.
 */
function anchorIn(list: HTMLElement): Anchor | undefined {
  if (list.getBoundingClientRect().top >= 0) return undefined;
  for (const link of list.querySelectorAll<HTMLAnchorElement>('a.card__link')) {
    const card = link.closest('li') ?? link;
    const { top, bottom } = card.getBoundingClientRect();
    if (bottom > 0) return { href: link.getAttribute('href') ?? '', top };
  }
  return undefined;
}

/**
 * "3 new stories" above a list while the site has published articles the list does not
 * show yet (checked in the background, see useUpdates). It floats at the top of the screen
 * while the reader scrolls the list, and takes no room, so its coming moves nothing.
 *
 * Pressing it asks for the list again and shows the new cards at its top. A reader who had
 * scrolled into the list keeps their place: the card they were looking at stays where it was
 * on screen. Focus goes to the first new card's headline (the button is gone, and the new
 * stories are what was asked for), without scrolling to it. The count is announced politely,
 * once when it changes: the region's text changes only then.
 */
export function NewStories({ scope, articles, listRef, refresh }: NewStoriesProps) {
  const m = useMessages();
  const updates = useUpdates();
  const fresh = useMemo(
    () => (updates === undefined ? [] : newStories(updates, scope, articles)),
    [updates, scope, articles],
  );
  const [isShowing, setIsShowing] = useState(false);
  const pending = useRef<{ slugs: string[]; anchor: Anchor | undefined } | null>(null);

  // Once the new cards are drawn, before the browser paints: the place, then the focus.
  useLayoutEffect(() => {
    const wanted = pending.current;
    const list = listRef.current;
    const first = articles.find((article) => wanted?.slugs.includes(article.slug));
    if (wanted === null || list === null || first === undefined) return;
    pending.current = null;
    if (wanted.anchor) {
      const moved = cardLink(list, wanted.anchor.href)?.closest('li');
      if (moved) window.scrollBy(0, moved.getBoundingClientRect().top - wanted.anchor.top);
    }
    cardLink(list, paths.article(first.slug))?.focus({
      preventScroll: wanted.anchor !== undefined,
    });
  }, [articles, listRef]);

  const show = () => {
    if (isShowing) return;
    const list = listRef.current;
    pending.current = { slugs: fresh, anchor: list ? anchorIn(list) : undefined };
    setIsShowing(true);
    refresh()
      .catch(() => undefined)
      .finally(() => {
        setIsShowing(false);
      });
  };

  return (
    <UpdateRegion>
      {fresh.length > 0 && (
        <button
          type="button"
          className="new-stories__button"
          onClick={show}
          // Not `disabled`: the focus stays on it while the list is asked for.
          aria-disabled={isShowing}
        >
          <span aria-hidden="true">↑ </span>
          {m.newStories(fresh.length)}
        </button>
      )}
    </UpdateRegion>
  );
}
