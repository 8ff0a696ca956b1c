import { describe, expect, it } from 'vitest';
import type { Article } from '../../contract/article.ts';
import { site } from '../../config/site.ts';
import { articleHead } from './head.ts';

const base: Article = {
  slug: 'a',
  title: 'A headline',
  standfirst: 'A standfirst.',
  section: { name: 'News', slug: 'news' },
  published: '2024-05-01T19:30:00+03:00',
  modified: '2024-05-01T19:30:00+03:00',
  tags: [],
  authors: [],
  isSample: false,
  body: [],
  related: [],
};

type Credit = { '@type': string; name: string; url?: string };

function jsonLd(article: Article): { author?: Credit[]; publisher?: Credit; isBasedOn?: string } {
  const match = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(articleHead(article));
  if (!match?.[1]) throw new Error('no JSON-LD');
  return JSON.parse(match[1]) as { author?: Credit[]; publisher?: Credit };
}

describe('the JSON-LD credits an article as its byline does', () => {
  it('credits the publication for its own article without named authors', () => {
    const data = jsonLd(base);
    expect(data.author?.map((a) => a.name)).toEqual([site.name]);
    expect(data.publisher?.name).toBe(site.name);
  });

  it('credits the source site, never the reader, for an imported article without authors', () => {
    const data = jsonLd({
      ...base,
      source: 'https://www.premiumtimesng.com/news/1.html',
      sourceName: 'Premium Times',
    });
    expect(data.author).toEqual([
      { '@type': 'Organization', name: 'Premium Times', url: 'https://www.premiumtimesng.com' },
    ]);
    expect(data.publisher?.name).toBe('Premium Times');
    expect(data.isBasedOn).toBe('https://www.premiumtimesng.com/news/1.html');
  });

  it('credits nobody for an imported article with neither authors nor source name', () => {
    const data = jsonLd({ ...base, source: 'https://example.org/1' });
    expect(data.author).toBeUndefined();
    expect(data.publisher).toBeUndefined();
    expect(JSON.stringify(data)).not.toContain(site.name);
  });

  it('names the authors, with the source site as publisher', () => {
    const data = jsonLd({
      ...base,
      source: 'https://example.org/1',
      sourceName: 'Example News',
      authors: [{ name: 'Ada Obi', slug: 'ada-obi' }],
    });
    expect(data.author?.map((a) => [a['@type'], a.name])).toEqual([['Person', 'Ada Obi']]);
    expect(data.publisher?.name).toBe('Example News');
  });
});
