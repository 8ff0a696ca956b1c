import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/contract/article.ts';
import { ranksFromGaps, termKey } from '../../src/contract/search-index.ts';
import { buildContent } from '../content/build-content.ts';
import { article, contentFixture } from '../content/test/fixture.ts';
import { buildSearchIndex, buildSearchIndexFromApi, INLINE_POSTINGS } from './search-index.ts';

async function articles(files: Record<string, string>): Promise<Article[]> {
  const root = await contentFixture(files);
  const { files: output } = await buildContent({
    contentDir: path.join(root, 'content'),
    rootDir: root,
  });
  return [...output]
    .filter(([name]) => name.startsWith('api/articles/'))
    .map(([, body]) => JSON.parse(String(body)) as Article);
}

const read = (files: Map<string, Uint8Array>, name: string): unknown => {
  const bytes = files.get(name);
  if (bytes === undefined) throw new Error(`no ${name} in the index`);
  return JSON.parse(new TextDecoder().decode(bytes));
};

describe('the search index', () => {
  it('files folded words under their first letters, with ranks newest first', async () => {
    const { files, count } = await buildSearchIndex(
      await articles({
        'old.md': article(
          'old',
          { published: '2023-07-01T10:00:00+01:00' },
          'Flights to İstanbul.',
        ),
        'new.md': article('new', { published: '2023-08-09T19:03:00+01:00' }, 'ISTANBUL again.'),
        'other.md': article('other', { published: '2023-08-01T10:00:00+01:00' }, 'Nothing here.'),
      }),
    );
    expect(count).toBe(3);
    const manifest = read(files, 'index.json');
    expect(manifest).toMatchObject({
      format: 2,
      articles: 3,
      months: [
        ['2023-08', 2],
        ['2023-07', 1],
      ],
      sections: ['news'],
    });
    expect((manifest as { keys: string[] }).keys).toContain(termKey('istanbul'));
    expect((manifest as { keys: string[] }).keys).not.toContain(termKey('zzyzx'));
    expect(read(files, 'docs/0.json')).toEqual(['new', 'other', 'old']);
    const terms = read(files, `terms/${termKey('istanbul')}.json`) as Record<string, number[]>;
    // "new" is rank 0, "old" rank 2: gaps 0, 2.
    expect(terms.istanbul).toEqual([0, 2]);
    expect(read(files, 'sections/news.json')).toEqual([0, 1, 1]);
  });

  it('keeps common words in postings files of their own', async () => {
    const many: Record<string, string> = {};
    for (let n = 1; n <= INLINE_POSTINGS + 1; n++) {
      many[`a${n}.md`] = article(`a${n}`, {}, `Common words, report ${n}.`);
    }
    const { files } = await buildSearchIndex(await articles(many));
    const terms = read(files, `terms/${termKey('common')}.json`) as Record<string, unknown>;
    expect(typeof terms.common).toBe('number');
    const list = read(files, `postings/co/${String(terms.common)}.json`) as number[];
    expect([...ranksFromGaps(list)]).toEqual([...Array(INLINE_POSTINGS + 1).keys()]);
  });

  it('builds the same index from a written API on several threads as on one', async () => {
    const many: Record<string, string> = {};
    for (let n = 1; n <= 9; n++) {
      const day = String(10 + ((n * 7) % 19));
      many[`a${n}.md`] = article(
        `a${n}`,
        { published: `2023-08-${day}T10:00:00+01:00` },
        `Report ${n} on ${n % 2 === 0 ? 'Gaza' : 'Khartoum'}, and ${'İstanbul '.repeat(n)}`,
      );
    }
    const apiDir = path.join(await mkdtemp(path.join(tmpdir(), 'reader-search-')), 'api');
    await mkdir(path.join(apiDir, 'articles'), { recursive: true });
    for (const item of await articles(many)) {
      await writeFile(path.join(apiDir, 'articles', `${item.slug}.json`), JSON.stringify(item));
    }
    const one = await buildSearchIndex(await articles(many));
    const three = await buildSearchIndexFromApi(apiDir, undefined, 3);
    expect(three.count).toBe(9);
    expect(new Map([...three.files].map(([name, bytes]) => [name, String(bytes)]))).toEqual(
      new Map([...one.files].map(([name, bytes]) => [name, String(bytes)])),
    );
  });

  it('names the file that is not an article', async () => {
    const apiDir = path.join(await mkdtemp(path.join(tmpdir(), 'reader-search-')), 'api');
    await mkdir(path.join(apiDir, 'articles'), { recursive: true });
    await writeFile(path.join(apiDir, 'articles', 'broken.json'), '{"slug": "broken"}');
    await expect(buildSearchIndexFromApi(apiDir, undefined, 1)).rejects.toThrow(
      /broken\.json is not an article/,
    );
  });

  it('spells keys of other scripts so any host serves them', () => {
    expect(termKey('istanbul')).toBe('is');
    expect(termKey('غزه')).toBe('_63a_632');
    expect(termKey('x')).toBe('x');
  });
});
