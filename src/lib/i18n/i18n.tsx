/**
 * The interface language: English, Arabic or Turkish. The reader's choice (the footer's
 * switch) is remembered in localStorage; until then the browser's languages pick it. The
 * `<html>` element carries it as `lang` and `dir`, so the whole layout mirrors in Arabic:
 * the styles use logical properties only. `public/boot.js` applies a remembered choice
 * before the first paint, so the page never flips direction as it starts.
 *
 * An article written in a language of its own (its `lang`) is read in that language's
 * scope (`LanguageScope`): its labels and dates follow it, whatever the interface's.
 *
 * Only English's strings come with the app; another language's catalogue is loaded when
 * it is first needed (`loadMessages`): a page in English never downloads the others.
 */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { site } from '../../config/site.ts';
import { en, type Messages } from './messages/en.ts';

export const LOCALES = ['en', 'ar', 'tr'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language named in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  ar: 'العربية',
  tr: 'Türkçe',
};

const importers: Record<Exclude<Locale, 'en'>, () => Promise<Messages>> = {
  ar: () => import('./messages/ar.ts').then((module) => module.ar),
  tr: () => import('./messages/tr.ts').then((module) => module.tr),
};
const catalogues: Partial<Record<Locale, Messages>> = { en };

const loading = new Map<Locale, Promise<Messages>>();

/** The catalogue for `locale`, loaded once; at once for a catalogue already here. */
export function loadMessages(locale: Locale): Promise<Messages> {
  const loaded = catalogues[locale];
  if (loaded !== undefined) return Promise.resolve(loaded);
  let pending = loading.get(locale);
  if (pending === undefined) {
    pending = importers[locale as Exclude<Locale, 'en'>]().then((messages) => {
      catalogues[locale] = messages;
      return messages;
    });
    // A failed load (offline, a deploy that removed the file) may be tried again.
    pending.catch(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/** Where the reader's choice is kept; `public/boot.js` reads the same key. */
export const LOCALE_STORAGE_KEY = 'reader-locale';

/**
 * Scripts written right to left (ISO 15924), living and historic: Arabic, Hebrew, Thaana,
 * Syriac, N'Ko, Adlam, Hanifi Rohingya, Samaritan, Mandaic, Mende Kikakui, Yezidi, Imperial
 * Aramaic, Avestan, Phoenician, Nabataean, Palmyrene and others a source may state.
 */
const RTL_SCRIPTS = new Set(
  `Adlm Arab Armi Avst Chrs Cprt Elym Hatr Hebr Hung Khar Lydi Mand Mani Mend Merc Mero
   Narb Nbat Nkoo Orkh Palm Phli Phlp Phnx Prti Rohg Samr Sarb Sogd Sogo Syrc Thaa Yezi`.split(
    /\s+/,
  ),
);

/**
 * Languages written right to left by default, for when `Intl` cannot say (an engine without
 * locale data, a tag it does not know): Arabic and the languages written in its script
 * (Persian, Dari, Urdu, Pashto, Sindhi, Uyghur, Sorani and Southern Kurdish, Balochi,
 * Kashmiri, Luri, Mazanderani, Gilaki, South Azerbaijani), Hebrew, Yiddish, Dhivehi,
 * Syriac, Aramaic, N'Ko, Rohingya, Samaritan, Mandaic.
 */
const RTL_LANGUAGES = new Set(
  `ar arc azb bal bqi ckb dv fa glk he iw ji ks lrc mzn myz nqo prs ps rhg sam sd sdh syc syr
   ug ur yi`.split(/\s+/),
);

/** The language's primary subtag: `en-GB` -> `en`. */
const primary = (lang: string) => lang.toLowerCase().split(/[-_]/)[0] ?? '';

/** The script a language tag is written in: the one it states, else its likely one. */
function scriptOf(lang: string): string | undefined {
  try {
    const locale = new Intl.Locale(lang.replaceAll('_', '-'));
    return locale.script ?? locale.maximize().script;
  } catch {
    // Not a well-formed tag (a feed's free text in a `language` field): the set decides.
    return undefined;
  }
}

// The interface's own languages are known: asking Intl (its likely-subtags data) costs a
// phone about 20 ms the first time, on every page.
const directions = new Map<string, 'ltr' | 'rtl'>([
  ['en', 'ltr'],
  ['ar', 'rtl'],
  ['tr', 'ltr'],
]);

/**
 * Which way a language is written, from its script: a script subtag decides (`az-Arab`,
 * `pa-Arab`, `ms-Arab` are right to left; `ku-Latn` left to right), then the script the
 * language or its region is likely written in (`pa-PK`, `uz-AF`), then the known right-to-left
 * languages where the engine has no data.
 */
export function dirOf(lang: string): 'ltr' | 'rtl' {
  const known = directions.get(lang);
  if (known) return known;
  const script = scriptOf(lang);
  const isRtl = script === undefined ? RTL_LANGUAGES.has(primary(lang)) : RTL_SCRIPTS.has(script);
  const dir = isRtl ? 'rtl' : 'ltr';
  directions.set(lang, dir);
  return dir;
}

/** The interface language for `lang`, when the reader has a catalogue for it. */
export function localeOf(lang: string | null | undefined): Locale | undefined {
  const wanted = primary(lang ?? '');
  return LOCALES.find((locale) => locale === wanted);
}

/** The first of the browser's languages the reader speaks, else the site's own. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const lang of preferred) {
    const locale = localeOf(lang);
    if (locale) return locale;
  }
  return localeOf(site.language) ?? 'en';
}

function storedLocale(): Locale | undefined {
  try {
    return localeOf(globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY));
  } catch {
    // Storage can be off (private modes, blocked cookies): the choice then lasts the visit.
    return undefined;
  }
}

function initialLocale(): Locale {
  return storedLocale() ?? pickLocale(globalThis.navigator?.languages ?? []);
}

let current: Locale = initialLocale();
const listeners = new Set<() => void>();

function applyToDocument(locale: Locale) {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = locale;
  document.documentElement.dir = dirOf(locale);
}
applyToDocument(current);

export function getLocale(): Locale {
  return current;
}

/**
 * Loads the interface's catalogue before the app first renders. Content in another
 * language that needs its own (an article in Turkish) suspends as it hydrates until that
 * one is here; its prerendered markup stays on screen meanwhile. A catalogue that cannot
 * be loaded leaves the interface in English.
 */
export async function loadInterfaceMessages(): Promise<void> {
  try {
    await loadMessages(current);
  } catch (error) {
    console.warn(`The ${LANGUAGE_NAMES[current]} interface could not be loaded.`, error);
    current = 'en';
    applyToDocument(current);
  }
}

/**
 * Switches the interface language, and remembers the choice: at once when its catalogue is
 * here, else once it has loaded (the interface never shows a language half-loaded).
 */
export function setLocale(locale: Locale): void {
  if (catalogues[locale] === undefined) {
    loadMessages(locale).then(
      () => {
        setLocale(locale);
      },
      (error: unknown) => {
        console.warn(`The ${LANGUAGE_NAMES[locale]} interface could not be loaded.`, error);
      },
    );
    return;
  }
  current = locale;
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered; still switched.
  }
  applyToDocument(locale);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const ScopeContext = createContext<Locale | undefined>(undefined);

/** Content in its own language: labels and dates inside follow `lang` when the reader speaks it. */
export function LanguageScope({
  lang,
  children,
}: {
  lang: string | undefined;
  children: ReactNode;
}) {
  return <ScopeContext value={localeOf(lang)}>{children}</ScopeContext>;
}

/** The language pages are prerendered in: what the browser's first (hydrating) render shows. */
const prerenderedLocale = (): Locale => localeOf(site.language) ?? 'en';

let isHeld = false;

/**
 * Keeps a prerendered page in the language it was rendered in until it has hydrated whole,
 * then lets it show the reader's; the returned function lets go. The page hydrates in
 * slices (src/components/hydration-slice.tsx): the layout re-rendered in another language
 * before every slice had hydrated would make React drop the slices' markup and draw them
 * afresh.
 */
export function holdPrerenderedLocale(): () => void {
  isHeld = true;
  return () => {
    isHeld = false;
    for (const listener of listeners) listener();
  };
}

const shownLocale = (): Locale => (isHeld ? prerenderedLocale() : current);

/** The interface language, whatever the scope. */
export function useInterfaceLocale(): Locale {
  return useSyncExternalStore(subscribe, shownLocale, prerenderedLocale);
}

/** The language of what is being shown here: the scope's, else the interface's. */
export function useLocale(): Locale {
  const ui = useInterfaceLocale();
  return useContext(ScopeContext) ?? ui;
}

/**
 * The reader's own words (a byline's "By", "1 min read", a date) inside content in another
 * language, marked with their language and direction: in a Persian article shown with
 * English labels, "1 min read" would otherwise read "min read 1". Isolated, so the line
 * still sits where the content's direction puts it.
 */
export function Label({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return (
    <span lang={locale} dir={dirOf(locale)}>
      {children}
    </span>
  );
}

/**
 * The strings for the language of what is being shown here. A catalogue not yet loaded
 * (an article in Turkish opened from an English page) suspends the render until it is:
 * a navigation waits for it as it waits for the article's data.
 */
export function useMessages(): Messages {
  const locale = useLocale();
  const messages = catalogues[locale];
  // Suspense's own protocol, as the query library suspends: the render is tried again once
  // the catalogue is here, and then reads it like any other.
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- Suspense takes a promise.
  if (messages === undefined) throw loadMessages(locale);
  return messages;
}

/** The strings for `locale`, once loaded (see `loadMessages`). */
export function messagesFor(locale: Locale): Messages {
  const messages = catalogues[locale];
  if (messages === undefined) throw new Error(`The ${locale} catalogue is not loaded yet`);
  return messages;
}
