import { describe, expect, it } from 'vitest';
import { formatNumber, numberFormat } from './intl.ts';

describe('formatNumber', () => {
  it('writes English whole numbers exactly as Intl does', () => {
    const samples = [0, 1, 9, 10, 99, 100, 999, 1000, 1200, 12_345, 999_999, 1_000_000, -1, -1234];
    for (let n = 0; n < 3000; n += 7) samples.push(n, n * 1013);
    for (const n of samples) {
      expect(formatNumber(n, 'en')).toBe(new Intl.NumberFormat('en').format(n));
    }
  });

  it('leaves fractions and other languages to Intl', () => {
    expect(formatNumber(1.5, 'en')).toBe('1.5');
    expect(formatNumber(1200, 'tr')).toBe(numberFormat('tr').format(1200));
    expect(formatNumber(5, 'ar')).toBe(new Intl.NumberFormat('ar').format(5));
  });
});
