import { describe, expect, it } from 'vitest';
import { foldText, searchTerms } from './fold-text.ts';

const same = (...variants: string[]) => new Set(variants.map(foldText)).size === 1;

describe('foldText: text as readers of the region type it', () => {
  it('ignores case and diacritics', () => {
    expect(foldText('Türkiye')).toBe('turkiye');
    expect(same('Café', 'cafe', 'CAFÉ')).toBe(true);
    expect(same('Şanlıurfa', 'sanliurfa', 'SANLIURFA')).toBe(true);
  });

  it('folds Turkish dotted and dotless i into one letter', () => {
    expect(same('İstanbul', 'istanbul', 'ISTANBUL', 'Istanbul')).toBe(true);
    expect(foldText('İstanbul')).toBe('istanbul');
    expect(same('ışık', 'isik', 'IŞIK', 'Işık')).toBe(true);
    expect(same('Diyarbakır', 'diyarbakir', 'DİYARBAKIR')).toBe(true);
  });

  it('normalises Arabic alef variants, ta marbuta and alef maqsura', () => {
    expect(same('إسرائيل', 'اسرائيل', 'أسرائيل')).toBe(true);
    expect(same('آمنة', 'امنه')).toBe(true);
    expect(same('مدرسة', 'مدرسه')).toBe(true);
    expect(same('مستشفى', 'مستشفي')).toBe(true);
  });

  it('drops tatweel and harakat', () => {
    expect(same('غـــزة', 'غزة', 'غزه')).toBe(true);
    expect(same('مُحَمَّد', 'محمد')).toBe(true);
    expect(same('القُدْس', 'القدس')).toBe(true);
  });

  it('keeps distinct words distinct', () => {
    expect(same('Gaza', 'Gazi')).toBe(false);
    expect(same('غزة', 'عزة')).toBe(false);
  });

  it('splits text into the words search files and looks for', () => {
    expect(searchTerms('A UK–Türkiye deal, (İstanbul) 2023')).toEqual([
      'uk',
      'turkiye',
      'deal',
      'istanbul',
      '2023',
    ]);
    expect(searchTerms('وزير الخارجيّة')).toEqual(['وزير', 'الخارجيه']);
    expect(searchTerms(`see ${'x'.repeat(41)} here`)).toEqual(['see', 'here']);
  });
});
