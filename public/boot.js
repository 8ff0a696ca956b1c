// Runs before the first paint, inlined into every built page's <head> (see
// scripts/build/page-start-plugin.ts; the development server loads it as a file):
// 1. the reader's remembered theme and interface language, so the page never flashes light
//    or flips direction as it starts (the keys and languages match src/lib/theme.ts and
//    src/lib/i18n/i18n.tsx);
// 2. in a built page, the app starts once the page has loaded: the HTML already reads in
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
  if (document.readyState === 'complete') afterLoad();
  else addEventListener('load', afterLoad);
})();
