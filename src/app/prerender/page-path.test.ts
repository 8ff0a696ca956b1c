import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { pageFit, pageUrlPath } from './page-path.ts';

const ARABIC = '/%D9%85%D9%88%D8%AC%D8%A9/';

describe('pageFit', () => {
  it.each([
    ['/', '/'],
    ['/some-article/', '/some-article/'],
    ['/tags/uk/page/2/', '/tags/uk/page/2/'],
    [ARABIC, ARABIC],
  ])('the page for %s is the page at %s', (page, here) => {
    expect(pageFit(page, here)).toBe('this');
  });

  it.each([
    ['/some-article/', '/some-article', 'without its trailing slash'],
    ['/some-article/', '/some-article/index.html', 'as its folder’s index.html'],
    ['/', '/index.html', 'as the root’s index.html'],
    [ARABIC, ARABIC.toLowerCase(), 'percent-encoded in lower case'],
    [ARABIC, '/موجة/', 'not percent-encoded'],
    ['/a-b/', '/a%2Db/', 'with a letter percent-encoded'],
  ])('the page for %s is the same page at %s (%s)', (page, here) => {
    expect(pageFit(page, here)).toBe('alias');
  });

  it.each([
    ['/', '/no-such-page/', 'the home page at an unknown slug'],
    ['/', '/some/unknown/path/', 'the home page at an unknown path'],
    ['/', '/some-article/', 'the home page at an article’s path'],
    ['/some-article/', '/some-article/more/', 'a page at a path below it'],
    ['/tags/uk/', '/tags//uk/', 'a doubled slash, which the router reads apart'],
    ['/a/b/', '/a%2Fb/', 'an encoded slash, one name and not two'],
    ['/some-article/', '/some-article//', 'two trailing slashes'],
    ['/search/', '/saved/', 'a shell at another shell’s path'],
  ])('the page for %s is elsewhere at %s (%s)', (page, here) => {
    expect(pageFit(page, here)).toBe('elsewhere');
  });

  it('reads the URL under the site’s base', () => {
    expect(pageFit('/a/', '/news/a/', '/news/')).toBe('this');
    expect(pageFit('/', '/news', '/news/')).toBe('alias');
    expect(pageFit('/a/', '/a/', '/news/')).toBe('elsewhere');
    expect(pageUrlPath('/a/', '/news/')).toBe('/news/a/');
    expect(pageUrlPath('/', '/')).toBe('/');
  });
});

const bootScript = readFileSync(
  path.resolve(import.meta.dirname, '../../../public/boot.js'),
  'utf8',
);

/**
 * What boot.js decides for a page rendered for `pagePath`, opened at `url` (on the test
 * window's own origin), run as a built page runs it: an inline script with its attributes.
 */
function bootDecides(pagePath: string, url: string, base = '/') {
  history.replaceState(null, '', `${location.origin}${url}`);
  const root = document.documentElement;
  root.setAttribute('data-path', pagePath);
  root.removeAttribute('data-page');
  // Inserted, an inline script runs at once, as document.currentScript.
  const script = document.createElement('script');
  script.dataset.base = base;
  script.textContent = bootScript;
  document.head.replaceChildren(script);
  return { pathname: location.pathname, isElsewhere: root.dataset.page === 'elsewhere' };
}

describe('public/boot.js', () => {
  afterAll(() => {
    document.head.replaceChildren();
    for (const name of ['data-path', 'data-page', 'lang', 'dir']) {
      document.documentElement.removeAttribute(name);
    }
    history.replaceState(null, '', '/');
  });

  it('marks a page sent for another path, and only such a page', () => {
    expect(bootDecides('/', '/some/unknown/path/').isElsewhere).toBe(true);
    expect(bootDecides('/', '/').isElsewhere).toBe(false);
    expect(bootDecides(ARABIC, '/موجة').isElsewhere).toBe(false);
    expect(bootDecides('/a/', '/news/a/', '/news/').isElsewhere).toBe(false);
  });

  it('takes a page for this URL’s exactly when the app does', () => {
    const fits = new Set<string>();
    const name = fc.constantFrom(
      'a',
      'a-b',
      'موجة',
      '%D9%85',
      '%d9%85',
      '%',
      '%2F',
      'index.html',
      'page',
      '2',
      '',
    );
    const names = fc.array(name, { maxLength: 4 });
    /** A name as a link or a host may spell it: as is, percent-encoded, in lower case. */
    const respelled = (text: string) =>
      fc.constantFrom(text, encodeURIComponent(text), encodeURIComponent(text).toLowerCase());
    /** The page's own path spelled another way, more often than not; else any path. */
    const hereFor = (pageNames: string[]) =>
      fc.oneof(
        fc.record({
          names: fc
            .tuple(...pageNames.map(respelled))
            .chain((parts) =>
              fc.constantFrom(parts, [...parts, 'index.html'], [...parts, ''], parts.slice(1)),
            ),
          slash: fc.boolean(),
        }),
        fc.record({ names, slash: fc.boolean() }),
      );
    const spelled = (parts: string[], slash: boolean) =>
      `/${parts.join('/')}${slash && parts.length > 0 ? '/' : ''}`;
    fc.assert(
      fc.property(
        names.chain((pageNames) =>
          fc.record({
            pageNames: fc.constant(pageNames),
            pageSlash: fc.boolean(),
            here: hereFor(pageNames),
            base: fc.constantFrom('/', '/news/'),
          }),
        ),
        ({ pageNames, pageSlash, here, base }) => {
          // As the prerender records it: a URL's path, as a browser spells it.
          const pagePath = new URL(`http://reader.test${spelled(pageNames, pageSlash)}`).pathname;
          const url = `${base}${spelled(here.names, here.slash).slice(1)}`;
          const boot = bootDecides(pagePath, url, base);
          const fit = pageFit(pagePath, boot.pathname, base);
          expect(boot.isElsewhere, `${pagePath} at ${boot.pathname}`).toBe(fit === 'elsewhere');
          fits.add(fit);
        },
      ),
      { numRuns: 300 },
    );
    // The cases reached every answer, not just one.
    expect([...fits].sort()).toEqual(['alias', 'elsewhere', 'this']);
  });
});
