import path from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  ArchiveFrontSchema,
  ArchivePageSchema,
  SectionMenuSchema,
} from '../../src/contract/article.ts';
import { buildContent } from './build-content.ts';
import { article, contentFixture } from './test/fixture.ts';

const day = (n: number) => `2023-08-${String(n).padStart(2, '0')}T10:00:00+01:00`;

async function build(files: Record<string, string>, pageSize = 2) {
  const root = await contentFixture(files);
  const { files: output } = await buildContent({
    contentDir: path.join(root, 'content'),
    rootDir: root,
    pageSize,
  });
  const read = (name: string) => {
    const text = output.get(`api/${name}`);
    if (typeof text !== 'string') throw new Error(`no api/${name} in the output`);
    return JSON.parse(text) as unknown;
  };
  const page = (name: string) => v.parse(ArchivePageSchema, read(name));
  const front = (name: string) => v.parse(ArchiveFrontSchema, read(name));
  return { output, page, front };
}

const corpus = {
  'sudan-1.md': article('sudan-1', { section: '[Africa, Sudan]', tags: '[Aid, UK]', published: day(1) }),
  'sudan-2.md': article('sudan-2', { section: '[Africa, Sudan]', tags: '[Aid]', published: day(3) }),
  'chad.md': article('chad', { section: '[Africa, Chad]', tags: '[Aid]', published: day(2) }),
  'africa.md': article('africa', { section: 'Africa', tags: '[UK]', published: day(4) }),
  'news.md': article('news', {
    section: 'News',
    tags: '[UK, UK]',
    authors: '[Leila Amberfield, Samir Valcourt]',
    published: day(5),
  }),
};

describe('archives: section fronts, tag and author pages', () => {
  it('lists a region with its countries, newest first, paged from the oldest', async () => {
    const { page, front } = await build(corpus);
    const africa = front('sections/africa/front.json');
    // Four articles, two a page: pages 1 and 2 are full, page 3 is open and empty.
    expect(africa).toMatchObject({ total: 4, pageSize: 2, openPage: 3, olderPage: 1 });
    expect(africa.articles.map((a) => a.slug)).toEqual(['africa', 'sudan-2']);
    expect(africa.archive).toEqual({
      kind: 'section',
      name: 'Africa',
      path: 'africa',
      parents: [],
      children: [
        { name: 'Sudan', path: 'africa/sudan' },
        { name: 'Chad', path: 'africa/chad' },
      ],
    });
    const oldest = page('sections/africa/1.json');
    expect(oldest).toMatchObject({ page: 1, pageSize: 2 });
    expect(oldest.articles.map((a) => a.slug)).toEqual(['chad', 'sudan-1']);
    // What changes with a new sub-section or a new article is on the front only.
    expect(oldest.archive).toEqual({ kind: 'section', name: 'Africa', path: 'africa', parents: [] });
    expect(Object.keys(oldest)).not.toContain('total');
    expect(page('sections/africa/2.json').articles.map((a) => a.slug)).toEqual(['africa', 'sudan-2']);
    expect(page('sections/africa/3.json').articles).toEqual([]);
  });

  it("gives a country's pages their breadcrumb", async () => {
    const { page, front } = await build(corpus);
    const sudan = page('sections/africa/sudan/1.json');
    expect(sudan.articles.map((a) => a.slug)).toEqual(['sudan-2', 'sudan-1']);
    expect(sudan.archive.parents).toEqual([{ name: 'Africa', path: 'africa' }]);
    expect(front('sections/africa/sudan/front.json').archive).toMatchObject({
      parents: [{ name: 'Africa', path: 'africa' }],
      children: [],
    });
  });

  it('lists tags and authors, each article once', async () => {
    const { page, front } = await build(corpus);
    // UK: sudan-1, africa, news from the oldest; page 1 full, page 2 open with the newest.
    expect(page('tags/uk/1.json').articles.map((a) => a.slug)).toEqual(['africa', 'sudan-1']);
    expect(page('tags/uk/2.json').articles.map((a) => a.slug)).toEqual(['news']);
    const uk = front('tags/uk/front.json');
    expect(uk).toMatchObject({ total: 3, openPage: 2, olderPage: 0 });
    expect(uk.articles.map((a) => a.slug)).toEqual(['news', 'africa', 'sudan-1']);
    const author = page('authors/leila-amberfield/1.json');
    expect(author.archive).toMatchObject({ kind: 'author', name: 'Leila Amberfield' });
    expect(author.articles.map((a) => a.slug)).toEqual(['news']);
  });

  it("names a full page as its own newest article names it, the front as the newest does", async () => {
    const { page, front } = await build({
      'a.md': article('a', { tags: '["Aid"]', published: day(1) }),
      'b.md': article('b', { tags: '["Aid"]', published: day(2) }),
      'c.md': article('c', { tags: '["AID"]', published: day(3) }),
    });
    expect(page('tags/aid/1.json').archive.name).toBe('Aid');
    expect(page('tags/aid/2.json').archive.name).toBe('AID');
    expect(front('tags/aid/front.json').archive.name).toBe('AID');
  });

  it('makes the menu of top-level sections in the order the newsroom first published in them', async () => {
    const menuOf = async (files: Record<string, string>) => {
      const { output } = await build(files);
      return v.parse(SectionMenuSchema, JSON.parse(String(output.get('api/sections.json'))));
    };
    const menu = await menuOf(corpus);
    expect(menu.map((section) => section.path)).toEqual(['africa', 'news']);
    expect(menu[0]?.children.map((child) => child.path)).toEqual(['africa/sudan', 'africa/chad']);
    // News outgrows Africa and Chad outgrows Sudan: the menu, on every page, stays as it was.
    const grown: Record<string, string> = { ...corpus };
    for (const day_ of [6, 7, 8, 9]) {
      grown[`news-${day_}.md`] = article(`news-${day_}`, { section: 'News', published: day(day_) });
      grown[`chad-${day_}.md`] = article(`chad-${day_}`, {
        section: '[Africa, Chad]',
        published: day(day_),
      });
    }
    const after = await menuOf(grown);
    expect(after.map((section) => section.path)).toEqual(['africa', 'news']);
    expect(after[0]?.children.map((child) => child.path)).toEqual(['africa/sudan', 'africa/chad']);
  });

  it('writes no page past the open one', async () => {
    const { output } = await build(corpus);
    // Sudan's two articles fill page 1; page 2 is open (empty), page 3 does not exist.
    expect(output.has('api/sections/africa/sudan/2.json')).toBe(true);
    expect(output.has('api/sections/africa/sudan/3.json')).toBe(false);
    // Aid's three: page 1 full, page 2 open with one.
    expect(output.has('api/tags/aid/2.json')).toBe(true);
    expect(output.has('api/tags/aid/3.json')).toBe(false);
  });
});
