import { site } from '../config/site.ts';

/**
 * Formatters are costly to make and cheap to use: a list page formats dozens of dates, and
 * the build formats every date of the archive, so each one is made once.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (made === undefined) {
    made = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, made);
  }
  return made;
}

/**
 * The dateline as the publication writes it, in its own time zone. In English, the
 * source's own form: "August 9, 2023 at 7:03 pm"; in other languages, Intl's long date and
 * short time for that language ("9 Ağustos 2023 19:03").
 */
export function formatDateline(
  iso: string,
  locale = 'en',
  timeZone: string = site.timeZone,
): string {
  if (locale !== 'en') {
    return formatter(locale, { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(
      new Date(iso),
    );
  }
  const parts = formatter('en-US', {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')} ${part('day')}, ${part('year')} at ${part('hour')}:${part('minute')} ${part('dayPeriod').toLowerCase()}`;
}

/** "August 9, 2023": the short form lists use. */
export function formatDate(iso: string, locale = 'en', timeZone: string = site.timeZone): string {
  return formatter(locale === 'en' ? 'en-US' : locale, { timeZone, dateStyle: 'long' }).format(
    new Date(iso),
  );
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "3 hours ago", "5 minutes ago", "now": how long ago `iso` was, for times up to a day
 * before `now`; undefined for anything older (or in the future), which shows its date.
 */
export function formatTimeAgo(iso: string, now: number, locale = 'en'): string | undefined {
  const ago = now - Date.parse(iso);
  if (!(ago >= 0 && ago < DAY)) return undefined;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (ago < MINUTE) return format.format(0, 'second');
  if (ago < HOUR) return format.format(-Math.floor(ago / MINUTE), 'minute');
  return format.format(-Math.floor(ago / HOUR), 'hour');
}
