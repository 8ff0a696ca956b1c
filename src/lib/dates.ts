import { site } from '../config/site.ts';

/**
 * The dateline as the publication writes it, in its own time zone:
 * "August 9, 2023 at 7:03 pm".
 */
export function formatDateline(iso: string, timeZone: string = site.timeZone): string {
  const parts = new Intl.DateTimeFormat('en-US', {
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
export function formatDate(iso: string, timeZone: string = site.timeZone): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'long' }).format(new Date(iso));
}
