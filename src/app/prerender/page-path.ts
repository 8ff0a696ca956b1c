/**
 * Which page a prerendered document is, against the URL it was served at. A plain file
 * server sends each path its own file; a host that rewrites unknown paths to `index.html`
 * (the habit of single-page-app set-ups on Netlify, Vercel, Firebase and nginx) sends the
 * home page's HTML for any path it has no file for. Hydrating that HTML at another path
 * fails (React error #418), so the app draws such a page afresh instead (src/main.tsx), and
 * `public/boot.js` hides the wrong page's content before the first paint. boot.js repeats
 * this comparison in plain JavaScript (it runs before any module); page-path.test.ts holds
 * the two to the same answers.
 */

/**
 * How a document's page stands to the URL it is shown at:
 * - `this`: the page for this very path;
 * - `alias`: the same page, at a spelling the host also serves it at: without its trailing
 *   slash (`/{slug}`, as Vercel serves a folder), with `index.html` after it, or with its
 *   names percent-encoded differently (`%d8` for `%D8`);
 * - `elsewhere`: another page's HTML.
 */
export type PageFit = 'this' | 'alias' | 'elsewhere';

/**
 * A path's names as the router reads them: under the site's base, each percent-decoded
 * (a name that does not decode is kept as written), a final `index.html` or trailing slash
 * dropped. `undefined` for a path outside the base. Empty names stay (`/a//b/` is not
 * `/a/b/`): a page is only taken for its own where the router is sure to draw the same.
 */
function routeNames(pathname: string, base: string): string[] | undefined {
  let rest: string;
  if (pathname.startsWith(base)) rest = pathname.slice(base.length);
  else if (`${pathname}/` === base) rest = '';
  else return undefined;
  const names = rest.split('/');
  if (names.at(-1) === 'index.html') names[names.length - 1] = '';
  if (names.at(-1) === '') names.pop();
  return names.map((name) => {
    try {
      return decodeURIComponent(name);
    } catch {
      return name;
    }
  });
}

/**
 * `pagePath` is the path the page was rendered for (`/`, `/{slug}/`), spelled as a browser
 * spells a URL's path (the prerender records it so); `locationPath` is `location.pathname`; `base` is the site's base URL
 * (Vite's `BASE_URL`, ending in `/`).
 */
export function pageFit(pagePath: string, locationPath: string, base = '/'): PageFit {
  if (pageUrlPath(pagePath, base) === locationPath) return 'this';
  const page = routeNames(pagePath, '/');
  const here = routeNames(locationPath, base);
  if (page === undefined || here === undefined) return 'elsewhere';
  return page.length === here.length && page.every((name, index) => name === here[index])
    ? 'alias'
    : 'elsewhere';
}

/** The URL path a page rendered for `pagePath` has at the site's base. */
export function pageUrlPath(pagePath: string, base = '/'): string {
  return `${base}${pagePath.replace(/^\//, '')}`;
}
