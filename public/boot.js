// Runs before the first paint, inlined into every built page's <head> (see
// scripts/build/page-start-plugin.ts; the development server loads it as a file):
// 1. the reader's remembered theme and interface language, so the page never flashes light
//    or flips direction as it starts (the keys and languages match src/lib/theme.ts and
//    src/lib/i18n/i18n.tsx);
// 2. in a built page sent for another path (a host that rewrites unknown paths to
//    index.html sends the home page for them), that page's content is hidden until the
//    app has drawn this URL's (global.css), so it never flashes on screen;
// 3. in a built page, the app starts once the page has loaded: the HTML already reads in
//    full, and until then the hero image has the connection to itself.
(function () {
  var root = document.documentElement;
  var languages = ['en', 'ar', 'tr'];
  try {
    var theme = localStorage.getItem('reader-theme');
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
    var locale = localStorage.getItem('reader-locale');
    if (languages.indexOf(locale) < 0) {
      locale = null;
      var preferred = navigator.languages || [];
      for (var i = 0; i < preferred.length && locale === null; i++) {
        var lang = String(preferred[i]).toLowerCase().split('-')[0];
        if (languages.indexOf(lang) >= 0) locale = lang;
      }
    }
    if (locale) {
      root.lang = locale;
      root.dir = locale === 'ar' ? 'rtl' : 'ltr';
    }
  } catch {
    // Storage off: the app applies its defaults when it starts.
  }

  var script = document.currentScript;
  // The path's names as the router reads them, as src/app/prerender/page-path.ts reads
  // them (its test holds the two to the same answers): under the site's base, each
  // percent-decoded, a final index.html or trailing slash dropped.
  var routeNames = function (pathname, base) {
    var rest;
    if (pathname.slice(0, base.length) === base) rest = pathname.slice(base.length);
    else if (pathname + '/' === base) rest = '';
    else return null;
    var names = rest.split('/');
    if (names[names.length - 1] === 'index.html') names[names.length - 1] = '';
    if (names[names.length - 1] === '') names.pop();
    for (var n = 0; n < names.length; n++) {
      try {
        names[n] = decodeURIComponent(names[n]);
      } catch {
        // Kept as written, as the router keeps it.
      }
    }
    return JSON.stringify(names);
  };
  // The prerender names the path each page is for (the not-found page, for any path, has none).
  var pagePath = root.getAttribute('data-path');
  if (pagePath !== null) {
    var page = routeNames(pagePath, '/');
    var here = routeNames(location.pathname, (script && script.getAttribute('data-base')) || '/');
    if (page === null || page !== here) root.setAttribute('data-page', 'elsewhere');
  }
  var isElsewhere = root.getAttribute('data-page') === 'elsewhere';

  var app = script && script.getAttribute('data-app');
  if (!app) return;
  var addLink = function (rel, href) {
    var link = document.createElement('link');
    link.rel = rel;
    if (rel === 'modulepreload') link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  };
  var start = function () {
    // The entry's own imports are fetched alongside it, not one after another.
    var preload = (script.getAttribute('data-preload') || '').split(' ');
    for (var j = 0; j < preload.length; j++) if (preload[j]) addLink('modulepreload', preload[j]);
    var manifest = script.getAttribute('data-manifest');
    if (manifest) addLink('manifest', manifest);
    // data-app says how far the app is (the end-to-end tests wait for it): starting, ready
    // (set by the app once it runs the page) or failed (the page stays plain HTML, readable).
    root.setAttribute('data-app', 'starting');
    import(app).then(null, function (error) {
      root.setAttribute('data-app', 'failed');
      console.warn('The app could not start; the page works as plain HTML.', error);
    });
  };
  // Once the page has loaded and its largest paint is on screen: the hero image (marked
  // elementtiming="article-hero") where there is one, else the first contentful paint.
  // Browsers without these timings, and hidden tabs (which paint nothing), go by a timer.
  var started = false;
  var begin = function () {
    if (started) return;
    started = true;
    start();
  };
  var afterLoad = function () {
    setTimeout(begin, 1500);
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    var hero = document.querySelector('[elementtiming="article-hero"]');
    var type = hero ? 'element' : 'paint';
    if (types.indexOf(type) < 0) {
      requestAnimationFrame(function () {
        setTimeout(begin);
      });
      return;
    }
    var observer = new PerformanceObserver(function (list) {
      var entries = list.getEntries();
      for (var k = 0; k < entries.length; k++) {
        var name = hero ? entries[k].identifier : entries[k].name;
        if (name !== (hero ? 'article-hero' : 'first-contentful-paint')) continue;
        observer.disconnect();
        setTimeout(begin);
      }
    });
    observer.observe({ type: type, buffered: true });
  };
  if (isElsewhere) {
    // Nothing on screen is this URL's: the app starts as soon as the page is parsed,
    // without waiting for the other page's images.
    if (document.readyState === 'loading') addEventListener('DOMContentLoaded', begin);
    else begin();
  } else if (document.readyState === 'complete') afterLoad();
  else addEventListener('load', afterLoad);
})();
