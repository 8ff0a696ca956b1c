import { describe, expect, it } from 'vitest';
import { slugify } from './article-record.ts';

describe('slugify', () => {
  it('folds every Latin letter the same way, marked or a letter of its own', () => {
    // ü and ğ decompose (a base letter and a mark); ı does not: both fold, or a tag's URL
    // would be half folded ("gıda-guvenligi").
    expect(slugify('Gıda güvenliği')).toBe('gida-guvenligi');
    expect(slugify('Tahıl')).toBe('tahil');
    expect(slugify('İstanbul')).toBe('istanbul');
    expect(slugify('IŞIK')).toBe('isik');
  });

  it('folds the Latin letters Unicode cannot decompose to the ones readers type', () => {
    expect(slugify('Søren Kierkegaard')).toBe('soren-kierkegaard');
    expect(slugify('Łódź')).toBe('lodz');
    expect(slugify('Straße')).toBe('strasse');
    expect(slugify('STRAẞE')).toBe('strasse');
    expect(slugify('Đakovo')).toBe('dakovo');
    expect(slugify('Þórður Guðmundsson')).toBe('thordur-gudmundsson');
    expect(slugify('Ħamrun')).toBe('hamrun');
    expect(slugify('Æbelø')).toBe('aebelo');
    expect(slugify('Œuvre')).toBe('oeuvre');
  });

  it('keeps the letters of other scripts, as permalinks do', () => {
    expect(slugify('الطاقة الشمسية')).toBe('الطاقة-الشمسية');
    expect(slugify('Αθήνα')).toBe('αθηνα');
    expect(slugify('Москва')).toBe('москва');
  });

  it('joins words with one hyphen and trims the ends', () => {
    expect(slugify('Europe & Russia')).toBe('europe-russia');
    expect(slugify('  — UK —  ')).toBe('uk');
    expect(slugify('&&&')).toBe('');
  });
});
