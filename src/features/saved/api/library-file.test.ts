// IndexedDB for jsdom: an in-memory implementation of the standard (the browser's own is
// exercised end to end in e2e/saved.spec.ts).
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiPaths, ArticleSchema, type Article } from '../../../contract/article.ts';
import { ApiError, getJson } from '../../../lib/api-client.ts';
import { importLibraryFile, toLibraryFile } from './library-file.ts';
import { clearLibrary, listSaved, saveArticle, savedSlugs } from './library-store.ts';

const SLUGS = [
  '20230809-uk-turkiye-strike-deal-to-disrupt-and-dismantle-human-smuggling-gangs',
  '20230807-1st-batch-of-migrants-in-uk-moved-to-bibby-stockholm-barge-more-expected',
  '20230807-uk-increases-fines-for-bosses-landlords-supporting-illegal-migrants',
];
let articles: Article[];

beforeAll(async () => {
  articles = await Promise.all(SLUGS.map((slug) => getJson(apiPaths.article(slug), ArticleSchema)));
});
beforeEach(() => clearLibrary());

const at = (day: number) => `2024-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;
const fileOf = (items: Article[], day: number) =>
  toLibraryFile(items.map((article) => ({ article, savedAt: at(day) })));

describe('the saved-articles file', () => {
  it('imports what is missing, keeps newer saves and the site’s own, and changes nothing the second time', async () => {
    const [first, second, third] = articles as [Article, Article, Article];
    await saveArticle(first, at(20));
    await saveArticle(second, at(1), 'file');
    const file = fileOf([first, second, third], 10);

    expect(await importLibraryFile('saved.json', file)).toEqual({
      added: 1,
      updated: 1,
      unchanged: 1,
    });
    const saved = await listSaved();
    expect(saved.map((item) => [item.article.slug, item.savedAt, item.origin])).toEqual([
      [first.slug, at(20), 'site'],
      [second.slug, at(10), 'file'],
      [third.slug, at(10), 'file'],
    ]);
    expect(await importLibraryFile('saved.json', file)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 3,
    });
  });

  it('round-trips: what is exported imports into an empty library whole', async () => {
    for (const article of articles) await saveArticle(article);
    const file = toLibraryFile(await listSaved());
    await clearLibrary();
    await importLibraryFile('saved.json', file);
    expect((await listSaved()).map((item) => item.article)).toEqual(
      expect.arrayContaining(articles),
    );
  });

  it('refuses a damaged file whole, naming the file and the first thing wrong', async () => {
    const file = JSON.parse(fileOf(articles, 10)) as {
      articles: { article: Record<string, unknown> }[];
    };
    const last = file.articles[2];
    if (last === undefined) throw new Error('no third article');
    last.article.title = 42;
    const attempt = importLibraryFile('damaged.json', JSON.stringify(file));
    await expect(attempt).rejects.toBeInstanceOf(ApiError);
    await expect(attempt).rejects.toThrow(/articles\.2\.article\.title .*: damaged\.json$/);
    // The two good articles before it were not written either.
    expect(await listSaved()).toEqual([]);
  });

  it.each([
    ['not JSON', '{"format":', /Response is not JSON: notes\.json/],
    [
      'another kind of file',
      '{"format":"something-else"}',
      /format .*not a file of saved articles/,
    ],
    [
      'a newer version',
      '{"format":"news-reader/saved-articles","version":2,"exportedAt":"2026-11-26T10:00:00Z","articles":[]}',
      /version .*newer reader/,
    ],
  ])('refuses %s with a message that says so', async (_, text, message) => {
    await expect(importLibraryFile('notes.json', text)).rejects.toThrow(message);
  });
});

describe('the library on this device', () => {
  it('keeps every save when many happen at once', async () => {
    const many = Array.from({ length: 20 }, (_, index) => ({
      ...(articles[index % articles.length] as Article),
      slug: `saved-at-once-${index}`,
    }));
    await Promise.all(many.map((article) => saveArticle(article)));
    expect((await savedSlugs()).size).toBe(20);
  });

  it('leaves out a damaged record instead of failing the list', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const [good] = articles as [Article];
    await saveArticle(good);
    await saveArticle({ ...good, slug: 'damaged', title: undefined } as unknown as Article);
    expect((await listSaved()).map((item) => item.article.slug)).toEqual([good.slug]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"damaged"'));
    warn.mockRestore();
  });
});
