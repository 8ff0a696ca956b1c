/** The built index.html, cut where a prerendered page's head and body go. */
import type { RenderedPage } from '../../src/entry-server.tsx';
import { PAGE_STATE_ID } from '../../src/app/prerender/page-state.ts';

export type Template = { beforeHead: string; beforeRoot: string; afterRoot: string };

const ROOT = '<div id="root"></div>';

export function parseTemplate(html: string): Template {
  // The page reads without JavaScript once prerendered: the "needs JavaScript" note goes.
  const page = html.replace(/<noscript>[\s\S]*?<\/noscript>\s*/, '');
  const headEnd = page.indexOf('</head>');
  const root = page.indexOf(ROOT);
  if (headEnd < 0 || root < 0) {
    throw new Error(`prerender: index.html has no </head> or no ${ROOT}`);
  }
  return {
    beforeHead: page.slice(0, headEnd),
    beforeRoot: page.slice(headEnd, root),
    afterRoot: page.slice(root + ROOT.length),
  };
}

export function pageHtml(template: Template, page: RenderedPage): string {
  return (
    template.beforeHead +
    page.head +
    template.beforeRoot +
    `<div id="root">${page.body}</div>` +
    `<script type="application/json" id="${PAGE_STATE_ID}">${page.state}</script>` +
    template.afterRoot
  );
}
