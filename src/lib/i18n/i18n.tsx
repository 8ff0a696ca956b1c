/**
 * The interface language: English, Arabic or Turkish. The reader's choice (the footer's
 * switch) is remembered in localStorage; until then the browser's languages pick it. The
 * `<html>` element carries it as `lang` and `dir`, so the whole layout mirrors in Arabic:
 * the styles use logical properties only. `public/boot.js` applies a remembered choice
 * before the first paint, so the page never flips direction as it starts.
 *
 * An article written in a language of its own (its `lang`) is read in that language's
 * scope (`LanguageScope`): its labels and dates follow it, whatever the interface's.
 */
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { site } from '../../config/site.ts';
import { ar } from './messages/ar.ts';
import { en, type Messages } from './messages/en.ts';
import { tr } from './messages/tr.ts';

export const LOCALES = ['en', 'ar', 'tr'] as const;
export type Locale = (typeof LOCALES)[number];

const catalogues: Record<Locale, Messages> = { en, ar, tr };

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

const directions = new Map<string, 'ltr' | 'rtl'>();

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

/** Switches the interface language, and remembers the choice. */
export function setLocale(locale: Locale): void {
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

/** The interface language, whatever the scope. */
export function useInterfaceLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale, prerenderedLocale);
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

/** The strings for the language of what is being shown here. */
export function useMessages(): Messages {
  return catalogues[useLocale()];
}

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
