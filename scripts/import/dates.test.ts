import { describe, expect, it } from 'vitest';
import { fromRfc3339, fromRfc822, fromWordPress, fromWordPressGmt, sinceToIso } from './dates.ts';

describe('source dates', () => {
  it('reads WordPress GMT dates as UTC', () => {
    expect(fromWordPressGmt('2023-08-09T18:03:00')).toBe('2023-08-09T18:03:00+00:00');
    expect(fromWordPressGmt('2023-02-30T18:03:00')).toBeUndefined();
  });

  it('keeps the offset an RFC 3339 date gives, and drops fractions', () => {
    expect(fromRfc3339('2023-08-10T09:30:00+03:00')).toBe('2023-08-10T09:30:00+03:00');
    expect(fromRfc3339('2023-08-10T10:00:00.123Z')).toBe('2023-08-10T10:00:00+00:00');
    expect(fromRfc3339('2023-08-10 10:00')).toBeUndefined();
  });

  it.each([
    ['Wed, 09 Aug 2023 19:03:00 +0100', '2023-08-09T19:03:00+01:00'],
    ['Sat, 05 Aug 2023 18:10:00 GMT', '2023-08-05T18:10:00+00:00'],
    ['Sun, 6 Aug 2023 07:00 EDT', '2023-08-06T07:00:00-04:00'],
    ['9 Aug 23 19:03:00 Z', '2023-08-09T19:03:00+00:00'],
  ])('reads the RFC 822 date %s', (input, output) => {
    expect(fromRfc822(input)).toBe(output);
  });

  it('rejects RFC 822 dates that do not exist or do not parse', () => {
    expect(fromRfc822('Thu, 31 Feb 2023 10:00:00 GMT')).toBeUndefined();
    expect(fromRfc822('yesterday')).toBeUndefined();
  });

  it('turns --since into what modified_after takes', () => {
    expect(sinceToIso('2023-08-01')).toBe('2023-08-01T00:00:00Z');
    expect(sinceToIso('2023-08-01T10:00:00+02:00')).toBe('2023-08-01T10:00:00+02:00');
    expect(sinceToIso('August')).toBeUndefined();
  });
});

describe('WordPress dates in the site’s own time', () => {
  it('keeps the site’s offset, from date and date_gmt', () => {
    expect(fromWordPress('2023-08-09T19:30:00', '2023-08-09T16:30:00')).toEqual({
      iso: '2023-08-09T19:30:00+03:00',
    });
    expect(fromWordPress('2023-08-09T08:00:00', '2023-08-09T13:30:00')).toEqual({
      iso: '2023-08-09T08:00:00-05:30',
    });
    // click9ja.com runs on UTC (test/real/wordpress-click9ja-posts.json).
    expect(fromWordPress('2019-01-02T08:19:18', '2019-01-02T08:19:18')).toEqual({
      iso: '2019-01-02T08:19:18+00:00',
    });
  });

  it('takes the offset from the site’s zone when a post has no date_gmt (hquarters.co.id)', () => {
    expect(fromWordPress('2026-01-28T12:01:21', undefined, { timezone: 'Asia/Jakarta' })).toEqual({
      iso: '2026-01-28T12:01:21+07:00',
    });
    // Summer time is the zone's, on the post's own day.
    expect(fromWordPress('2023-07-01T12:00:00', null, { timezone: 'Europe/London' })).toEqual({
      iso: '2023-07-01T12:00:00+01:00',
    });
    expect(fromWordPress('2023-01-01T12:00:00', null, { timezone: 'Europe/London' })).toEqual({
      iso: '2023-01-01T12:00:00+00:00',
    });
    expect(fromWordPress('2023-01-01T12:00:00', undefined, { gmtOffsetHours: 5.5 })).toEqual({
      iso: '2023-01-01T12:00:00+05:30',
    });
    expect(fromWordPress('2023-01-01T12:00:00', undefined)).toEqual({
      iso: '2023-01-01T12:00:00+00:00',
      assumedUtc: true,
    });
    expect(fromWordPress(undefined, '2023-01-01T12:00:00')).toEqual({
      iso: '2023-01-01T12:00:00+00:00',
    });
    expect(fromWordPress('2023-02-30T12:00:00', undefined)).toBeUndefined();
  });
});

describe('feed dates keep the offset the feed wrote', () => {
  it.each([
    ['Wed, 09 Aug 2023 19:30:00 +03:00', '2023-08-09T19:30:00+03:00'],
    ['Wednesday, 09 Aug 2023 19:30:00 +0300', '2023-08-09T19:30:00+03:00'],
    ['Wed, 09 Aug 2023 19:30:00 CEST', '2023-08-09T19:30:00+02:00'],
    ['Wed, 09 Aug 2023 19:30:00 BST', '2023-08-09T19:30:00+01:00'],
    ['2005-10-12T21:11:21-05:00', '2005-10-12T21:11:21-05:00'],
  ])('reads %s', (input, output) => {
    expect(fromRfc822(input)).toBe(output);
  });
});
