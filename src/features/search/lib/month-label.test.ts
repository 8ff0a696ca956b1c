import { describe, expect, it } from 'vitest';
import { monthLabel } from './month-label.ts';

describe('monthLabel', () => {
  it('names the month and year in the interface language', () => {
    expect(monthLabel('2023-08', 'en')).toBe('August 2023');
    expect(monthLabel('2023-08', 'tr')).toBe('Ağustos 2023');
    // Latin or Arabic-Indic digits, as the runtime's Intl data writes Arabic.
    expect(monthLabel('2023-08', 'ar')).toMatch(/^أغسطس (2023|٢٠٢٣)$/);
  });

  it('keeps January and December in their own year', () => {
    expect(monthLabel('2024-01', 'en')).toBe('January 2024');
    expect(monthLabel('2023-12', 'en')).toBe('December 2023');
  });
});
