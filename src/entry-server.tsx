/**
 * The reader rendered to HTML at build time (scripts/prerender/ runs it for every page):
 * react-router's static handler runs the same route loaders as the browser, the query
 * cache they fill is dehydrated into the page, and the browser hydrates it (src/main.tsx).
 */
import { dehydrate, QueryClientProvider, type DehydratedState } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { createRoutes } from './app/router.tsx';
import { articleHead, pageHead } from './app/prerender/head.ts';
import { serializeState } from './app/prerender/page-state.ts';
import { articleQueries } from './features/articles/api/article-queries.ts';
import { LOCALES, loadMessages } from './lib/i18n/i18n.tsx';
import { createQueryClient } from './lib/query-client.ts';

/** Every interface language's strings, loaded once: any page may show any of them. */
const catalogues = Promise.all(LOCALES.map(loadMessages));

/**
 * What a page is to the browser: a `page` is hydrated, its content decided by its path; a
 * `shell` (the search and saved pages) is drawn afresh, its content depending on more than
 * the path; the `not-found` page (404.html) is drawn afresh at whatever path the host
 * serves it for.
 */
export type PageKind = 'page' | 'shell' | 'not-found';

export type RenderedPage = {
  /** The HTTP status the page stands for: 200, or 404 for the not-found page. */
  status: number;
  /**
   * The path the page is for, spelled as a browser spells `location.pathname`; `null` for
   * the not-found page, which stands for any path the host has no file for.
   */
  path: string | null;
  /** Tags for <head>: title, description, canonical, Open Graph, Twitter, JSON-LD. */
  head: string;
  /** The app's markup, for inside #root. */
  body: string;
  /** The page state's JSON (see page-state.ts), safe inside a <script> element. */
  state: string;
};

/** React 19 puts a page's <title>, <meta> and <link> elements first in its markup. */
const HOISTED = /^(?:<title>[\s\S]*?<\/title>|<meta\b[^>]*>|<link\b[^>]*>)/;

function splitHoisted(markup: string): { hoisted: string; rest: string } {
  let rest = markup;
  let hoisted = '';
  for (let match = HOISTED.exec(rest); match !== null; match = HOISTED.exec(rest)) {
    hoisted += match[0];
    rest = rest.slice(match[0].length);
  }
  return { hoisted, rest };
}

/**
 * Renders the page at `path` (`/`, `/{slug}/`, `/category/africa/page/2/`); `kind` says how
 * the browser takes it over.
 */
export async function renderPage(path: string, kind: PageKind = 'page'): Promise<RenderedPage> {
  await catalogues;
  const queryClient = createQueryClient();
  const handler = createStaticHandler(createRoutes(queryClient));
  const url = new URL(path, 'http://reader.invalid');
  const context = await handler.query(new Request(url));
  if (context instanceof Response) {
    throw new Error(`prerender: ${path} answered ${context.status}, not a page`);
  }
  const router = createStaticRouter(handler.dataRoutes, context);
  const markup = renderToString(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </QueryClientProvider>
    </StrictMode>,
  );
  const { hoisted, rest } = splitHoisted(markup);
  const articleSlug = /^\/([^/]+)\/$/.exec(path)?.[1];
  const article =
    articleSlug === undefined
      ? undefined
      : queryClient.getQueryData(articleQueries.detail(decodeURIComponent(articleSlug)).queryKey);
  const title = /<title>([\s\S]*?)<\/title>/.exec(hoisted)?.[1] ?? '';
  const description = /<meta name="description" content="([^"]*)"/.exec(hoisted)?.[1] ?? '';
  const head =
    hoisted +
    (article !== undefined && context.statusCode === 200
      ? articleHead(article)
      : pageHead(path, unescape(title), unescape(description)));
  const pagePath = kind === 'not-found' ? null : url.pathname;
  const state = serializeState({
    mode: kind === 'page' ? 'hydrate' : 'render',
    path: pagePath,
    queries: undated(dehydrate(queryClient)),
    loaderData: context.loaderData,
  });
  queryClient.clear();
  return { status: context.statusCode, path: pagePath, head, body: rest, state };
}

/** Undoes React's escaping of text in the hoisted tags, for reuse in other tags. */
function unescape(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The page's data without the moment it was rendered: the same content makes the same page,
 * byte for byte, so a rebuild changes (and a deploy uploads) only pages whose content changed.
 * The browser dates the data as it hydrates (src/main.tsx).
 */
function undated(state: DehydratedState): DehydratedState {
  return {
    ...state,
    queries: state.queries.map((query) => ({
      ...query,
      dehydratedAt: 0,
      state: { ...query.state, dataUpdatedAt: 0 },
    })),
  };
}
