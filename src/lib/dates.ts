import { site } from '../config/site.ts';
import { dateTimeFormat as formatter, relativeTimeFormat } from './intl.ts';

/**
 * Datelines and dates as the prerendered page wrote them, by language and time: the first
 * render in the browser (hydration) writes the same words without asking Intl, whose first
 * formatter costs a phone 30 to 40 ms in one piece (src/lib/intl.ts).
 */
const written = new Map<string, string>();
const writtenKey = (form: 'dateline' | 'date', locale: string, iso: string) =>
  `${form} ${locale} ${iso}`;

/**
 * Reads the dates a prerendered page shows under `root`: each `<time>` (src/components/
 * time-stamp.tsx) carries the full dateline as its title and, rendered with no "now", the
 * dateline or date as its text; the nearest `lang` is the language it was written in.
 */
export function readWrittenDates(root: ParentNode): void {
  for (const time of root.querySelectorAll('time[datetime][title]')) {
    const iso = time.getAttribute('datetime') ?? '';
    const locale = time.closest('[lang]')?.getAttribute('lang') ?? '';
    const dateline = time.getAttribute('title') ?? '';
    const text = time.textContent;
    written.set(writtenKey('dateline', locale, iso), dateline);
    if (text !== dateline) written.set(writtenKey('date', locale, iso), text);
  }
}

const datelineFormatter = (locale: string, timeZone: string) =>
  locale === 'en'
    ? formatter('en-US', {
        timeZone,
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        hour12: true,
      })
    : formatter(locale, { timeZone, dateStyle: 'long', timeStyle: 'short' });

const dateFormatter = (locale: string, timeZone: string) =>
  formatter(locale === 'en' ? 'en-US' : locale, { timeZone, dateStyle: 'long' });

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
  const known = timeZone === site.timeZone && written.get(writtenKey('dateline', locale, iso));
  if (known) return known;
  if (locale !== 'en') return datelineFormatter(locale, timeZone).format(new Date(iso));
  const parts = datelineFormatter(locale, timeZone).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')} ${part('day')}, ${part('year')} at ${part('hour')}:${part('minute')} ${part('dayPeriod').toLowerCase()}`;
}

/** "August 9, 2023": the short form lists use. */
export function formatDate(iso: string, locale = 'en', timeZone: string = site.timeZone): string {
  const known = timeZone === site.timeZone && written.get(writtenKey('date', locale, iso));
  if (known) return known;
  return dateFormatter(locale, timeZone).format(new Date(iso));
}

/**
 * Makes the formatters of `locale`'s datelines and dates before a render needs them: the
 * first Intl formatter costs a phone 120 to 160 ms, which a page hydrated from its markup
 * never paid. Called when the reader shows they will open an article (a hover, a focus, a
 * touch), so the article's first render is not the one that pays; in a task of its own,
 * after the event that asked.
 */
export function prepareDates(locale: string): void {
  setTimeout(() => {
    datelineFormatter(locale, site.timeZone);
    dateFormatter(locale, site.timeZone);
  }, 0);
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
  const format = relativeTimeFormat(locale, { numeric: 'auto' });
  if (ago < MINUTE) return format.format(0, 'second');
  if (ago < HOUR) return format.format(-Math.floor(ago / MINUTE), 'minute');
  return format.format(-Math.floor(ago / HOUR), 'hour');
}
