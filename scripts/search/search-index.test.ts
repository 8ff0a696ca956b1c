import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from '../content/build-content.ts';
import { article, contentFixture } from '../content/test/fixture.ts';
import type { Article } from '../../src/contract/article.ts';
import { buildSearchIndex, searchRecord } from './search-index.ts';

async function articles(count: number): Promise<Article[]> {
  const files: Record<string, string> = {};
  for (let n = 1; n <= count; n++) {
    files[`a${n}.md`] = article(`a${n}`, {}, `Flights to İstanbul resumed, report ${n}.`);
  }
  const root = await contentFixture(files);
  const { files: output } = await buildContent({
    contentDir: path.join(root, 'content'),
    rootDir: root,
  });
  return [...output]
    .filter(([name]) => name.startsWith('api/articles/'))
    .map(([, body]) => JSON.parse(String(body)) as Article);
}

describe('the search index', () => {
  it('indexes folded text and keeps the original for snippets', async () => {
    const [first] = await articles(1);
    if (first === undefined) throw new Error('no article');
    const record = searchRecord(first);
    expect(record.url).toBe('/a1/');
    expect(record.content).toContain('flights to istanbul resumed');
    expect(record.meta?.text).toContain('Flights to İstanbul resumed');
    expect(record.filters).toEqual({ section: ['news'], month: ['2023-08'] });
  });

  it('writes a large archive in shards the browser merges', async () => {
    const { files, count, shards } = await buildSearchIndex(await articles(5), undefined, 2);
    expect({ count, shards }).toEqual({ count: 5, shards: 3 });
    expect(JSON.parse(new TextDecoder().decode(files.get('shards.json')))).toEqual([
      'shard-2',
      'shard-3',
    ]);
    expect(files.has('pagefind.js')).toBe(true);
    expect(files.has('shard-3/pagefind-entry.json')).toBe(true);
  });
});
