import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent } from './build-content.ts';
import { ContentError } from './problem.ts';
import { article, contentFixture } from './test/fixture.ts';
import { statFiles } from './file-times.ts';
import { writeContent } from './write-content.ts';

async function setup(count = 6) {
  const files: Record<string, string> = {};
  for (let day = 1; day <= count; day++) {
    const body = day > 1 ? `Day ${day}.\n\nREAD: [Earlier](d${day - 1})\n` : 'Day one.';
    files[`d${day}.md`] = article(`d${day}`, { published: `2023-08-0${day}T10:00:00+01:00` }, body);
  }
  const root = await contentFixture(files);
  const options = {
    contentDir: path.join(root, 'content'),
    outDir: path.join(root, 'dist'),
    cacheDir: path.join(root, 'cache'),
    rootDir: root,
    pageSize: 2,
  };
  return { root, options, articles: path.join(root, 'content', 'articles') };
}

/** Every output file with its modification time. */
async function snapshot(dir: string): Promise<Map<string, number>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, number>();
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), (await stat(file)).mtimeMs);
  }
  return files;
}

/** The files whose content or time changed between two snapshots. */
function changedBetween(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([name, time]) => before.get(name) !== time).map(([name]) => name);
}

async function expectSameAsFreshBuild(options: Awaited<ReturnType<typeof setup>>['options']) {
  const { files } = await buildContent(options);
  for (const [name, body] of files) {
    const onDisk = await readFile(path.join(options.outDir, name));
    expect(onDisk.equals(Buffer.from(body)), name).toBe(true);
  }
  const written = [...(await snapshot(options.outDir)).keys()].filter((n) => !n.endsWith('.content-build'));
  expect(written.sort()).toEqual([...files.keys()].sort());
}

describe('writeContent, incremental by content hash', () => {
  it('writes the same API as the in-memory build, and nothing else', async () => {
    const { options } = await setup();
    const stats = await writeContent(options);
    expect(stats).toMatchObject({ articles: 6, scanned: 6, rendered: 6 });
    await expectSameAsFreshBuild(options);
  });

  it('writes the same on worker threads, through a staging folder', async () => {
    const { root, options } = await setup();
    await writeContent({ ...options, workerThreshold: 0, stagingThreshold: 0 });
    await expectSameAsFreshBuild(options);
    expect((await readdir(root)).filter((name) => name.includes('staging'))).toEqual([]);
    // Starting a worker thread per core takes seconds while other builds share the cores.
  }, 60_000);

  it('rewrites only the article whose body changed', async () => {
    const { options, articles } = await setup();
    await writeContent(options);
    const before = await snapshot(options.outDir);
    const file = path.join(articles, 'd3.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Day 3.', 'Day three.'));

    const stats = await writeContent(options);
    expect(stats).toMatchObject({ scanned: 1, rendered: 1, written: 1 });
    expect(changedBetween(before, await snapshot(options.outDir))).toEqual([
      'api/.content-build',
      'api/articles/d3.json',
    ]);
    await expectSameAsFreshBuild(options);
  });

  it('after a title change, rewrites the pages and related lists that show it', async () => {
    const { options, articles } = await setup();
    await writeContent(options);
    const file = path.join(articles, 'd3.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Headline of d3', 'New headline'));
    const before = await snapshot(options.outDir);

    await writeContent(options);
    const changed = changedBetween(before, await snapshot(options.outDir));
    expect(changed).toContain('api/articles/d3.json');
    expect(changed).toContain('api/latest/2.json');
    expect(changed).not.toContain('api/latest/3.json');
    // The front shows the newest (d6, d5) only.
    expect(changed).not.toContain('api/latest/front.json');
    await expectSameAsFreshBuild(options);
    const entries = (await readdir(options.cacheDir)).filter((name) => name.includes('.entries-'));
    expect(entries).toHaveLength(1);

    // A body edit next to it takes the quick path, with the new headline in its Related list.
    const next = path.join(articles, 'd5.md');
    await writeFile(next, (await readFile(next, 'utf8')).replace('Day 5.', 'Day five.'));
    expect(await writeContent(options)).toMatchObject({ scanned: 1, rendered: 1, written: 1 });
    expect(await readFile(path.join(options.outDir, 'api/articles/d5.json'), 'utf8')).toContain(
      'New headline',
    );
    await expectSameAsFreshBuild(options);
  });

  it('after a headline, language or date-of-change edit, rewrites only what shows it', async () => {
    const { options, articles } = await setup();
    await writeContent(options);
    const file = path.join(articles, 'd3.md');
    const feeds = ['feed.json', 'rss.xml', 'section/news/feed.json', 'section/news/rss.xml'];
    // Related lists look at earlier articles only, and d4 links to d3 in its body: d3 is in
    // the Related lists of d5 and d6.
    const showingD3 = ['d3', 'd5', 'd6'].map((slug) => `api/articles/${slug}.json`);
    const listingD3 = ['api/latest/2.json', 'api/sections/news/2.json', 'api/tags/uk/2.json'];
    const edits: [string, (text: string) => string, string[]][] = [
      [
        'headline',
        (text) => text.replace('Headline of d3', 'New headline'),
        [...showingD3, ...listingD3, ...feeds],
      ],
      // The language is shown wherever the headline is: the same files are rewritten.
      [
        'language',
        (text) => text.replace('published:', 'lang: ar\npublished:'),
        [...showingD3, ...listingD3, ...feeds],
      ],
      [
        'another language',
        (text) => text.replace('lang: ar', 'lang: tr'),
        [...showingD3, ...listingD3, ...feeds],
      ],
      // Written another way, the same language: the summaries show what they showed.
      ['language in capitals', (text) => text.replace('lang: tr', 'lang: TR'), ['api/articles/d3.json']],
      [
        'date of change',
        (text) => text.replace('published:', 'modified: 2023-08-10T09:00:00+01:00\npublished:'),
        // Open readers learn of the change from the updates file.
        [...showingD3, ...listingD3, 'api/updates.json', ...feeds, 'sitemap.xml'],
      ],
    ];
    for (const [what, edit, expected] of edits) {
      await writeFile(file, edit(await readFile(file, 'utf8')));
      const before = await snapshot(options.outDir);
      const stats = await writeContent(options);
      expect(stats.scanned, what).toBe(1);
      const changed = changedBetween(before, await snapshot(options.outDir));
      expect(changed.filter((name) => name !== 'api/.content-build').sort(), what).toEqual(expected);
      await expectSameAsFreshBuild(options);
    }
  });

  it('adds an article by rewriting its lists\' fronts and open pages only; full pages stay byte for byte', async () => {
    const { options, articles } = await setup();
    await writeContent(options);
    const isListFile = (name: string) => /^api\/(latest|sections|tags|authors)\/.*\.json$/.test(name);
    const lists = ['api/latest', 'api/sections/news', 'api/tags/uk'];
    // Six articles two a page: pages 1-3 full, page 4 open and empty. The 7th lands on page
    // 4; the 8th fills it and opens page 5, written in the same build.
    const steps: [string, string[]][] = [
      ['d7', ['4.json', 'front.json']],
      ['d8', ['4.json', '5.json', 'front.json']],
    ];
    for (const [slug, expected] of steps) {
      const before = await snapshot(options.outDir);
      const contents = new Map<string, Buffer>();
      for (const name of before.keys()) {
        if (isListFile(name)) contents.set(name, await readFile(path.join(options.outDir, name)));
      }
      const day = slug.slice(1);
      await writeFile(
        path.join(articles, `${slug}.md`),
        article(slug, { published: `2023-08-0${day}T10:00:00+01:00` }, `Day ${day}.`),
      );
      await writeContent(options);
      const after = await snapshot(options.outDir);
      const changed = changedBetween(before, after).filter(isListFile).sort();
      expect(changed, slug).toEqual(lists.flatMap((list) => expected.map((name) => `${list}/${name}`)).sort());
      // Every other page of every list is the same file, byte for byte.
      for (const [name, bytes] of contents) {
        if (changed.includes(name)) continue;
        expect((await readFile(path.join(options.outDir, name))).equals(bytes), name).toBe(true);
      }
      // And the incremental build equals a fresh full one: every API file, feed and sitemap.
      await expectSameAsFreshBuild(options);
    }
    const front = JSON.parse(await readFile(path.join(options.outDir, 'api/latest/front.json'), 'utf8')) as {
      articles: { slug: string }[];
    };
    expect(front).toMatchObject({ total: 8, openPage: 5, olderPage: 3 });
    expect(front.articles.map((summary) => summary.slug)).toEqual(['d8', 'd7']);
  });

  it('takes an article down in its place: the page that held it and the fronts change, nothing else moves', async () => {
    const { root, options, articles } = await setup();
    await writeContent(options);
    const isListFile = (name: string) => /^api\/(latest|sections|tags|authors)\/.*\.json$/.test(name);
    const before = await snapshot(options.outDir);
    // d3 links to d2 (READ: Earlier): a link to an article taken down does not stop the build.
    const unpublished = path.join(root, 'content', 'unpublished');
    await mkdir(unpublished);
    await rename(path.join(articles, 'd2.md'), path.join(unpublished, 'd2.md'));
    expect(await writeContent(options)).toMatchObject({ scanned: 1, deleted: 1 });
    const after = await snapshot(options.outDir);
    expect(after.has('api/articles/d2.json')).toBe(false);
    // Oldest first, two a page: d1 and d2 are page 1 of every list they are in.
    const lists = ['api/latest', 'api/sections/news', 'api/tags/uk'];
    expect(changedBetween(before, after).filter(isListFile).sort()).toEqual(
      lists.flatMap((list) => [`${list}/1.json`, `${list}/front.json`]).sort(),
    );
    const page = JSON.parse(await readFile(path.join(options.outDir, 'api/latest/1.json'), 'utf8')) as {
      articles: { slug: string }[];
    };
    expect(page.articles.map((summary) => summary.slug)).toEqual(['d1']);
    const front: unknown = JSON.parse(await readFile(path.join(options.outDir, 'api/latest/front.json'), 'utf8'));
    expect(front).toMatchObject({ total: 5, openPage: 4, olderPage: 2 });
    await expectSameAsFreshBuild(options);

    // Put back, it takes its place again.
    await rename(path.join(unpublished, 'd2.md'), path.join(articles, 'd2.md'));
    expect(await writeContent(options)).toMatchObject({ scanned: 1 });
    await expectSameAsFreshBuild(options);
    const back = JSON.parse(await readFile(path.join(options.outDir, 'api/latest/1.json'), 'utf8')) as {
      articles: { slug: string }[];
    };
    expect(back.articles.map((summary) => summary.slug)).toEqual(['d2', 'd1']);
  });

  it('reads a name in both folders as the published article', async () => {
    const { root, options, articles } = await setup();
    const unpublished = path.join(root, 'content', 'unpublished');
    await mkdir(unpublished);
    await writeFile(path.join(unpublished, 'd4.md'), await readFile(path.join(articles, 'd4.md'), 'utf8'));
    await writeContent(options);
    expect(await readFile(path.join(options.outDir, 'api/articles/d4.json'), 'utf8')).toContain('"slug":"d4"');
    await expectSameAsFreshBuild(options);
  });

  it('after a byline edit, adds the author page and matches a fresh build', async () => {
    const { options, articles } = await setup();
    await writeContent(options);
    const file = path.join(articles, 'd3.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('published:', 'authors: [Amal Haddad]\npublished:'));
    expect(await writeContent(options)).toMatchObject({ scanned: 1 });
    await expectSameAsFreshBuild(options);
    const author = await readFile(path.join(options.outDir, 'api/authors/amal-haddad/1.json'), 'utf8');
    expect(author).toContain('"slug":"d3"');
  });

  it('removes the outputs of a deleted article', async () => {
    const { options, articles } = await setup();
    await writeContent(options);
    await rm(path.join(articles, 'd1.md'));
    await writeFile(
      path.join(articles, 'd2.md'),
      (await readFile(path.join(articles, 'd2.md'), 'utf8')).replace('READ: [Earlier](d1)', ''),
    );
    const stats = await writeContent(options);
    expect(stats.deleted).toBeGreaterThan(0);
    await expectSameAsFreshBuild(options);
  });

  it('publishes nothing when the content has a problem', async () => {
    const { root, options, articles } = await setup();
    await writeContent(options);
    const before = await snapshot(options.outDir);
    await writeFile(path.join(articles, 'd7.md'), article('d7', {}, 'READ: [Gone](no-such)\n'));
    await writeFile(path.join(articles, 'd4.md'), article('d4', { title: '""' }));

    await expect(writeContent(options)).rejects.toBeInstanceOf(ContentError);
    expect(await snapshot(options.outDir)).toEqual(before);
    expect((await readdir(root)).filter((name) => name.includes('staging'))).toEqual([]);
  });

  it('swaps in a whole new API when many articles changed, linking the unchanged ones', async () => {
    const { options, articles } = await setup();
    await writeContent(options);
    for (const name of ['d2.md', 'd5.md']) {
      const file = path.join(articles, name);
      await writeFile(file, (await readFile(file, 'utf8')).replace('Day', 'Today'));
    }
    const stats = await writeContent({ ...options, stagingThreshold: 1 });
    expect(stats).toMatchObject({ scanned: 2, rendered: 6 });
    await expectSameAsFreshBuild(options);
  });

  it('rebuilds a wiped output folder in full', async () => {
    const { options } = await setup();
    await writeContent(options);
    await rm(options.outDir, { recursive: true });
    const stats = await writeContent(options);
    expect(stats).toMatchObject({ scanned: 0, rendered: 6 });
    await expectSameAsFreshBuild(options);
  });
});

describe('statFiles', () => {
  it('reads the same times and sizes on its own thread as inline, and -1 for a file gone', async () => {
    const { articles } = await setup(3);
    const files = ['d1.md', 'd2.md', 'd3.md', 'gone.md'].map((name) => path.join(articles, name));
    const inline = await statFiles(files);
    const threaded = await statFiles(files, 0);
    expect(threaded).toEqual(inline);
    expect(inline.size[0]).toBe((await stat(files[0] ?? '')).size);
    expect([inline.mtime[3], inline.size[3]]).toEqual([-1, -1]);
  });
});
