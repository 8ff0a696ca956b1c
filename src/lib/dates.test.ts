import { describe, expect, it } from 'vitest';
import { formatDate, formatDateline, formatTimeAgo, readWrittenDates } from './dates.ts';

describe('formatDateline', () => {
  it('writes the time as the source does, in London time', () => {
    expect(formatDateline('2023-08-09T19:03:00+01:00')).toBe('August 9, 2023 at 7:03 pm');
    expect(formatDateline('2023-08-09T18:03:00Z')).toBe('August 9, 2023 at 7:03 pm');
  });

  it('follows the winter offset and morning hours', () => {
    expect(formatDateline('2023-12-01T09:05:00+00:00')).toBe('December 1, 2023 at 9:05 am');
  });

  it('uses the date in London, not in the writer’s own zone', () => {
    expect(formatDate('2023-08-09T23:30:00-04:00')).toBe('August 10, 2023');
  });
});

describe('dates in other languages', () => {
  it('writes the dateline in Turkish and Arabic, in the publication’s time zone', () => {
    expect(formatDateline('2023-08-09T19:03:00+01:00', 'tr')).toBe('9 Ağustos 2023 19:03');
    expect(formatDate('2023-08-09T19:03:00+01:00', 'tr')).toBe('9 Ağustos 2023');
    // Digits as CLDR writes them for `ar` (Western in current data; some regions use ٠-٩).
    expect(formatDate('2023-08-09T19:03:00+01:00', 'ar')).toMatch(/^(9|٩) أغسطس (2023|٢٠٢٣)$/);
  });
});

describe('formatTimeAgo', () => {
  const now = Date.parse('2023-08-10T12:00:00Z');
  it('says how long ago, up to a day', () => {
    expect(formatTimeAgo('2023-08-10T11:59:30Z', now)).toBe('now');
    expect(formatTimeAgo('2023-08-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(formatTimeAgo('2023-08-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatTimeAgo('2023-08-10T09:00:00Z', now, 'tr')).toBe('3 saat önce');
    expect(formatTimeAgo('2023-08-10T09:00:00Z', now, 'ar')).toMatch(/^قبل (3|٣) ساعات$/);
  });

  it('leaves older and future times to the date', () => {
    expect(formatTimeAgo('2023-08-09T11:59:00Z', now)).toBeUndefined();
    expect(formatTimeAgo('2023-08-10T12:01:00Z', now)).toBeUndefined();
  });
});

describe('readWrittenDates', () => {
  it('writes a hydrating page’s dates as its markup does, for the language they were in', () => {
    const page = document.createElement('div');
    // Words Intl would never write: only the markup can have given them.
    const written = (iso: string, title: string, text: string) => {
      const label = document.createElement('span');
      label.lang = 'en';
      const time = document.createElement('time');
      time.dateTime = iso;
      time.title = title;
      time.textContent = text;
      label.append(time);
      page.append(label);
    };
    written('2021-03-04T05:06:00Z', 'as written: dateline', 'as written: dateline');
    written('2021-03-05T05:06:00Z', 'as written: full', 'as written: date');
    readWrittenDates(page);
    expect(formatDateline('2021-03-04T05:06:00Z', 'en')).toBe('as written: dateline');
    expect(formatDateline('2021-03-05T05:06:00Z', 'en')).toBe('as written: full');
    expect(formatDate('2021-03-05T05:06:00Z', 'en')).toBe('as written: date');
    // The dateline form's text is its title: no date form is read from it.
    expect(formatDate('2021-03-04T05:06:00Z', 'en')).toBe('March 4, 2021');
    // Another language, or another time zone, is Intl's.
    expect(formatDateline('2021-03-04T05:06:00Z', 'tr')).toMatch(/4 Mart 2021/);
    expect(formatDateline('2021-03-04T05:06:00Z', 'en', 'UTC')).toBe('March 4, 2021 at 5:06 am');
  });
});
