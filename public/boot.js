// Runs before the first paint (a plain script in <head>, allowed by the page's content
// security policy as a file of the site's own): the reader's remembered theme and
// interface language, so the page never flashes light or flips direction as it starts.
// The keys and languages match src/lib/theme.ts and src/lib/i18n/i18n.tsx.
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
})();
