/** The built index.html, cut where a prerendered page's head and body go. */
import type { RenderedPage } from '../../src/entry-server.tsx';
import { PAGE_STATE_ID } from '../../src/app/prerender/page-state.ts';

export type Template = { beforeHead: string; beforeRoot: string; afterRoot: string };

const ROOT = '<div id="root"></div>';
const HTML_TAG = /<html\b/i;

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export function parseTemplate(html: string): Template {
  // The page reads without JavaScript once prerendered: the "needs JavaScript" note goes.
  const page = html.replace(/<noscript>[\s\S]*?<\/noscript>\s*/, '');
  const headEnd = page.indexOf('</head>');
  const root = page.indexOf(ROOT);
  if (headEnd < 0 || root < 0 || !HTML_TAG.test(page)) {
    throw new Error(`prerender: index.html has no <html>, no </head> or no ${ROOT}`);
  }
  return {
    beforeHead: page.slice(0, headEnd),
    beforeRoot: page.slice(headEnd, root),
    afterRoot: page.slice(root + ROOT.length),
  };
}

/**
 * A page's HTML. `<html data-path>` names the path it was rendered for: public/boot.js reads
 * it before the first paint, to hide a page a host sent for another path (see
 * src/app/prerender/page-path.ts); the not-found page, served for any path, has none.
 */
export function pageHtml(template: Template, page: RenderedPage): string {
  const { path } = page;
  const beforeHead =
    path === null
      ? template.beforeHead
      : template.beforeHead.replace(HTML_TAG, (tag) => `${tag} data-path="${attribute(path)}"`);
  return (
    beforeHead +
    page.head +
    template.beforeRoot +
    `<div id="root">${page.body}</div>` +
    `<script type="application/json" id="${PAGE_STATE_ID}">${page.state}</script>` +
    template.afterRoot
  );
}
