import { describe, expect, it } from 'vitest';
import { formatDate, formatDateline } from './dates.ts';

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
