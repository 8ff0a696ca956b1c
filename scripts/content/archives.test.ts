import path from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ArchivePageSchema, SectionMenuSchema } from '../../src/contract/article.ts';
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
  const page = (name: string) => {
    const text = output.get(`api/${name}`);
    if (typeof text !== 'string') throw new Error(`no api/${name} in the output`);
    return v.parse(ArchivePageSchema, JSON.parse(text));
  };
  return { output, page };
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
  it('lists a region with its countries, newest first, paged', async () => {
    const { page } = await build(corpus);
    const first = page('sections/africa/1.json');
    expect(first.articles.map((a) => a.slug)).toEqual(['africa', 'sudan-2']);
    expect(first).toMatchObject({ page: 1, pageCount: 2, pageSize: 2, total: 4 });
    expect(first.archive).toEqual({
      kind: 'section',
      name: 'Africa',
      path: 'africa',
      parents: [],
      children: [
        { name: 'Sudan', path: 'africa/sudan' },
        { name: 'Chad', path: 'africa/chad' },
      ],
    });
    expect(page('sections/africa/2.json').articles.map((a) => a.slug)).toEqual(['chad', 'sudan-1']);
  });

  it("gives a country's front its breadcrumb", async () => {
    const { page } = await build(corpus);
    const sudan = page('sections/africa/sudan/1.json');
    expect(sudan.articles.map((a) => a.slug)).toEqual(['sudan-2', 'sudan-1']);
    expect(sudan.archive.parents).toEqual([{ name: 'Africa', path: 'africa' }]);
    expect(sudan.archive.children).toEqual([]);
  });

  it('lists tags and authors, each article once', async () => {
    const { page } = await build(corpus);
    expect(page('tags/uk/1.json').articles.map((a) => a.slug)).toEqual(['news', 'africa']);
    expect(page('tags/uk/2.json').articles.map((a) => a.slug)).toEqual(['sudan-1']);
    const author = page('authors/leila-amberfield/1.json');
    expect(author.archive).toMatchObject({ kind: 'author', name: 'Leila Amberfield' });
    expect(author.articles.map((a) => a.slug)).toEqual(['news']);
  });

  it('makes the menu of top-level sections, most articles first', async () => {
    const { output } = await build(corpus);
    const menu = v.parse(SectionMenuSchema, JSON.parse(String(output.get('api/sections.json'))));
    expect(menu.map((section) => section.path)).toEqual(['africa', 'news']);
    expect(menu[0]?.children.map((child) => child.path)).toEqual(['africa/sudan', 'africa/chad']);
  });

  it('writes no page past the end', async () => {
    const { output } = await build(corpus);
    expect(output.has('api/sections/africa/sudan/2.json')).toBe(false);
    expect(output.has('api/tags/aid/2.json')).toBe(true);
    expect(output.has('api/tags/aid/3.json')).toBe(false);
  });
});
