import { formatDate, formatDateline, formatTimeAgo } from '../lib/dates.ts';
import { useLocale } from '../lib/i18n/i18n.tsx';
import { useNow } from '../lib/use-now.ts';

type TimeStampProps = {
  iso: string;
  /** The dateline's date and time ("August 9, 2023 at 7:03 pm"), or the date alone. */
  form: 'dateline' | 'date';
};

/**
 * When something was published: "3 hours ago" for the last day, kept current while the page
 * is open; the date beyond that. The full dateline is always in the tooltip, and the
 * machine-readable time in `datetime`. Always inside a `Label`, whose `lang` says which
 * language the words are in (src/lib/dates.ts reads them back as the page hydrates).
 */
export function TimeStamp({ iso, form }: TimeStampProps) {
  const locale = useLocale();
  const now = useNow();
  const full = formatDateline(iso, locale);
  return (
    <time dateTime={iso} title={full}>
      {formatTimeAgo(iso, now, locale) ?? (form === 'dateline' ? full : formatDate(iso, locale))}
    </time>
  );
}
