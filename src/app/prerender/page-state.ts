/**
 * What a prerendered page hands the browser, in a JSON data block
 * (`<script type="application/json" id="reader-state">`, never executed): the query cache
 * as the page's loaders left it, and the router's loader data, so the browser hydrates the
 * same markup with no request and no loader run. `render` pages (404.html, the search
 * shell) are drawn afresh by the browser instead: their final content depends on the URL
 * they are served at. Each page says which path it was rendered for: a host that rewrites
 * unknown paths sends one page's HTML at another's URL (see page-path.ts).
 */
import type { DehydratedState } from '@tanstack/react-query';
import * as v from 'valibot';

export const PAGE_STATE_ID = 'reader-state';

export const PageStateSchema = v.object({
  mode: v.picklist(['hydrate', 'render']),
  /**
   * The path the page was rendered for, as a browser spells it (`/%D8%A8/`); `null` for the
   * not-found page (404.html), which a host serves at any path it has no file for.
   */
  path: v.nullable(v.string()),
  // The shape react-query's hydrate() walks: a state block the browser cannot use is
  // rejected here (the page is then drawn afresh), never thrown from inside hydration.
  queries: v.pipe(
    v.looseObject({
      queries: v.array(
        v.looseObject({
          queryHash: v.string(),
          queryKey: v.array(v.unknown()),
          state: v.looseObject({
            status: v.picklist(['pending', 'error', 'success']),
            dataUpdatedAt: v.number(),
          }),
        }),
      ),
      // The prerender never dehydrates mutations.
      mutations: v.tuple([]),
    }),
    v.transform((input) => input as unknown as DehydratedState),
  ),
  loaderData: v.record(v.string(), v.unknown()),
});
export type PageState = v.InferOutput<typeof PageStateSchema>;

/** JSON that can sit inside a <script> element: no `<` can end it early. */
export function serializeState(state: PageState): string {
  return JSON.stringify(state).replace(/</g, '\\u003c');
}
