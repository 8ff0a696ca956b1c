import { describe, expect, it } from 'vitest';
import { keptUrlsOf, removedSlugs, withoutArticles } from './forget-removed.ts';

const query = (queryKey: unknown[]) => ({
  queryKey,
  queryHash: JSON.stringify(queryKey),
  state: {},
});

describe('forgetting articles the newsroom took down', () => {
  it('drops those articles from the kept query cache, and nothing else', () => {
    const client = {
      buster: '1',
      clientState: {
        mutations: [],
        queries: [
          query(['articles', 'detail', 'gone']),
          query(['articles', 'detail', 'kept']),
          query(['articles', 'list', { page: 1 }]),
          query(['saved', 'gone']),
        ],
      },
    };
    expect(withoutArticles(client, new Set(['gone']))?.clientState.queries).toEqual([
      query(['articles', 'detail', 'kept']),
      query(['articles', 'list', { page: 1 }]),
      query(['saved', 'gone']),
    ]);
  });

  it('leaves a cache that holds none of them as it is', () => {
    const client = { clientState: { queries: [query(['articles', 'detail', 'kept'])] } };
    expect(withoutArticles(client, new Set(['gone']))).toBeUndefined();
  });

  it('names the page and the data the worker may have kept, under its scope', () => {
    expect(keptUrlsOf('gone', new URL('https://news.example/reader/'))).toEqual({
      pages: ['https://news.example/reader/gone/'],
      data: ['https://news.example/reader/api/articles/gone.json'],
    });
  });

  it('reads slugs only from the list', () => {
    expect(removedSlugs({ slugs: ['a', 3, null, 'b'] })).toEqual(['a', 'b']);
    expect(removedSlugs(null)).toEqual([]);
    expect(removedSlugs({ slugs: 'a' })).toEqual([]);
  });
});
