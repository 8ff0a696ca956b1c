/**
 * Intl's formatters, each made once per language and options. Making one loads the
 * language's data (5 to 20 ms on a phone, the first time); using one is cheap. A page
 * formats dozens of dates and numbers, and the build formats every date of the archive.
 * They are made when first used, never when a module loads: a module that made its own at
 * load time cost every page the data of languages it did not show.
 */
const made = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object | undefined, make: () => T): T {
  const key = `${kind} ${locale} ${options === undefined ? '' : JSON.stringify(options)}`;
  let formatter = made.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    made.set(key, formatter);
  }
  return formatter;
}

export const numberFormat = (locale: string): Intl.NumberFormat =>
  cached('number', locale, undefined, () => new Intl.NumberFormat(locale));

/**
 * `n` as `locale` writes it. English whole numbers (counts, pages, minutes: all the
 * interface shows) are written here, with a comma every three digits, exactly as Intl
 * writes them: the first Intl formatter a page makes costs a phone 30 to 40 ms of loading
 * Intl's data, and most English pages need no other.
 */
export function formatNumber(n: number, locale: string): string {
  if (locale === 'en' && Number.isSafeInteger(n)) {
    return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  }
  return numberFormat(locale).format(n);
}

export const pluralRules = (locale: string): Intl.PluralRules =>
  cached('plural', locale, undefined, () => new Intl.PluralRules(locale));

export const dateTimeFormat = (
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat =>
  cached('date', locale, options, () => new Intl.DateTimeFormat(locale, options));

export const relativeTimeFormat = (
  locale: string,
  options: Intl.RelativeTimeFormatOptions,
): Intl.RelativeTimeFormat =>
  cached('relative', locale, options, () => new Intl.RelativeTimeFormat(locale, options));

export const listFormat = (locale: string, options: Intl.ListFormatOptions): Intl.ListFormat =>
  cached('list', locale, options, () => new Intl.ListFormat(locale, options));
