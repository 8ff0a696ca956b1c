import { dateTimeFormat } from '../../../lib/intl.ts';

/**
 * A month of the archive (`YYYY-MM`) as the interface says it: "August 2023",
 * "أغسطس ٢٠٢٣", "Ağustos 2023". Read as UTC, so no time zone moves it to the month before.
 */
export function monthLabel(month: string, locale: string): string {
  const [year = 0, number = 1] = month.split('-').map(Number);
  return dateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, number - 1, 1));
}
