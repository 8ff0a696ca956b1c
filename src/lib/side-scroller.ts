/**
 * A row that scrolls sideways (the header's sections on a phone) shows where more of it is
 * hidden: `data-more-start` and `data-more-end` on the scroller, which the styles turn into a
 * fade at that edge. Measured from the scroll position, so a row scrolled to its end has no
 * fade there, and in logical terms, so an Arabic row's start is its right-hand edge.
 */
import { useEffect } from 'react';

/** Sub-pixel layouts leave a fraction of a pixel "hidden" at a fully scrolled end. */
const SLACK = 1;

type Extent = { scrollLeft: number; scrollWidth: number; clientWidth: number };

/**
 * Whether anything is hidden past either edge. In a right-to-left scroller `scrollLeft` runs
 * from 0 down to minus the hidden width, so its size is the distance from the start.
 */
export function hiddenEdges({ scrollLeft, scrollWidth, clientWidth }: Extent) {
  const fromStart = Math.abs(scrollLeft);
  return {
    start: fromStart > SLACK,
    end: scrollWidth - clientWidth - fromStart > SLACK,
  };
}

/**
 * Keeps the scroller's `data-more-start`/`data-more-end` true to its scroll position and size,
 * and brings an item reached by Tab out from under a fade: the browser scrolls a focused item
 * only when part of it is hidden, and one under a fade is not.
 */
export function useSideScroller(scroller: HTMLElement | null): void {
  useEffect(() => {
    if (scroller === null) return;
    const update = () => {
      const edges = hiddenEdges(scroller);
      scroller.toggleAttribute('data-more-start', edges.start);
      scroller.toggleAttribute('data-more-end', edges.end);
    };
    const reveal = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement) revealInScroller(scroller, event.target);
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    scroller.addEventListener('focusin', reveal);
    // The scroller's own width (a turned phone) and its items' (a longer name) both move the
    // edges. Where there is no ResizeObserver (older browsers, the unit tests' DOM), the
    // window's size stands in: the row is never what stops a page from showing.
    const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : undefined;
    resizes?.observe(scroller);
    for (const item of scroller.children) resizes?.observe(item);
    if (resizes === undefined) window.addEventListener('resize', update);
    // The interface's direction flips which edge is the start.
    const directions = new MutationObserver(update);
    directions.observe(document.documentElement, { attributeFilter: ['dir'] });
    return () => {
      scroller.removeEventListener('scroll', update);
      scroller.removeEventListener('focusin', reveal);
      resizes?.disconnect();
      window.removeEventListener('resize', update);
      directions.disconnect();
    };
  }, [scroller]);
}

/**
 * Scrolls the row, and only the row (never the page: a reader returning down a long page
 * stays where they were), so that `item` is in its middle when any of it is out of sight
 * or under a fade (the scroller's `scroll-padding`).
 */
export function revealInScroller(scroller: HTMLElement, item: HTMLElement): void {
  const outer = scroller.getBoundingClientRect();
  const inner = item.getBoundingClientRect();
  const style = getComputedStyle(scroller);
  const left = outer.left + (parseFloat(style.scrollPaddingLeft) || 0);
  const right = outer.right - (parseFloat(style.scrollPaddingRight) || 0);
  if (inner.left >= left && inner.right <= right) return;
  const offset = inner.left + inner.width / 2 - (outer.left + outer.width / 2);
  scroller.scrollBy({ left: offset, behavior: 'instant' });
}
