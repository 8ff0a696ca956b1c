/**
 * `npm run sync` against real HTTP servers on 127.0.0.1: a WordPress site whose posts start
 * as a real site's recorded answer and change between syncs (test/wordpress-site.ts), and a
 * real RSS feed and JSON Feed (scripts/import/test/real/) that gain an item. The site build
 * is the content build alone, into a temporary folder: enough to see an article's JSON
 * appear, change and go.
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeContent } from '../content/write-content.ts';
import { mirrored, mirrorImage, real } from '../import/test/real-mirror.ts';
import { startServer, type TestServer } from '../import/test/server.ts';
import type { SiteBuild } from './build-site.ts';
import { main, type SyncDeps } from './cli.ts';
import { unbuiltMarker } from './run-sync.ts';
import { startWordPressSite, type WordPressSite } from './test/wordpress-site.ts';

const BOKO = 'boko-haram-attacks-in-borno-getting-worse-gov-shettima-raises-alarm';
const OSINBAJO = 'no-serious-vice-president-hawks-n10000-pdp-blast-osinbajo';
const ATIKU = 'apc-accuses-pdp-atiku-of-sponsoring-smear-campaign-against-buhari';

let root: string;
let content: string;
let siteDir: string;
let builds: number;

/** The content build alone into `siteDir`; its manifests in the test's own folder. */
const contentBuild: SiteBuild = async ({ contentDir, outDir }) => {
  builds++;
  await writeContent({
    contentDir,
    outDir,
    cacheDir: path.join(root, 'cache'),
    rootDir: root,
    mayDownload: (url) => new URL(url).hostname === '127.0.0.1',
    allowHosts: ['127.0.0.1'],
    warn: () => undefined,
  });
};

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'reader-sync-'));
  content = path.join(root, 'content');
  siteDir = path.join(root, 'site');
  builds = 0;
});

type Run = { code: number; stdout: string[]; stderr: string[] };

async function sync(kind: string, source: string, extra: string[] = [], deps: SyncDeps = {}) {
  const run: Run = { code: -1, stdout: [], stderr: [] };
  run.code = await main(
    [
      kind,
      source,
      '--out',
      content,
      '--site',
      siteDir,
      '--attempts',
      '1',
      '--timeout',
      '10',
      ...extra,
    ],
    { log: (line) => run.stdout.push(line), warn: (line) => run.stderr.push(line) },
    { build: contentBuild, ...deps },
  );
  return run;
}

const articleFile = (slug: string) => path.join(content, 'articles', `${slug}.md`);
const markdown = (slug: string) => readFile(articleFile(slug), 'utf8');
const articles = async () => (await readdir(path.join(content, 'articles'))).sort();
const siteArticle = async (slug: string) =>
  JSON.parse(await readFile(path.join(siteDir, 'api', 'articles', `${slug}.json`), 'utf8')) as {
    title: string;
  };
const hasSiteArticle = (slug: string) =>
  readFile(path.join(siteDir, 'api', 'articles', `${slug}.json`)).then(
    () => true,
    () => false,
  );

/** Every file under `dir` with its bytes, to show a failed run changed nothing. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), await readFile(file, 'latin1'));
  }
  return files;
}

describe('npm run sync -- wordpress', () => {
  let site: WordPressSite;
  beforeEach(async () => {
    site = await startWordPressSite();
  });
  afterEach(() => site.close());

  /** The first sync: the three recorded posts, built. */
  async function firstSync(extra: string[] = []) {
    const first = await sync('wordpress', site.api, extra);
    expect(first.code, first.stderr.join('\n')).toBe(0);
    expect(await articles()).toEqual([`${ATIKU}.md`, `${BOKO}.md`, `${OSINBAJO}.md`]);
    return first;
  }

  it('the first run publishes every post, and builds the site once', async () => {
    const first = await firstSync();
    expect(first.stdout.filter((line) => line.startsWith('published'))).toHaveLength(3);
    expect(first.stdout).toContain(
      `published /${BOKO}/  Boko Haram Attacks In Borno Getting Worse – Gov Shettima Raises Alarm  (${articleFile(BOKO)})`,
    );
    expect(first.stdout.at(-1)).toMatch(
      /^sync http:\/\/127\.0\.0\.1:\d+\/wp-json: 3 published, 0 updated, 0 removed, 0 problems; site built/,
    );
    expect(builds).toBe(1);
    expect((await siteArticle(BOKO)).title).toBe(
      'Boko Haram Attacks In Borno Getting Worse – Gov Shettima Raises Alarm',
    );
    expect(await markdown(BOKO)).toContain(`imported_from: ${site.api}\n`);
  });

  it('a new post is published: its file appears, and after the build its article JSON', async () => {
    await firstSync();
    site.publish('Flooding closes Lagos ports');
    const run = await sync('wordpress', site.api);
    expect(run.code, run.stderr.join('\n')).toBe(0);
    expect(run.stdout).toEqual([
      expect.stringMatching(
        /^published \/flooding-closes-lagos-ports\/ {2}Flooding closes Lagos ports {2}\(.*flooding-closes-lagos-ports\.md\)$/,
      ),
      expect.stringMatching(/: 1 published, 0 updated, 0 removed, 0 problems; site built/),
    ]);
    expect(await markdown('flooding-closes-lagos-ports')).toContain(
      'title: Flooding closes Lagos ports\n',
    );
    expect((await siteArticle('flooding-closes-lagos-ports')).title).toBe(
      'Flooding closes Lagos ports',
    );
    // Asked only for what changed since the last run, not the whole archive again.
    const changed = site.server.requests.filter((request) => request.includes('_embed'));
    expect(changed.at(-1)).toMatch(/modified_after=2019-01-02T08%3A18%3A27%2B00%3A00/);
  });

  it('an edit updates the article, its file and its JSON', async () => {
    await firstSync();
    site.edit(16480, 'Osinbajo replies to the PDP');
    const run = await sync('wordpress', site.api);
    expect(run.code, run.stderr.join('\n')).toBe(0);
    expect(run.stdout[0]).toMatch(
      new RegExp(`^updated {3}/${OSINBAJO}/ {2}Osinbajo replies to the PDP`),
    );
    expect(run.stdout.at(-1)).toMatch(/: 0 published, 1 updated, 0 removed, 0 problems/);
    expect(await markdown(OSINBAJO)).toContain('title: Osinbajo replies to the PDP\n');
    expect((await siteArticle(OSINBAJO)).title).toBe('Osinbajo replies to the PDP');
  });

  it('nothing changed: no file is written and the site is not built', async () => {
    await firstSync();
    const before = await snapshot(path.join(content, 'articles'));
    const run = await sync('wordpress', site.api);
    expect(run.code).toBe(0);
    expect(run.stdout).toEqual([expect.stringMatching(/: nothing changed \(/)]);
    expect(builds).toBe(1);
    expect(await snapshot(path.join(content, 'articles'))).toEqual(before);
  });

  it('a deleted post is removed: its file leaves the articles, its JSON the site', async () => {
    // The count of posts differs from what the sync expects: noticed at once, whatever N.
    await firstSync(['--reconcile-every', '50']);
    site.remove(16477);
    const run = await sync('wordpress', site.api, ['--reconcile-every', '50']);
    expect(run.code, run.stderr.join('\n')).toBe(0);
    expect(run.stdout[0]).toMatch(new RegExp(`^removed {3}/${ATIKU}/ {2}APC Accuses PDP, Atiku`));
    expect(run.stdout.at(-1)).toMatch(/: 0 published, 0 updated, 1 removed, 0 problems/);
    expect(await articles()).toEqual([`${BOKO}.md`, `${OSINBAJO}.md`]);
    // Kept out of the build's reach, for the newsroom's records.
    expect(await readFile(path.join(content, 'unpublished', `${ATIKU}.md`), 'utf8')).toContain(
      'title: APC Accuses PDP',
    );
    expect(await hasSiteArticle(ATIKU)).toBe(false);
    expect(await hasSiteArticle(BOKO)).toBe(true);
  });

  it('an unpublished post (back to draft) is removed like a deleted one', async () => {
    await firstSync();
    site.unpublish(16483);
    const run = await sync('wordpress', site.api);
    expect(run.code, run.stderr.join('\n')).toBe(0);
    expect(run.stdout[0]).toMatch(new RegExp(`^removed {3}/${BOKO}/`));
    expect(await articles()).toEqual([`${ATIKU}.md`, `${OSINBAJO}.md`]);
    expect(await hasSiteArticle(BOKO)).toBe(false);
  });

  it('an unpublished post published again comes back', async () => {
    await firstSync();
    site.unpublish(16483);
    await sync('wordpress', site.api);
    const post = site.posts.find((candidate) => candidate.id === 16483);
    Object.assign(post ?? {}, { status: 'publish', modified: '2019-01-02T10:00:00' });
    const run = await sync('wordpress', site.api);
    expect(run.code, run.stderr.join('\n')).toBe(0);
    expect(run.stdout[0]).toMatch(new RegExp(`^published /${BOKO}/`));
    expect(await hasSiteArticle(BOKO)).toBe(true);
  });

  it('a post whose address changed at the source moves: the new file is published, the old one removed', async () => {
    await firstSync();
    const post = site.posts.find((candidate) => candidate.id === 16480);
    Object.assign(post ?? {}, {
      slug: 'osinbajo-hawks-n10000',
      link: 'https://click9ja.com/2019/01/02/osinbajo-hawks-n10000/',
      modified: '2019-01-02T10:00:00',
      modified_gmt: '2019-01-02T10:00:00',
    });
    const run = await sync('wordpress', site.api);
    expect(run.code, run.stderr.join('\n')).toBe(0);
    expect(run.stdout.slice(0, 2)).toEqual([
      expect.stringMatching(/^published \/osinbajo-hawks-n10000\//),
      expect.stringMatching(new RegExp(`^removed {3}/${OSINBAJO}/`)),
    ]);
    expect(await articles()).toEqual([`${ATIKU}.md`, `${BOKO}.md`, 'osinbajo-hawks-n10000.md']);
    expect(await hasSiteArticle(OSINBAJO)).toBe(false);
  });

  it('says how many of the site’s files the build changed, from its change list', async () => {
    await firstSync();
    site.publish('Flooding closes Lagos ports');
    const withList: SiteBuild = async (folders) => {
      await contentBuild(folders);
      await mkdir(path.join(folders.outDir, '.changes'), { recursive: true });
      await writeFile(
        path.join(folders.outDir, '.changes', 'latest.txt'),
        'W api/articles/flooding-closes-lagos-ports.json\nW api/latest/1.json\nD api/latest/9.json\n',
      );
    };
    const run = await sync('wordpress', site.api, [], { build: withList });
    expect(run.stdout.at(-1)).toMatch(/; site built, 2 files written, 1 deleted \(/);
  });

  it('does nothing while another sync of the same content runs, and takes over a dead one’s lock', async () => {
    await firstSync();
    site.publish('Flooding closes Lagos ports');
    const lock = path.join(content, '.import', 'sync.lock');
    await writeFile(lock, `${process.pid}\n`);
    const blocked = await sync('wordpress', site.api);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr.at(-1)).toMatch(
      new RegExp(
        `another sync of .* is running \\(process ${process.pid}\\); this run did nothing`,
      ),
    );
    expect(await articles()).not.toContain('flooding-closes-lagos-ports.md');
    // A process id no process has (above Linux's largest).
    await writeFile(lock, '4194305\n');
    const after = await sync('wordpress', site.api);
    expect(after.code, after.stderr.join('\n')).toBe(0);
    expect(after.stdout[0]).toMatch(/^published \/flooding-closes-lagos-ports\//);
  });

  it('a run stopped before its build ended is built by the next, whatever it finds', async () => {
    await firstSync();
    site.publish('Flooding closes Lagos ports');
    const marker = unbuiltMarker(content);
    let markedDuringBuild = false;
    const watching: SiteBuild = async (folders) => {
      markedDuringBuild = await readFile(marker).then(
        () => true,
        () => false,
      );
      await contentBuild(folders);
    };
    await sync('wordpress', site.api, [], { build: watching });
    // The content folder changed before the build: a run killed there leaves the mark.
    expect(markedDuringBuild).toBe(true);
    await expect(readFile(marker)).rejects.toThrow();
    // As a killed run leaves it: the mark, and no change left at the source.
    await writeFile(marker, '');
    const next = await sync('wordpress', site.api);
    expect(next.code, next.stderr.join('\n')).toBe(0);
    expect(next.stderr).toContain(
      'note: the last sync stopped before its site build ended; the site is built now',
    );
    expect(next.stdout.at(-1)).toMatch(
      /: 0 published, 0 updated, 0 removed, 0 problems; site built/,
    );
    expect(builds).toBe(3);
  });

  it('a deletion the count does not show (a scheduled post went live meanwhile) is found when the ids are listed, every N runs', async () => {
    await firstSync(['--reconcile-every', '2']);
    site.remove(16477);
    // Scheduled yesterday, live now: its modified date is older than the last run's newest.
    site.publish('Flooding closes Lagos ports', { date: '2019-01-01T12:00:00' });
    const second = await sync('wordpress', site.api, ['--reconcile-every', '2']);
    expect(second.stdout).toEqual([expect.stringMatching(/: nothing changed/)]);
    const third = await sync('wordpress', site.api, ['--reconcile-every', '2']);
    expect(third.stdout.filter((line) => /^(published|removed)/.test(line))).toEqual([
      expect.stringMatching(/^published \/flooding-closes-lagos-ports\//),
      expect.stringMatching(new RegExp(`^removed {3}/${ATIKU}/`)),
    ]);
    // The second run asked for the count alone; the third listed the ids, then asked again
    // for the one that seemed gone.
    const lists = site.server.requests.filter((request) => request.includes('_fields=id'));
    expect(lists.map((request) => new URL(request, site.api).searchParams.get('per_page'))).toEqual(
      ['1', '100', '100'],
    );
  });

  it('the source down: nothing changes, the reason names the source, the exit code is 1', async () => {
    await firstSync();
    const contentBefore = await snapshot(content);
    const siteBefore = await snapshot(siteDir);
    site.publish('Flooding closes Lagos ports');
    site.down = true;
    const run = await sync('wordpress', site.api);
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([]);
    expect(run.stderr.at(-1)).toMatch(
      new RegExp(
        `^sync ${site.api.replace(/[.]/g, '\\.')} failed after .*${site.api.replace(/[.]/g, '\\.')}/wp/v2/posts.*503.*nothing was changed, the site is as it was`,
      ),
    );
    expect(await snapshot(content)).toEqual(contentBefore);
    expect(await snapshot(siteDir)).toEqual(siteBefore);
    // Back up: the post missed is published.
    site.down = false;
    const after = await sync('wordpress', site.api);
    expect(after.stdout[0]).toMatch(/^published \/flooding-closes-lagos-ports\//);
  });

  it('a bad post is reported by its address, the others still sync, and it is tried again', async () => {
    await firstSync();
    const bad = site.publish('Market prices rise in Kano');
    Object.assign(bad, { date: 'not a date', date_gmt: null });
    site.publish('Flooding closes Lagos ports');
    const run = await sync('wordpress', site.api);
    expect(run.code).toBe(3);
    expect(run.stdout[0]).toMatch(/^published \/flooding-closes-lagos-ports\//);
    expect(run.stderr).toContain(`problem: ${bad.link}: no readable publication date; skipped`);
    expect(run.stdout.at(-1)).toMatch(/: 1 published, 0 updated, 0 removed, 1 problem;/);
    expect(await articles()).not.toContain('market-prices-rise-in-kano.md');
    // Mended at the source without a new modified date: the next run asks for it by id.
    Object.assign(bad, { date: bad.modified, date_gmt: bad.modified });
    const next = await sync('wordpress', site.api);
    expect(next.code, next.stderr.join('\n')).toBe(0);
    expect(next.stdout[0]).toMatch(/^published \/market-prices-rise-in-kano\//);
  });

  it('a build failure publishes nothing and puts the content folder back; the next run publishes', async () => {
    await firstSync();
    site.edit(16480, 'Osinbajo replies to the PDP');
    site.publish('Flooding closes Lagos ports');
    site.remove(16477);
    const contentBefore = await snapshot(content);
    const failing: SiteBuild = () => Promise.reject(new Error('prerender: out of memory'));
    const run = await sync('wordpress', site.api, [], { build: failing });
    expect(run.code).toBe(1);
    expect(run.stdout).toEqual([]);
    expect(run.stderr.at(-1)).toMatch(/the site build failed.*\n.*prerender: out of memory/s);
    expect(await snapshot(content)).toEqual(contentBefore);
    const next = await sync('wordpress', site.api);
    expect(next.code, next.stderr.join('\n')).toBe(0);
    expect(next.stdout.at(-1)).toMatch(/: 1 published, 1 updated, 1 removed, 0 problems/);
  });

  it('a file this source did not import is never removed', async () => {
    await firstSync();
    // An editor took the article over: it is no longer the import's.
    const text = await markdown(ATIKU);
    await writeFile(articleFile(ATIKU), text.replace(/^imported_from: .*\n/m, ''));
    site.remove(16477);
    const run = await sync('wordpress', site.api);
    expect(run.code).toBe(3);
    expect(run.stderr).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^problem: ${ATIKU}\\.md: .* no longer publishes it, but it was not imported; left as it is`,
        ),
      ),
    );
    expect(await articles()).toContain(`${ATIKU}.md`);
  });

  it('--watch syncs again after each run, never two at once, and stops cleanly when asked', async () => {
    await firstSync();
    site.publish('Flooding closes Lagos ports');
    let stop: (reason: string) => void = () => undefined;
    let running = 0;
    let most = 0;
    let runs = 0;
    const build: SiteBuild = async (folders) => {
      running++;
      most = Math.max(most, running);
      await contentBuild(folders);
      running--;
      runs++;
      // Asked to stop while the second run's build is under way: that run finishes first.
      if (runs === 1) site.publish('Second story of the day');
      else stop('SIGTERM');
    };
    const run = await sync('wordpress', site.api, ['--watch', '1'], {
      build,
      onStop: (listener) => {
        stop = listener;
        return () => undefined;
      },
    });
    expect(run.code).toBe(0);
    expect(most).toBe(1);
    expect(run.stdout.filter((line) => line.startsWith('published'))).toEqual([
      expect.stringMatching(/flooding-closes-lagos-ports/),
      expect.stringMatching(/second-story-of-the-day/),
    ]);
    expect(run.stdout.slice(-4)).toEqual([
      'SIGTERM: stopping after the run under way',
      expect.stringMatching(/^published \/second-story-of-the-day\//),
      expect.stringMatching(/: 1 published/),
      'sync stopped',
    ]);
    expect(await hasSiteArticle('second-story-of-the-day')).toBe(true);
  });
});

type Feed = { url: string; state: { text: string } };

/** Serves a recorded feed as it was recorded, with the changes `test` makes, then stops. */
async function withFeed(file: string, type: string, test: (feed: Feed) => Promise<void>) {
  const state = { text: await real(file) };
  const server: TestServer = await startServer((url) => {
    if (url.pathname.startsWith('/mirror/')) return mirrorImage(url);
    if (url.pathname !== `/${file}`) return undefined;
    return {
      status: 200,
      headers: { 'content-type': type },
      body: mirrored(state.text, url.origin),
    };
  });
  try {
    await test({ state, url: `${server.origin}/${file}` });
  } finally {
    await server.close();
  }
}

describe('npm run sync -- rss', () => {
  it('publishes a new item; an item that leaves the feed stays published', async () => {
    await withFeed('rss-manton-wordpress.xml', 'application/rss+xml', async ({ state, url }) => {
      const first = await sync('rss', url);
      expect(first.code, first.stderr.join('\n')).toBe(0);
      const before = await articles();
      expect(before).toHaveLength(10);
      const item = `<item>
		<title>Micro.blog opens to everyone</title>
		<link>http://www.manton.org/2015/09/3080.html</link>
		<pubDate>Sat, 26 Sep 2015 09:00:00 +0000</pubDate>
		<dc:creator><![CDATA[manton]]></dc:creator>
		<guid isPermaLink="false">http://www.manton.org/?p=3080</guid>
		<description><![CDATA[Anyone can now sign up.]]></description>
		<content:encoded><![CDATA[<p>Anyone can now sign up for Micro.blog.</p>]]></content:encoded>
	</item>
	`;
      // The new item on top, and the oldest one out of the feed's window.
      const last = state.text.lastIndexOf('<item>');
      state.text =
        state.text.slice(0, last).replace('<item>', `${item}<item>`) + '</channel></rss>';
      const run = await sync('rss', url);
      expect(run.code, run.stderr.join('\n')).toBe(0);
      expect(run.stdout).toEqual([
        expect.stringMatching(/^published \/3080\/ {2}Micro\.blog opens to everyone {2}/),
        expect.stringMatching(/: 1 published, 0 updated, 0 removed, 0 problems; site built/),
      ]);
      expect(await articles()).toEqual([...before, '3080.md'].sort());
      expect((await siteArticle('3080')).title).toBe('Micro.blog opens to everyone');
    });
  });
});

describe('npm run sync -- jsonfeed', () => {
  it('publishes a new item, and updates one whose date_modified changed', async () => {
    await withFeed('jsonfeed-3960-de.json', 'application/feed+json', async ({ state, url }) => {
      const first = await sync('jsonfeed', url);
      expect(first.code, first.stderr.join('\n')).toBe(0);
      expect(await articles()).toHaveLength(20);
      const feed = JSON.parse(state.text) as { items: Record<string, unknown>[] };
      const [newest] = feed.items;
      feed.items.unshift({
        id: 'user/posts/2020-03-01-neues/index.md',
        url: 'https://journal.3960.org/posts/2020-03-01-neues/',
        title: 'Neues aus dem Blog',
        content_html: '<p>Es gibt Neues.</p>',
        date_published: '2020-03-01T10:00:00+01:00',
        language: 'de-DE',
        tags: ['Blog'],
      });
      Object.assign(newest ?? {}, {
        title: 'Lecker, lecker (korrigiert)',
        date_modified: '2020-03-01T11:00:00+01:00',
      });
      state.text = JSON.stringify(feed);
      const run = await sync('jsonfeed', url);
      expect(run.code, run.stderr.join('\n')).toBe(0);
      expect(run.stdout).toEqual([
        expect.stringMatching(/^published \/2020-03-01-neues\/ {2}Neues aus dem Blog/),
        expect.stringMatching(
          /^updated {3}\/2020-02-21-lecker-lecker\/ {2}Lecker, lecker \(korrigiert\)/,
        ),
        expect.stringMatching(/: 1 published, 1 updated, 0 removed, 0 problems; site built/),
      ]);
      expect((await siteArticle('2020-03-01-neues')).title).toBe('Neues aus dem Blog');
    });
  });
});
