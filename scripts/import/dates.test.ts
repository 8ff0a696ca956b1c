import { describe, expect, it } from 'vitest';
import { fromRfc3339, fromRfc822, fromWordPressGmt, sinceToIso } from './dates.ts';

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
