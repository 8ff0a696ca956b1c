import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { searchQueries, type SearchParams } from './search-queries.ts';

const SEED_TITLE = 'UK, Turkiye strike deal to ‘disrupt and dismantle’ human smuggling gangs';

/** A search against the real index the test server builds from the bundled content. */
async function search(query: Partial<SearchParams> & { q: string }, shown = 10) {
  const params = { section: '', from: '', to: '', ...query };
  const queryClient = new QueryClient();
  return queryClient.query(searchQueries.results(queryClient, params, shown));
}

describe('search over the bundled content', () => {
  it('finds the articles that hold a word, newest first, the word marked in the snippet', async () => {
    const { total, results } = await search({ q: 'Bibby' });
    expect(total).toBeGreaterThanOrEqual(2);
    expect(results.map((result) => result.title)).toContain(SEED_TITLE);
    const dates = results.map((result) => result.published);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const result of results) {
      expect(result.snippet.filter((part) => part.isMatch).map((part) => part.text)).toContain(
        'Bibby',
      );
    }
  });

  it('matches whatever the case, diacritics or Turkish i', async () => {
    const plain = await search({ q: 'turkiye' });
    expect(plain.results.map((result) => result.title)).toContain(SEED_TITLE);
    for (const spelling of ['TÜRKİYE', 'Türkiye', 'TURKIYE']) {
      expect((await search({ q: spelling })).total).toBe(plain.total);
    }
  });

  it('matches word beginnings from three letters, and every word of the query', async () => {
    const word = await search({ q: 'smuggling' });
    expect((await search({ q: 'smugg' })).total).toBeGreaterThanOrEqual(word.total);
    const both = await search({ q: 'smuggling Bibby' });
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThanOrEqual(
      Math.min(word.total, (await search({ q: 'Bibby' })).total),
    );
    expect((await search({ q: 'smuggling zzyzx' })).total).toBe(0);
  });

  it('filters by top-level section and by months', async () => {
    const all = await search({ q: 'migrants' }, 100);
    const news = await search({ q: 'migrants', section: 'news' }, 100);
    expect(news.total).toBeGreaterThan(0);
    expect(news.total).toBeLessThan(all.total);
    expect(news.results.every((result) => result.section === 'News')).toBe(true);
    const july = await search({ q: 'migrants', from: '2023-07', to: '2023-07' }, 100);
    expect(july.results.every((result) => result.published.startsWith('2023-07'))).toBe(true);
    const august = await search({ q: 'migrants', from: '2023-08' }, 100);
    expect(july.total + august.total).toBe(all.total);
  });

  it('shows as many results as asked for, and counts them all', async () => {
    const few = await search({ q: 'the' }, 3);
    expect(few.results).toHaveLength(3);
    expect(few.total).toBeGreaterThan(3);
  });

  it('finds nothing for an unknown word, or a query of no words', async () => {
    expect(await search({ q: 'zzyzx' })).toEqual({ total: 0, results: [] });
    expect(await search({ q: '—' })).toEqual({ total: 0, results: [] });
  });
});
