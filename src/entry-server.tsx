/**
 * The reader rendered to HTML at build time (scripts/prerender/ runs it for every page):
 * react-router's static handler runs the same route loaders as the browser, the query
 * cache they fill is dehydrated into the page, and the browser hydrates it (src/main.tsx).
 */
import { dehydrate, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { createRoutes } from './app/router.tsx';
import { articleHead, pageHead } from './app/prerender/head.ts';
import { serializeState, type PageState } from './app/prerender/page-state.ts';
import { articleQueries } from './features/articles/api/article-queries.ts';
import { createQueryClient } from './lib/query-client.ts';

export type RenderedPage = {
  /** The HTTP status the page stands for: 200, or 404 for the not-found page. */
  status: number;
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
 * Renders the page at `path` (`/`, `/{slug}/`, `/category/africa/page/2/`). `mode` says how
 * the browser takes it over: `hydrate` for pages whose content the path decides, `render`
 * for shells whose content depends on more (the not-found page, the search page).
 */
export async function renderPage(
  path: string,
  mode: PageState['mode'] = 'hydrate',
): Promise<RenderedPage> {
  const queryClient = createQueryClient();
  const handler = createStaticHandler(createRoutes(queryClient));
  const context = await handler.query(new Request(new URL(path, 'http://reader.invalid')));
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
  const state = serializeState({
    mode,
    queries: dehydrate(queryClient),
    loaderData: context.loaderData,
  });
  queryClient.clear();
  return { status: context.statusCode, head, body: rest, state };
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
