import { afterEach, describe, expect, it } from 'vitest';
import {
  dirOf,
  LOCALE_STORAGE_KEY,
  localeOf,
  messagesFor,
  pickLocale,
  setLocale,
} from './i18n.tsx';

afterEach(() => {
  setLocale('en');
  localStorage.clear();
});

describe('the interface language', () => {
  it('is the first of the browser’s languages the reader speaks, else English', () => {
    expect(pickLocale(['de-DE', 'tr-TR', 'ar'])).toBe('tr');
    expect(pickLocale(['ar-EG'])).toBe('ar');
    expect(pickLocale(['de', 'fr'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });

  it('knows which way each language is written', () => {
    expect(dirOf('ar')).toBe('rtl');
    expect(dirOf('fa-IR')).toBe('rtl');
    expect(dirOf('tr')).toBe('ltr');
    expect(dirOf('en-GB')).toBe('ltr');
    expect(localeOf('TR-tr')).toBe('tr');
    expect(localeOf('de')).toBeUndefined();
  });

  it('writes every right-to-left language and script right to left', () => {
    for (const lang of ['fa', 'ur', 'he', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb', 'syr', 'arc'])
      expect(dirOf(lang), lang).toBe('rtl');
    // A script subtag decides, whatever the language's usual script.
    for (const lang of ['az-Arab', 'pa-Arab', 'ms-Arab', 'ku-Arab', 'ff-Adlm'])
      expect(dirOf(lang), lang).toBe('rtl');
    expect(dirOf('ku-Latn')).toBe('ltr');
    expect(dirOf('ar-Latn')).toBe('ltr');
    // So does the region, where it changes the script.
    expect(dirOf('pa-PK')).toBe('rtl');
    expect(dirOf('pa-IN')).toBe('ltr');
    // Feeds write underscores; a tag Intl rejects falls back to the known languages.
    expect(dirOf('fa_IR')).toBe('rtl');
    expect(dirOf('ar-not-a-valid-tag!')).toBe('rtl');
    for (const lang of ['en', 'tr', 'az', 'ms', 'ku', 'de-CH', 'zh-Hant', 'not a language'])
      expect(dirOf(lang), lang).toBe('ltr');
  });

  it('switches the page’s lang and dir, and remembers the choice', () => {
    setLocale('ar');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ar');
    setLocale('tr');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('words plurals the way each language does', () => {
    expect(messagesFor('en').resultCount(1)).toBe('1 result');
    expect(messagesFor('en').resultCount(1200)).toBe('1,200 results');
    expect(messagesFor('tr').resultCount(3)).toBe('3 sonuç');
    expect(messagesFor('ar').resultCount(1)).toBe('نتيجة واحدة');
    expect(messagesFor('ar').resultCount(2)).toBe('نتيجتان');
    expect(messagesFor('ar').articleCount(5)).toMatch(/^(5|٥) مقالات$/);
    expect(messagesFor('ar').articleCount(11)).toMatch(/^(11|١١) مقالة$/);
  });
});
