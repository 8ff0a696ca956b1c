import { describe, expect, it } from 'vitest';
import type { Article } from '../../../contract/article.ts';
import { readingMinutes } from './reading-time.ts';

const article = (words: number, lang?: string): Article => ({
  slug: 'a',
  ...(lang ? { lang } : {}),
  title: 'A',
  standfirst: '',
  section: { name: 'News', slug: 'news' },
  published: '2023-08-09T19:03:00+01:00',
  modified: '2023-08-09T19:03:00+01:00',
  tags: [],
  authors: [],
  isSample: true,
  body: [{ type: 'paragraph', content: [{ type: 'text', text: 'word '.repeat(words) }] }],
  related: [],
});

describe('readingMinutes', () => {
  it('counts words at the language’s reading speed', () => {
    expect(readingMinutes(article(228 * 4))).toBe(4);
    expect(readingMinutes(article(138 * 4, 'ar'))).toBe(4);
    expect(readingMinutes(article(166 * 4, 'tr-TR'))).toBe(4);
  });

  it('is never less than a minute', () => {
    expect(readingMinutes(article(10))).toBe(1);
  });
});
