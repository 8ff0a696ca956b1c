import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPages } from './pages.ts';

describe('listPages', () => {
  it("puts each list's front at its own URL and its pages, counted from the oldest, below it", async () => {
    const api = await mkdtemp(path.join(tmpdir(), 'reader-pages-'));
    const files = [
      'latest/front.json',
      'latest/1.json',
      'latest/2.json',
      'sections/africa/front.json',
      'sections/africa/1.json',
      'sections/africa/sudan/front.json',
      'sections/africa/sudan/1.json',
      'tags/uk/front.json',
      'tags/uk/1.json',
      'authors/leila-amberfield/front.json',
      'articles/a.json',
    ];
    for (const file of files) {
      await mkdir(path.dirname(path.join(api, file)), { recursive: true });
      await writeFile(path.join(api, file), '{}');
    }
    const pages = listPages(api).map((page) => [page.path, page.sources.join()]);
    expect(pages.sort()).toEqual(
      [
        ['/', 'latest/front.json'],
        ['/page/1/', 'latest/1.json'],
        ['/page/2/', 'latest/2.json'],
        ['/category/africa/', 'sections/africa/front.json'],
        ['/category/africa/page/1/', 'sections/africa/1.json'],
        ['/category/africa/sudan/', 'sections/africa/sudan/front.json'],
        ['/category/africa/sudan/page/1/', 'sections/africa/sudan/1.json'],
        ['/tags/uk/', 'tags/uk/front.json'],
        ['/tags/uk/page/1/', 'tags/uk/1.json'],
        ['/author/leila-amberfield/', 'authors/leila-amberfield/front.json'],
        ['/a/', 'articles/a.json'],
      ].sort(),
    );
  });
});
