import { Suspense, useEffect, type ReactNode } from 'react';
import { sliceHydrated } from '../lib/hydration.ts';

function SliceHydrated() {
  useEffect(sliceHydrated, []);
  return null;
}

/**
 * A part of the page React hydrates, and commits, as work of its own: a prerendered page
 * taken over in slices (the masthead, the article's body, each card) keeps every task
 * short on a phone, where one hydration of the whole page held the main thread for
 * 100 ms and more. A click on a slice not yet hydrated hydrates it at once and is then
 * handled. Nothing inside suspends once the page is up (route loaders fetch the data
 * first), so the empty fallback is never seen. See src/lib/hydration.ts.
 */
export function HydrationSlice({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={null}>
      {children}
      <SliceHydrated />
    </Suspense>
  );
}
