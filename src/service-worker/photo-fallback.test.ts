import { describe, expect, it } from 'vitest';
import { otherSizeOf } from './photo-fallback.ts';

const kept = [
  'https://news.example/images/harbour-400.webp',
  'https://news.example/images/harbour-800.avif',
  'https://news.example/images/harbour-1600.avif',
  'https://news.example/images/harbour-wall-1600.avif',
  'https://news.example/images/ferry-800.avif',
];

describe('another kept size of a photo', () => {
  it('prefers the same format, widest first', () => {
    expect(otherSizeOf('https://news.example/images/harbour-1200.avif', kept)).toBe(
      'https://news.example/images/harbour-1600.avif',
    );
  });

  it('takes another format when that is all there is', () => {
    expect(otherSizeOf('https://news.example/images/ferry-400.webp', kept)).toBe(
      'https://news.example/images/ferry-800.avif',
    );
  });

  it('never takes a photo whose name only begins the same', () => {
    expect(otherSizeOf('https://news.example/images/harbour-wall-800.webp', kept)).toBe(
      'https://news.example/images/harbour-wall-1600.avif',
    );
    expect(otherSizeOf('https://news.example/images/castle-800.avif', kept)).toBeUndefined();
  });

  it('answers nothing for a URL that is not a sized photo', () => {
    expect(otherSizeOf('https://news.example/images/harbour.jpg', kept)).toBeUndefined();
  });
});
