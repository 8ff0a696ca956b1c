import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { searchQueries } from '../../src/features/search/api/search-queries.ts';
import { article, contentFixture } from '../content/test/fixture.ts';
import { pageFor } from '../prerender/pages.ts';
import { fileFor, prerender } from '../prerender/prerender.ts';
import { buildSite } from './build-site.ts';
import { parseChanges } from './change-list.ts';
import { startStaticServer } from '../serve-static.ts';

const repo = path.resolve(import.meta.dirname, '../..');
/** The server build imports the app's packages: it sits inside the repository. */
const ssrDir = path.join(repo, '.cache', `ssr-build-site-test-${process.pid}`);

/** Every served file of a built site with a hash of its bytes (the build's own dotfiles left out). */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const name = path
      .relative(dir, path.join(entry.parentPath, entry.name))
      .split(path.sep)
      .join('/');
    if (name.split('/').some((part) => part.startsWith('.'))) continue;
    files.set(
      name,
      createHash('sha1')
        .update(await readFile(path.join(dir, name)))
        .digest('hex'),
    );
  }
  return files;
}

/** The change list two snapshots call for: `W` new or changed, `D` gone. */
function expectedLines(before: Map<string, string>, after: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const [name, hash] of after) if (before.get(name) !== hash) lines.push(`W ${name}`);
  for (const name of before.keys()) if (!after.has(name)) lines.push(`D ${name}`);
  return lines.sort((a, b) => (a.slice(2) < b.slice(2) ? -1 : 1));
}

async function latest(out: string): Promise<string[]> {
  const text = await readFile(path.join(out, '.changes', 'latest.txt'), 'utf8');
  return text === '' ? [] : text.trimEnd().split('\n');
}

const SLUGS = ['a1', 'a2', 'a3', 'a4', 'a5'];
let root: string;
let out: string;
let articles: string;
const build = () =>
  buildSite({ contentDir: path.join(root, 'content'), outDir: out, ssrDir, log: () => undefined });

beforeAll(async () => {
  const files: Record<string, string> = {};
  SLUGS.forEach((slug, index) => {
    const day = String(index + 1).padStart(2, '0');
    // Each but a2 links to the one before it. Related lists look back, so a1, which nothing
    // links to, is in the Related lists of the later articles with its tag.
    const body =
      index > 1 ? `Day ${day}.\n\nREAD: [Earlier](${SLUGS[index - 1]})\n` : `Day ${day}.`;
    files[`${slug}.md`] = article(
      slug,
      { published: `2023-08-${day}T10:00:00+01:00`, tags: index % 2 === 0 ? '[UK]' : '[EU]' },
      body,
    );
  });
  root = await contentFixture(files);
  out = path.join(root, 'site');
  articles = path.join(root, 'content', 'articles');
});

afterAll(async () => {
  await rm(ssrDir, { recursive: true, force: true });
  if (root) await rm(root, { recursive: true, force: true });
});

describe('build:site and its change list', () => {
  it('lists every file of a first build as written, and nothing else', async () => {
    const before = await snapshot(out).catch(() => new Map<string, string>());
    await build();
    const after = await snapshot(out);
    expect(await latest(out)).toEqual(expectedLines(before, after));
    expect(after.has('a3/index.html')).toBe(true);
    expect(after.has('api/removed.json')).toBe(true);
  });

  it('writes an empty list when no content changed', async () => {
    const before = await snapshot(out);
    await build();
    expect(await snapshot(out)).toEqual(before);
    expect(await latest(out)).toEqual([]);
  });

  it('after one edit, lists exactly the files whose bytes changed and renders only the pages showing it', async () => {
    const before = await snapshot(out);
    const file = path.join(articles, 'a3.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('"Headline of a3"', '"A corrected headline"'),
    );
    const stats = await build();
    const after = await snapshot(out);
    const lines = await latest(out);
    expect(lines).toEqual(expectedLines(before, after));
    const pages = lines.filter((line) => line.endsWith('.html')).sort();
    // Exactly the pages whose API files changed: the article, the articles whose Related list
    // shows it, and the lists it is on. Not an article that does not show it.
    const shown = lines.flatMap((line) => {
      const page = line.startsWith('W api/') ? pageFor(line.slice('W api/'.length)) : undefined;
      return page ? [`W ${fileFor(page.path)}`] : [];
    });
    expect(pages).toEqual(shown.sort());
    expect(pages).toEqual(
      expect.arrayContaining(['W a3/index.html', 'W index.html', 'W tags/uk/index.html']),
    );
    expect(pages).not.toContain('W a4/index.html');
    expect(lines).toContain('W api/articles/a3.json');
    expect(stats.stages.find((stage) => stage.stage === 'prerender')?.written).toBe(pages.length);

    // A full prerender of the same API makes the same pages, byte for byte.
    const full = path.join(root, 'full');
    await cp(out, full, { recursive: true });
    await unlink(path.join(full, '.prerender.json'));
    await prerender({ distDir: full, serverEntry: path.join(ssrDir, 'entry-server.js') });
    expect(await snapshot(full)).toEqual(after);
  });

  // The oldest article: no other links to it (a link to a missing article stops the build),
  // but its tag puts it in other articles' Related lists.
  it('takes an unpublished article out of every list, Related list, feed, sitemap and the search index', async () => {
    const before = await snapshot(out);
    const shownBy = [...before.keys()].filter(
      (name) => name.startsWith('api/articles/') && name !== 'api/articles/a1.json',
    );
    const relatedBefore: string[] = [];
    for (const name of shownBy) {
      if ((await readFile(path.join(out, name), 'utf8')).includes('"a1"')) relatedBefore.push(name);
    }
    // (Else the Related lists would prove nothing.)
    expect(relatedBefore.length).toBeGreaterThan(0);
    // Taken down as a newsroom does: its file moves to content/unpublished/ (decision 025).
    await mkdir(path.join(root, 'content', 'unpublished'));
    await rename(path.join(articles, 'a1.md'), path.join(root, 'content', 'unpublished', 'a1.md'));
    await build();
    const after = await snapshot(out);
    const lines = await latest(out);
    expect(lines).toEqual(expectedLines(before, after));
    expect(lines).toContain('D api/articles/a1.json');
    expect(lines).toContain('D a1/index.html');
    expect(lines).toContain('W api/removed.json');
    for (const name of relatedBefore) expect(lines).toContain(`W ${name}`);
    expect(after.has('a1/index.html')).toBe(false);
    const mentions: string[] = [];
    for (const name of after.keys()) {
      // The search index's main files keep it until the next fold; the recent segment says
      // it is gone, and the answers below show it.
      if (name === 'api/removed.json' || name.startsWith('api/search/')) continue;
      if (!/\.(json|xml|html|txt)$/.test(name)) continue;
      const text = await readFile(path.join(out, name), 'utf8');
      if (text.includes('"a1"') || text.includes('/a1/') || text.includes('Headline of a1')) {
        mentions.push(name);
      }
    }
    expect(mentions).toEqual([]);
    expect(JSON.parse(await readFile(path.join(out, 'api/removed.json'), 'utf8'))).toEqual({
      slugs: ['a1'],
    });
    // Its place is kept: the oldest page shows one article fewer, and a fresh build of the
    // same content writes the same files byte for byte (the search index is compared by its
    // answers below; the list of removed addresses is the site's own history).
    const fresh = path.join(root, 'fresh-site');
    await buildSite({
      contentDir: path.join(root, 'content'),
      outDir: fresh,
      ssrDir,
      log: () => undefined,
    });
    const history = (name: string) =>
      name.startsWith('api/search/') || name === 'api/removed.json' || name === 'sw.js';
    const comparable = (files: Map<string, string>) =>
      [...files].filter(([name]) => !history(name));
    expect(comparable(after)).toEqual(comparable(await snapshot(fresh)));
    const front: unknown = JSON.parse(
      await readFile(path.join(out, 'api/latest/front.json'), 'utf8'),
    );
    expect(front).toMatchObject({ total: 4 });
    // Searched as the search page asks, it is found nowhere; its neighbours still are.
    const server = await startStaticServer({ root: out, port: 0 });
    try {
      vi.stubEnv('VITE_API_BASE_URL', `${server.url}api/`);
      const queryClient = new QueryClient();
      // The count is the index's own (a result whose article is gone is dropped after it).
      const found = (q: string) =>
        queryClient.query(
          searchQueries.results(queryClient, { q, section: '', from: '', to: '' }, 100),
        );
      const headline = await found('headline');
      expect(headline.results.map((result) => result.slug).sort()).toEqual([
        'a2',
        'a3',
        'a4',
        'a5',
      ]);
      expect(headline.total).toBe(4);
      expect(await found('a1')).toEqual({ total: 0, results: [] });
    } finally {
      vi.unstubAllEnvs();
      await server.close();
    }
  });

  it('publishes an article again under its old address, and forgets it was taken down', async () => {
    await rename(path.join(root, 'content', 'unpublished', 'a1.md'), path.join(articles, 'a1.md'));
    await writeFile(
      path.join(articles, 'a1.md'),
      article('a1', { published: '2023-08-01T10:00:00+01:00' }, 'Back.'),
    );
    await build();
    const lines = await latest(out);
    expect(lines).toContain('W api/articles/a1.json');
    expect(lines).toContain('W a1/index.html');
    expect(JSON.parse(await readFile(path.join(out, 'api/removed.json'), 'utf8'))).toEqual({
      slugs: [],
    });
  });
});

describe('a change list a build left unfinished', () => {
  it('is carried into the next build', async () => {
    await writeFile(path.join(out, '.changes', 'pending.txt'), 'W left-by-a-failed-build.txt\n');
    await build();
    expect(parseChanges((await latest(out)).join('\n')).get('left-by-a-failed-build.txt')).toBe(
      'W',
    );
  });
});
