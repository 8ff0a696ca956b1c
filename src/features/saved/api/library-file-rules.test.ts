// IndexedDB for jsdom: an in-memory implementation of the standard (the browser's own is
// exercised end to end in e2e/saved-forged.spec.ts).
import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiPaths, ArticleSchema, type Article } from '../../../contract/article.ts';
import { ApiError, getJson } from '../../../lib/api-client.ts';
import { importLibraryFile, importLibraryFileFrom, toLibraryFile } from './library-file.ts';
import { MAX_ARTICLES, MAX_FILE_BYTES } from './library-file-rules.ts';
import { clearLibrary, getSaved, listSaved, saveArticle } from './library-store.ts';

const SEED = '20230809-uk-turkiye-strike-deal-to-disrupt-and-dismantle-human-smuggling-gangs';
const SAVED_AT = '2024-11-10T10:00:00.000Z';
let seed: Article;

beforeAll(async () => {
  seed = await getJson(apiPaths.article(SEED), ArticleSchema);
});
beforeEach(() => clearLibrary());

/** A file of one saved article: the seed article as `craft` changes it. */
function craftedFile(craft: (item: { savedAt: string; article: Article }) => void): string {
  const item = { savedAt: SAVED_AT, article: structuredClone(seed) };
  craft(item);
  return toLibraryFile([item]);
}

const linkTo = (url: string) => (item: { article: Article }) => {
  item.article.body.unshift({
    type: 'paragraph',
    content: [
      {
        type: 'link',
        target: { kind: 'external', url },
        children: [{ type: 'text', text: 'Read the full report' }],
      },
    ],
  });
};

const photo = (src: string) => (item: { article: Article }) => {
  if (item.article.image === undefined) throw new Error('the seed article has no hero');
  item.article.image.src = src;
};

const LINK =
  /articles\.0\.article\.body\.0\.content\.0\.target\.url .*must be an http\(s\) or mailto URL/;
const HERO =
  /articles\.0\.article\.image\.src \(.* is not a photo of this site \(under \/images\/\)\)/;

describe('hostile file: a crafted file of saved articles', () => {
  it.each([
    ['a javascript: link', linkTo('javascript:alert(document.domain)'), LINK],
    ['a JavaScript: link in capitals', linkTo('JavaScript:alert(1)'), LINK],
    ['a vbscript: link', linkTo('vbscript:msgbox(1)'), LINK],
    ['a data: link', linkTo('data:text/html,<script>alert(1)</script>'), LINK],
    ['a data: photo', photo('data:image/svg+xml,<svg onload="alert(1)"/>'), HERO],
    ['a photo from another origin', photo('https://tracker.example/pixel.jpg'), HERO],
    ['a protocol-relative photo', photo('//tracker.example/pixel.jpg'), HERO],
    ['a photo that climbs out of the images folder', photo('/images/../api/sections.json'), HERO],
    ['a photo path with encoded dots', photo('/images/%2e%2e/manifest.webmanifest'), HERO],
    [
      'a photo in the body from another origin',
      (item: { article: Article }) => {
        item.article.body.push({
          type: 'image',
          image: { src: 'https://tracker.example/a.jpg', alt: '', width: 10, height: 10 },
        });
      },
      /articles\.0\.article\.body\.\d+\.image\.src \(.*not a photo of this site/,
    ],
    [
      'a javascript: source',
      (item: { article: Article }) => {
        item.article.source = 'javascript:alert(1)';
      },
      /articles\.0\.article\.source \("javascript:alert\(1\)" is not an http\(s\) URL\)/,
    ],
    [
      'a save dated in the year 9999, so it is never replaced',
      (item: { savedAt: string }) => {
        item.savedAt = '9999-12-31T23:59:59.000Z';
      },
      /articles\.0\.savedAt \(9999-12-31T23:59:59\.000Z is in the future\)/,
    ],
    [
      'an article published in the future',
      (item: { article: Article }) => {
        item.article.published = '2999-01-01T00:00:00+00:00';
      },
      /articles\.0\.article\.published \(2999-01-01T00:00:00\+00:00 is in the future\)/,
    ],
    [
      'a title of 10,000 characters',
      (item: { article: Article }) => {
        item.article.title = 'FORGED '.repeat(1_430);
      },
      /articles\.0\.article\.title \(is 10010 characters long, over 500\)/,
    ],
    [
      'a title holding NUL and carriage return',
      (item: { article: Article }) => {
        item.article.title = 'FORGED\u0000\rBreaking news';
      },
      /articles\.0\.article\.title \(holds a control character\)/,
    ],
    [
      'an article larger than the site would ever send',
      (item: { article: Article }) => {
        item.article.body.push({
          type: 'paragraph',
          content: [{ type: 'text', text: 'x'.repeat(5 * 1024 * 1024) }],
        });
      },
      /articles\.0\.article \(is 5\.\d MB, over 4\.0 MB\)/,
    ],
  ])('refuses %s, naming it, and writes nothing', async (_, craft, message) => {
    const attempt = importLibraryFile('forged.json', craftedFile(craft));
    await expect(attempt).rejects.toBeInstanceOf(ApiError);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toThrow(/: forged\.json$/);
    expect(await listSaved()).toEqual([]);
  });

  it('refuses an export dated in the future', async () => {
    const file = JSON.parse(craftedFile(() => undefined)) as { exportedAt: string };
    file.exportedAt = '9999-01-01T00:00:00.000Z';
    await expect(importLibraryFile('forged.json', JSON.stringify(file))).rejects.toThrow(
      /^Unexpected data at exportedAt \(9999-01-01T00:00:00\.000Z is in the future\): forged\.json$/,
    );
  });

  it('refuses more articles than a library holds, writing none of them', async () => {
    const small: Article = { ...seed, body: [], related: [], tags: [] };
    const many = Array.from({ length: MAX_ARTICLES + 1 }, (_, index) => ({
      savedAt: SAVED_AT,
      article: { ...small, slug: `saved-${index}` },
    }));
    await expect(importLibraryFile('many.json', toLibraryFile(many))).rejects.toThrow(
      /^Unexpected data at articles \(must hold at most 5,000 articles\): many\.json$/,
    );
    expect(await listSaved()).toEqual([]);
  });

  it('refuses a file over 20 MB by its size, before reading a byte of it', async () => {
    const file = new File([new Uint8Array(MAX_FILE_BYTES + 1024 * 1024)], 'huge.json');
    const read = vi.spyOn(file, 'text');
    await expect(importLibraryFileFrom(file)).rejects.toThrow(
      'The file is 21.0 MB, larger than the 20.0 MB a file of saved articles may be: huge.json',
    );
    expect(read).not.toHaveBeenCalled();
    expect(await listSaved()).toEqual([]);
  });

  it('never replaces the copy the reader saved from this site, however new the file’s', async () => {
    await saveArticle(seed, SAVED_AT);
    const forged = craftedFile((item) => {
      item.savedAt = new Date().toISOString();
      item.article.title = 'FORGED: the deal is off';
    });
    expect(await importLibraryFile('forged.json', forged)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await getSaved(SEED)).toMatchObject({ origin: 'site', article: { title: seed.title } });
  });

  it('keeps whatever a file says of its origin out: what it brings is kept as imported', async () => {
    const file = JSON.parse(craftedFile(() => undefined)) as { articles: object[] };
    file.articles = file.articles.map((item) => ({ ...item, origin: 'site' }));
    await importLibraryFile('forged.json', JSON.stringify(file));
    expect(await getSaved(SEED)).toMatchObject({ origin: 'file' });
  });
});

describe('the file rules', () => {
  it('accept the site’s own articles as exported, with a clock a few hours fast', async () => {
    const file = toLibraryFile([
      { savedAt: new Date(Date.now() + 3_600_000).toISOString(), article: seed },
    ]);
    expect(await importLibraryFile('saved.json', file)).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
    });
  });

  it('let a later file replace an imported copy dated in the future before dates were checked', async () => {
    await saveArticle(seed, '9999-12-31T23:59:59.000Z', 'file');
    expect(
      await importLibraryFile(
        'saved.json',
        craftedFile(() => undefined),
      ),
    ).toMatchObject({
      updated: 1,
    });
    expect(await getSaved(SEED)).toMatchObject({ savedAt: SAVED_AT, origin: 'file' });
  });
});
