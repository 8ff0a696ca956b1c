/**
 * The importers against real, publicly recorded responses (test/real/, each described in its
 * README), served by the local test server as the real APIs serve them: WordPress's paging
 * headers, `categories?include=`, the REST index at `/wp-json/`. Image URLs in the served
 * copies point at the same server (as an importer pointed at a mirror would see them), which
 * answers with an image of the width the URL asks for, so nothing is fetched from the internet.
 * Assertions are on the Markdown files written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonFeedSource } from './json-feed.ts';
import { rssSource } from './rss.ts';
import { mirrored, mirrorImage, real, RECORDED_CATEGORIES } from './test/real-mirror.ts';
import { contextFor, importInto, listDir, readArticle, tempContent } from './test/harness.ts';
import { json, startServer, type TestServer } from './test/server.ts';
import { wordpressSource } from './wordpress.ts';
import path from 'node:path';

const HQUARTERS_INDEX = {
  // Stated in test/real/README.md, from the Yoast data trimmed out of the recorded posts.
  name: 'HQuarters Business Residence',
  description: 'HQuarters Apartment Home Office Jalan Asia Afrika Bandung',
  gmt_offset: 7,
  timezone_string: 'Asia/Jakarta',
};

let server: TestServer;
let files: Record<string, string>;
beforeAll(async () => {
  const names = [
    'wordpress-hquarters-posts-author-401.json',
    'wordpress-click9ja-posts.json',
    'rss-guardian-us.xml',
    'rss-hoder-persian.xml',
    'rss-dcrainmaker.xml',
    'rss-manton-wordpress.xml',
    'jsonfeed-daringfireball.json',
    'jsonfeed-3960-de.json',
  ];
  const texts = await Promise.all(names.map(real));
  files = Object.fromEntries(names.map((name, index) => [name, texts[index] ?? '']));
  server = await startServer((url) => {
    const origin = url.origin;
    if (url.pathname.startsWith('/mirror/')) return mirrorImage(url);
    const [, site, ...rest] = url.pathname.split('/');
    const route = rest.join('/');
    if (site === 'hquarters' || site === 'click9ja') {
      const file =
        site === 'hquarters'
          ? 'wordpress-hquarters-posts-author-401.json'
          : 'wordpress-click9ja-posts.json';
      if (route === 'wp-json/' || route === 'wp-json')
        return site === 'hquarters'
          ? json({ ...HQUARTERS_INDEX, url: `${origin}/hquarters`, home: `${origin}/hquarters` })
          : undefined; // click9ja's index was not recorded: imported without a source name.
      if (route === 'feed/' && site === 'hquarters')
        // Not recorded: WordPress's RSS with the language the README states.
        return {
          status: 200,
          headers: { 'content-type': 'application/rss+xml' },
          body: '<?xml version="1.0"?><rss version="2.0"><channel><title>HQuarters Business Residence</title><language>id</language></channel></rss>',
        };
      if (route === 'wp-json/wp/v2/posts') {
        const posts = JSON.parse(mirrored(files[file] ?? '[]', origin)) as unknown[];
        const perPage = Number(url.searchParams.get('per_page'));
        const page = Number(url.searchParams.get('page'));
        return json(posts.slice((page - 1) * perPage, page * perPage), {
          'X-WP-Total': String(posts.length),
          'X-WP-TotalPages': String(Math.ceil(posts.length / perPage)),
        });
      }
      if (route === 'wp-json/wp/v2/categories') {
        // Not recorded: the categories the posts embed, as `include=` returns them.
        const include = (url.searchParams.get('include') ?? '').split(',').map(Number);
        return json(RECORDED_CATEGORIES.filter((category) => include.includes(category.id)));
      }
      return undefined;
    }
    const file = route === '' ? site : undefined;
    const text = file === undefined ? undefined : files[file];
    if (text === undefined) return undefined;
    return {
      status: 200,
      headers: {
        'content-type': file?.endsWith('.json') ? 'application/feed+json' : 'application/rss+xml',
      },
      body: mirrored(text, origin),
    };
  });
});
afterAll(() => server.close());

async function imported(kind: 'rss' | 'jsonfeed', file: string) {
  const out = await tempContent();
  const context = contextFor();
  const location = `${server.origin}/${file}`;
  const source = kind === 'rss' ? rssSource(location, context) : jsonFeedSource(location, context);
  const run = await importInto(out, source, context.warnings);
  return { out, ...run };
}

async function articles(out: string): Promise<Map<string, string>> {
  const names = await listDir(path.join(out, 'articles'));
  const entries = await Promise.all(
    names.map(
      async (name) => [name.slice(0, -3), await readArticle(out, name.slice(0, -3))] as const,
    ),
  );
  return new Map(entries);
}

const field = (markdown: string, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'm').exec(markdown)?.[1];

describe('real WordPress sites', () => {
  it('hquarters.co.id: an author that is an error object gives no byline but the site’s name; the largest hero; the site’s offset', async () => {
    const out = await tempContent();
    const context = contextFor();
    await importInto(
      out,
      wordpressSource({ base: `${server.origin}/hquarters/wp-json`, perPage: 100 }, context),
      context.warnings,
    );
    const written = await articles(out);
    const post = written.get('studio-foto-senjakara-jadi-salah-satu-tenant-di-hquarters') ?? '';
    expect(written.size).toBe(2);
    expect(field(post, 'authors')).toBe('[]');
    expect(field(post, 'source_name')).toBe('HQuarters Business Residence');
    // `date` without `date_gmt` (a `_fields` query): the site's zone gives the offset.
    expect(field(post, 'published')).toBe('2026-01-28T12:01:21+07:00');
    // `full`, 1920x1080, never TranslatePress's 18 px flag.
    expect(post).toMatch(/\n {2}width: 1920\n {2}height: 1080\n/);
    expect(field(post, 'lang')).toBe('id');
    expect(field(post, 'standfirst')).not.toMatch(/\[(?:…|&hellip;)\]$/);
    expect(field(post, 'source')).toBe(`${server.origin}/hquarters/?p=6012`);
    expect(context.warnings).toEqual([]);
  });

  it('click9ja.com: paged by X-WP-TotalPages, a UTC site, sections from categories?include=, and no headline repeated in the body', async () => {
    const out = await tempContent();
    const context = contextFor();
    const { log } = await importInto(
      out,
      wordpressSource({ base: `${server.origin}/click9ja/wp-json`, perPage: 2 }, context),
      context.warnings,
    );
    expect(log).toEqual(['page 1 of 2: 2 articles', 'page 2 of 2: 1 article']);
    const post = await readArticle(
      out,
      'boko-haram-attacks-in-borno-getting-worse-gov-shettima-raises-alarm',
    );
    expect(field(post, 'published')).toBe('2019-01-02T08:19:18+00:00');
    expect(field(post, 'authors')).toBe('[lawizee]');
    // The excerpt opened with the headline, as the body did: the standfirst does not repeat it.
    expect(field(post, 'standfirst')).toMatch(/^Borno state governor, Kashim Shettima/);
    expect(field(post, 'lang')).toBe('en');
    // The index was not recorded: no source name rather than a guess.
    expect(field(post, 'source_name')).toBeUndefined();
    expect(post).toMatch(/\n {2}width: 300\n {2}height: 168\n/);
    const body = post.slice(post.indexOf('\n---\n') + 5);
    expect(body.trimStart().startsWith('###')).toBe(false);
    expect(context.warnings.filter((line) => !line.includes('/wp-json/'))).toEqual([]);
  });
});

describe('real RSS feeds', () => {
  it('The Guardian: the 460 px rendition as hero, measured; Continue reading… left out; en-GB', async () => {
    const { out } = await imported('rss', 'rss-guardian-us.xml');
    const written = await articles(out);
    expect(written.size).toBe(55);
    const story = written.get('donald-trump-state-of-the-union-address-unity-discord') ?? '';
    expect(field(story, 'lang')).toBe('en-GB');
    expect(field(story, 'source_name')).toBe('The Guardian');
    expect(story).toMatch(/src: \S+w=460\S+\n {2}alt: .+\n {2}width: 460\n {2}height: 276\n/);
    for (const markdown of written.values()) {
      expect(markdown).not.toContain('Continue reading');
      expect(markdown).not.toMatch(/w=140&/);
    }
  });

  it('Editor: Myself (Persian): Arabic script wins over the feed’s en-us, and -05:00 is kept', async () => {
    const { out, summary } = await imported('rss', 'rss-hoder-persian.xml');
    expect(summary.written + summary.skipped).toBe(7);
    const written = await articles(out);
    for (const markdown of written.values()) {
      expect(['fa', 'ar']).toContain(field(markdown, 'lang'));
      expect(field(markdown, 'published')).toMatch(/-05:00$/);
    }
  });

  it('DC Rainmaker: YouTube frames become cards, ad frames go, tables stay, no "Read More Here"', async () => {
    const { out } = await imported('rss', 'rss-dcrainmaker.xml');
    const all = [...(await articles(out)).values()].join('\n');
    expect(all).toContain('```embed\nurl: https://www.youtube.com/watch?v=pO663zwHwz8\n```');
    expect(all).not.toContain('amazon-adsystem');
    expect(all).not.toContain('Read More Here');
    expect(all).toMatch(/^\| Item \| Year Announced \| Regular Price \| Review\/Related Post \|$/m);
    expect(field(all, 'source_name')).toBe('DC Rainmaker');
  });

  it('Manton Reece: micro-posts without a title are kept, with distinct slugs', async () => {
    const { out, summary } = await imported('rss', 'rss-manton-wordpress.xml');
    expect(summary).toMatchObject({ written: 10, skipped: 0 });
    const written = await articles(out);
    for (const markdown of written.values()) expect(field(markdown, 'title')).not.toBe('');
  });
});

describe('real JSON Feeds', () => {
  it('Daring Fireball: link posts keep external_url, two markoff-forstall posts get distinct slugs', async () => {
    const { out, summary } = await imported('jsonfeed', 'jsonfeed-daringfireball.json');
    expect(summary).toMatchObject({ written: 48, skipped: 0 });
    const written = await articles(out);
    const newer = written.get('markoff-forstall') ?? '';
    const older = written.get('markoff-forstall-20170615') ?? '';
    expect(field(newer, 'source')).toBe(
      'https://daringfireball.net/linked/2017/06/22/markoff-forstall',
    );
    expect(field(older, 'source')).toBe(
      'https://daringfireball.net/linked/2017/06/15/markoff-forstall',
    );
    const links = [...written.values()].filter((markdown) => field(markdown, 'external_url'));
    expect(links).toHaveLength(42);
    expect(field(newer, 'source_name')).toBe('Daring Fireball');
    expect([...written.values()].join('\n')).not.toContain('★](');

    // Re-run: the same item maps to the same slug.
    const again = await importInto(
      out,
      jsonFeedSource(`${server.origin}/jsonfeed-daringfireball.json`, contextFor()),
    );
    expect(again.summary).toEqual({ written: 0, unchanged: 48, skipped: 0 });
  });

  it('journal.3960.org: plain-text titles, local offsets, de-DE, no tracking pixel, no favicon hero', async () => {
    const { out } = await imported('jsonfeed', 'jsonfeed-3960-de.json');
    const written = await articles(out);
    const comeback = [...written.values()].find((markdown) =>
      markdown.includes('Die Rückkehr von <i> und <b>'),
    );
    expect(field(comeback ?? '', 'title')).toBe('Die Rückkehr von <i> und <b>');
    const all = [...written.values()].join('\n');
    expect(all).not.toContain('p.php?idsite');
    expect(all).not.toContain('favicon-192x192');
    expect(all).toMatch(/^published: 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/m);
    expect(all).toContain('\nlang: de-DE\n');
    expect(all).toContain('external_url: https://css-tricks.com/simple-boring/');
    expect(field(all, 'source_name')).toBe('fboës - Der Blog');
    expect(all).toMatch(/^\| Methode \| jQuery \| JavaScript \| Neues JavaScript \|$/m);
    expect(all).toContain('Table: DOM-Selektions-Methoden, sortiert nach Performance');
    expect(all).toContain('```embed\nurl: https://www.youtube.com/watch?v=ReDDgFfWlS4\n');
  });
});
