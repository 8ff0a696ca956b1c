/**
 * How far the browser has taken over a prerendered page. The page hydrates in slices
 * (src/components/hydration-slice.tsx), each as work of its own; the app counts itself
 * started once every slice has, and what only this device knows (the saved library, read
 * marks) is shown from then on: shown while a slice was still hydrating, it would differ
 * from the slice's markup, and React would throw that markup away and draw it afresh.
 */
import { startTransition, useEffect, useState } from 'react';

const slices = { expected: 0, hydrated: 0 };
let waiting: (() => void)[] = [];

/**
 * Whether every slice the page was prerendered with has hydrated: true on a page drawn
 * afresh, never in the prerender (which has no document and writes what the markup holds).
 */
export const isPageHydrated = (): boolean =>
  typeof document !== 'undefined' && slices.hydrated >= slices.expected;

/**
 * Counts the slices in prerendered markup before it is hydrated: each Suspense boundary
 * React rendered on the server opens with a `<!--$-->` comment.
 */
export function countSlices(root: Node): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node.nodeValue === '$') slices.expected += 1;
  }
}

/** A slice has hydrated (or, on a page drawn afresh, mounted). */
export function sliceHydrated(): void {
  slices.hydrated += 1;
  if (!isPageHydrated()) return;
  const callbacks = waiting;
  waiting = [];
  for (const callback of callbacks) callback();
}

/** Calls `callback` once every counted slice has hydrated (at once if none is left). */
export function whenSlicesHydrated(callback: () => void): void {
  if (isPageHydrated()) callback();
  else waiting.push(callback);
}

/**
 * False while the page is hydrating, true once it has: a component shows what only this
 * device knows from then on. A component mounted later (after a navigation) starts true.
 */
export function useHydrated(): boolean {
  const [isHydrated, setIsHydrated] = useState(isPageHydrated);
  useEffect(() => {
    if (isHydrated) return;
    whenSlicesHydrated(() => {
      startTransition(() => {
        setIsHydrated(true);
      });
    });
  }, [isHydrated]);
  return isHydrated;
}
