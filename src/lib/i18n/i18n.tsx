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

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ckb', 'dv', 'yi']);

/** The language's primary subtag: `en-GB` -> `en`. */
const primary = (lang: string) => lang.toLowerCase().split('-')[0] ?? '';

/** Which way a language is written. */
export function dirOf(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(primary(lang)) ? 'rtl' : 'ltr';
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

/** The strings for the language of what is being shown here. */
export function useMessages(): Messages {
  return catalogues[useLocale()];
}

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
