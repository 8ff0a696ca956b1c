import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/contract/article.ts';
import { searchQueries, type SearchParams } from '../../src/features/search/api/search-queries.ts';
import { buildContent } from '../content/build-content.ts';
import { article, contentFixture } from '../content/test/fixture.ts';
import { startStaticServer, type StaticServer } from '../serve-static.ts';
import { articleChanges, updateSearchIndex } from './update-search-index.ts';

/** Articles as the content build writes them. */
async function built(files: Record<string, string>): Promise<Map<string, Article>> {
  const root = await contentFixture(files);
  const { files: output } = await buildContent({
    contentDir: path.join(root, 'content'),
    rootDir: root,
  });
  const articles = [...output]
    .filter(([name]) => name.startsWith('api/articles/'))
    .map(([, body]) => JSON.parse(String(body)) as Article);
  return new Map(articles.map((item) => [item.slug, item]));
}

const at = (day: string) => ({ published: `${day}T10:00:00+01:00` });
const zetas = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, n) => `zeta${String(from + n).padStart(2, '0')}`).join(
    ' ',
  );

/** The archive the main index is built from. */
const MAIN: Record<string, string> = {
  'istanbul.md': article('istanbul', at('2023-07-01'), 'Flights to İstanbul resume. Işık.'),
  'gaza.md': article(
    'gaza',
    { ...at('2023-07-15'), section: 'Middle East' },
    'وقف إطلاق النار في غزة. Ceasefire talks.',
  ),
  'harvest.md': article(
    'harvest',
    { ...at('2023-08-01'), section: 'Opinion' },
    'Harvest prices rise in Khartoum.',
  ),
  'tie-a.md': article('tie-a', at('2023-08-05'), 'Ceasefire report one.'),
  'tie-c.md': article('tie-c', at('2023-08-05'), 'Ceasefire report three.'),
  'rabat.md': article(
    'rabat',
    { ...at('2023-06-20'), section: '[Africa, Morocco]' },
    'Ceasefire talks in Rabat.',
  ),
  // The first ten of seventy terms that begin "zeta": removed later, so that "zeta" must
  // reach past them to find zeta68.
  'many-a.md': article('many-a', at('2023-07-20'), zetas(0, 9)),
  'many-b.md': article('many-b', at('2023-07-21'), zetas(10, 63)),
};
// A word in more articles than a term file keeps inline: it has a postings file.
for (let n = 1; n <= 34; n++) {
  MAIN[`filler-${n}.md`] = article(
    `filler-${n}`,
    at(`2023-0${7 + (n % 3)}-${String(10 + (n % 17)).padStart(2, '0')}`),
    `Report ${n} from the UK, ${n % 2 === 0 ? 'İSTANBUL' : 'غزه'}.`,
  );
}

/** Published after the main index was built. */
const NEW: Record<string, string> = {
  'breaking.md': article('breaking', at('2023-09-01'), 'İstanbul ceasefire report.'),
  // Dated in the main index's months: it ranks among its articles, not above them.
  'late-filed.md': article(
    'late-filed',
    { ...at('2023-07-10'), section: 'Opinion' },
    'Harvest report from غزة.',
  ),
  // The same moment as tie-a and tie-c: ranked between them, by slug.
  'tie-b.md': article('tie-b', at('2023-08-05'), 'Ceasefire report two, Khartoum.'),
  'many-c.md': article('many-c', at('2023-07-22'), 'zeta68'),
  'october.md': article('october', at('2023-10-02'), 'Khartoum prices, ışık.'),
};

const QUERIES = [
  'istanbul',
  'İSTANBUL',
  'ışık',
  'غزة',
  'غزه',
  'اطلاق',
  'harvest prices',
  'harv',
  'report',
  'uk',
  'ceasefire report',
  'zeta',
  'zeta6',
  'khartoum',
  'flights',
  'ankara',
  'headline',
  'zzyzx',
  'report zzyzx',
];
const FILTERS: Omit<SearchParams, 'q'>[] = [
  { section: '', from: '', to: '' },
  { section: 'news', from: '', to: '' },
  { section: 'opinion', from: '', to: '' },
  { section: 'africa', from: '', to: '' },
  { section: '', from: '2023-08', to: '' },
  { section: '', from: '', to: '2023-07' },
  { section: 'news', from: '2023-07', to: '2023-08' },
  { section: '', from: '2023-06', to: '2023-06' },
];

/** A built site: its articles, its search index, and a server for the browser's half. */
class Site {
  readonly articles = new Map<string, Article>();
  server!: StaticServer;
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  async start() {
    await mkdir(path.join(this.dir, 'api', 'articles'), { recursive: true });
    this.server = await startStaticServer({ root: this.dir, port: 0 });
  }

  async put(item: Article) {
    this.articles.set(item.slug, item);
    await writeFile(this.file(item.slug), JSON.stringify(item));
  }

  async remove(slug: string) {
    this.articles.delete(slug);
    await rm(this.file(slug));
  }

  file(slug: string) {
    return path.join(this.dir, 'api', 'articles', `${slug}.json`);
  }

  /** Every query, asked as the search page asks it, on a page opened afresh. */
  async answers() {
    vi.stubEnv('VITE_API_BASE_URL', `${this.server.url}api/`);
    const queryClient = new QueryClient();
    const answers: unknown[] = [await queryClient.query(searchQueries.months(queryClient))];
    for (const q of QUERIES) {
      for (const filters of FILTERS) {
        const params = { q, ...filters };
        answers.push([
          params,
          await queryClient.query(searchQueries.results(queryClient, params, 100)),
        ]);
      }
    }
    return answers;
  }

  /** The index's files, by path. */
  async indexFiles(): Promise<Map<string, string>> {
    const dir = path.join(this.dir, 'api', 'search');
    const files = new Map<string, string>();
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, file), await readFile(file, 'utf8'));
    }
    return files;
  }
}

let incremental: Site;
let fresh: Site;
let versions: Map<string, Article>;

beforeAll(async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'reader-search-segment-'));
  incremental = new Site(path.join(root, 'incremental'));
  fresh = new Site(path.join(root, 'fresh'));
  await Promise.all([incremental.start(), fresh.start()]);
  versions = await built({ ...MAIN, ...NEW });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all([incremental.server.close(), fresh.server.close()]);
});

const version = (slug: string) => {
  const item = versions.get(slug);
  if (item === undefined) throw new Error(`no article ${slug}`);
  return item;
};

/** The same articles in the fresh site, indexed whole. */
async function rebuildFresh() {
  for (const slug of fresh.articles.keys()) {
    if (!incremental.articles.has(slug)) await fresh.remove(slug);
  }
  for (const item of incremental.articles.values()) await fresh.put(item);
  await updateSearchIndex({ distDir: fresh.dir });
}

async function expectSameAnswers() {
  await rebuildFresh();
  expect(await incremental.answers()).toEqual(await fresh.answers());
}

describe('the search index, one article at a time', () => {
  let main: Map<string, string>;

  it('builds the main index whole, with an empty segment, when told of no changes', async () => {
    for (const file of Object.keys(MAIN)) await incremental.put(version(file.slice(0, -3)));
    const update = await updateSearchIndex({ distDir: incremental.dir });
    expect(update).toMatchObject({ mode: 'full', articles: 42, segmentArticles: 0 });
    expect(update.written).toContain('api/search/index.json');
    expect(update.written).toContain('api/search/recent.json');
    main = await incremental.indexFiles();
    main.delete('recent.json');
    await expectSameAnswers();
  });

  it('takes new articles into the segment alone, answering as a fresh build', async () => {
    const slugs = Object.keys(NEW).map((file) => file.slice(0, -3));
    for (const slug of slugs) await incremental.put(version(slug));
    // One at a time, as a newsroom publishes.
    for (const slug of slugs) {
      const update = await updateSearchIndex({ distDir: incremental.dir, written: [slug] });
      expect(update).toMatchObject({ mode: 'segment', written: ['api/search/recent.json'] });
      expect(update.deleted).toEqual([]);
    }
    const files = await incremental.indexFiles();
    files.delete('recent.json');
    expect(files).toEqual(main);
    await expectSameAnswers();
  });

  it('takes edits in, of the main index and of the segment, a new time included', async () => {
    const edits: Article[] = [
      { ...version('istanbul'), title: 'Flights to Ankara resume' },
      { ...version('harvest'), published: '2023-09-15T08:00:00+01:00' },
      { ...version('breaking'), title: 'Ceasefire holds in Khartoum' },
    ];
    for (const item of edits) await incremental.put(item);
    const update = await updateSearchIndex({
      distDir: incremental.dir,
      written: edits.map((item) => item.slug),
    });
    expect(update.written).toEqual(['api/search/recent.json']);
    const files = await incremental.indexFiles();
    files.delete('recent.json');
    expect(files).toEqual(main);
    await expectSameAnswers();
  });

  it('leaves a removed article out of every answer, whichever part held it', async () => {
    for (const slug of ['many-a', 'rabat', 'late-filed', 'istanbul']) {
      await incremental.remove(slug);
    }
    const update = await updateSearchIndex({
      distDir: incremental.dir,
      written: [],
      deleted: ['many-a', 'rabat', 'late-filed', 'istanbul'],
    });
    expect(update).toMatchObject({ mode: 'segment', written: ['api/search/recent.json'] });
    await expectSameAnswers();
    const answers = JSON.stringify(await incremental.answers());
    for (const slug of ['many-a', 'rabat', 'late-filed', 'istanbul']) {
      expect(answers).not.toContain(`"slug":"${slug}"`);
    }
    // zeta68 lies past the 64 shortest terms that begin "zeta" once the removed ones are gone.
    expect(answers).toContain('"slug":"many-c"');
  });

  it('folds the segment into a main index byte for byte as a fresh build', async () => {
    const update = await updateSearchIndex({ distDir: incremental.dir, fold: true });
    expect(update).toMatchObject({ mode: 'full', segmentArticles: 0 });
    expect(update.written).toContain('api/search/recent.json');
    await rebuildFresh();
    expect(await incremental.indexFiles()).toEqual(await fresh.indexFiles());
    expect(await incremental.answers()).toEqual(await fresh.answers());
  });

  it('folds by itself when the segment passes its limits', async () => {
    await incremental.put(version('late-filed'));
    await incremental.put(version('rabat'));
    const limits = { articles: 1, bytes: 1024 * 1024 };
    expect(
      await updateSearchIndex({ distDir: incremental.dir, written: ['late-filed'], limits }),
    ).toMatchObject({ mode: 'segment', segmentArticles: 1 });
    expect(
      await updateSearchIndex({ distDir: incremental.dir, written: ['rabat'], limits }),
    ).toMatchObject({ mode: 'full', segmentArticles: 0, reason: /passed its limits/ });
    await expectSameAnswers();
  });
});

describe('a broken segment', () => {
  const segmentFile = () => path.join(incremental.dir, 'api', 'search', 'recent.json');

  it('stops a search with an error that names its file', async () => {
    await incremental.put(version('istanbul'));
    await updateSearchIndex({ distDir: incremental.dir, written: ['istanbul'] });
    const good = await readFile(segmentFile(), 'utf8');
    const search = () => incremental.answers();
    await writeFile(segmentFile(), '{"format": 2, "main": "x"');
    await expect(search()).rejects.toThrow(/search\/recent\.json/);
    await writeFile(segmentFile(), JSON.stringify({ ...JSON.parse(good), main: 'another' }));
    await expect(search()).rejects.toThrow(/recent\.json was made for another index/);
    await writeFile(segmentFile(), JSON.stringify({ ...JSON.parse(good), gone: [100000] }));
    await expect(search()).rejects.toThrow(/recent\.json removes rank 100000/);
    await rm(segmentFile());
    await expect(search()).rejects.toThrow(/search\/recent\.json/);
  });

  it('makes the next update build the index whole, saying why', async () => {
    await writeFile(segmentFile(), 'not json');
    await incremental.put({ ...version('october'), title: 'October in Khartoum' });
    const update = await updateSearchIndex({ distDir: incremental.dir, written: ['october'] });
    expect(update).toMatchObject({ mode: 'full', reason: /api\/search\/recent\.json is not JSON/ });
    await expectSameAnswers();
  });

  it('names the article file an update cannot read', async () => {
    await expect(
      updateSearchIndex({ distDir: incremental.dir, written: ['never-written'] }),
    ).rejects.toThrow(/never-written\.json/);
  });
});

describe('the change list', () => {
  it('names the articles written and deleted', () => {
    expect(
      articleChanges(
        [
          'W api/articles/breaking.json',
          'D api/articles/gone.json',
          'W api/latest/1.json',
          'W articles/breaking/index.html',
          '',
        ].join('\n'),
      ),
    ).toEqual({ written: ['breaking'], deleted: ['gone'] });
  });
});
