/**
 * `npm run bench:search`: the search index for a generated archive (100,000 articles by
 * default), built and then used in Debian's Chromium, as a reader would:
 *
 * - the index build: time, and the index's size on disk (files and bytes);
 * - a publish, an edit and an unpublish taken in one at a time (decision 020): time, and the
 *   files and bytes rewritten; the same publish once the recent segment is nearly full, and
 *   the fold that empties it;
 * - a first query on a freshly opened page, with the segment nearly full (its largest): the bytes the browser downloads once the reader
 *   focuses the search box (index files, and the articles the results show, gzipped as the
 *   bench's static server and any CDN sends them), and the time from the last keystroke in
 *   the header's search box to the first frame that shows a result, by the page's clock.
 *
 * The app comes from `dist/` (run `npm run build` first); the content is built from the
 * corpus with the content build's CLI. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../chromium.ts';
import { SEARCH_INDEX_DIR } from '../../src/contract/search-index.ts';
import type { Article } from '../../src/contract/article.ts';
import { buildSearchIndexFromApi } from '../search/search-index.ts';
import {
  SEGMENT_LIMITS,
  updateSearchIndex,
  type SearchIndexUpdate,
} from '../search/update-search-index.ts';
import { startStaticServer } from '../serve-static.ts';
import { benchRoot, ensureCorpus } from './corpus-cache.ts';
import { repoRoot } from './runners.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    queries: { type: 'string', default: 'ceasefire,Khartoum,harvest prices' },
    runs: { type: 'string', default: '3' },
    /** Articles put into the segment before the browser's queries: nearly its limit. */
    segment: { type: 'string', default: String(SEGMENT_LIMITS.articles - 10) },
  },
});
const size = Number(values.articles);
const runs = Number(values.runs);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const queries = values.queries.split(',').map((query) => query.trim());
const log = (line: string) => {
  console.error(`[search bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
};

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

type Marks = { lastKeyAt?: number; firstResultMs?: number };

/**
 * Runs in the page: the time from the last keystroke to the frame that first shows a
 * result, taken by the page's own clock (the test driver's polling would add its own).
 */
function markFirstResult() {
  const marks = window as unknown as Marks;
  addEventListener(
    'keydown',
    (event) => {
      marks.lastKeyAt = event.timeStamp;
    },
    true,
  );
  const observer = new MutationObserver(() => {
    if (marks.lastKeyAt === undefined || document.querySelector('.search-result') === null) return;
    observer.disconnect();
    const typed = marks.lastKeyAt;
    requestAnimationFrame(() => {
      setTimeout(() => {
        marks.firstResultMs = performance.now() - typed;
      }, 0);
    });
  });
  observer.observe(document, { subtree: true, childList: true });
}

const dist = path.join(repoRoot, 'dist');
await stat(path.join(dist, 'index.html')).catch(() => {
  throw new Error('No dist/index.html: run "npm run build" first.');
});
const corpus = await ensureCorpus(size, values.seed, log);
const site = path.join(benchRoot, `search-site-${size}`);
await rm(site, { recursive: true, force: true });
await mkdir(site, { recursive: true });

log(`content build of ${size} articles ...`);
const content = spawnSync(
  process.execPath,
  [path.join(repoRoot, 'scripts/content/build.ts'), '--content', corpus, '--out', site, '--json'],
  { cwd: benchRoot, encoding: 'utf8' },
);
if (content.status !== 0) throw new Error(`content build failed: ${content.stderr}`);
for (const name of ['index.html', 'assets'])
  await cp(path.join(dist, name), path.join(site, name), { recursive: true });

log('search index ...');
const started = performance.now();
const indexDir = path.join(site, 'api', SEARCH_INDEX_DIR);
const { count, terms } = await buildSearchIndexFromApi(path.join(site, 'api'), indexDir);
const indexMs = performance.now() - started;
const onDisk = await folderSize(indexDir);
log(`indexed ${count} articles in ${(indexMs / 1000).toFixed(1)} s`);

// One article at a time, as a newsroom publishes: a new one, a headline edit, an unpublish.
const articlesDir = path.join(site, 'api', 'articles');
const slugs = (await readdir(articlesDir)).map((name) => name.slice(0, -'.json'.length)).sort();
const template = JSON.parse(
  await readFile(path.join(articlesDir, `${slugs[0] ?? ''}.json`), 'utf8'),
) as Article;
let published = 0;
/** A new article, newer than any, written as the content build writes one. */
async function publish(): Promise<string> {
  published++;
  const slug = `bench-breaking-${published}`;
  const item: Article = {
    ...template,
    slug,
    title: `Breaking ${published}: ceasefire talks resume in Khartoum`,
    published: `${new Date(Date.UTC(2031, 0, 1, 0, published)).toISOString().slice(0, 19)}+00:00`,
  };
  await writeFile(path.join(articlesDir, `${slug}.json`), JSON.stringify(item));
  return slug;
}
async function timed(
  what: string,
  change: () => Promise<Parameters<typeof updateSearchIndex>[0]>,
): Promise<string> {
  const options = await change();
  const started = performance.now();
  const update: SearchIndexUpdate = await updateSearchIndex(options);
  const ms = performance.now() - started;
  let bytes = 0;
  for (const file of update.written) bytes += (await stat(path.join(site, file))).size;
  const segment = await readFile(path.join(indexDir, 'recent.json'));
  log(`${what}: ${update.mode} in ${Math.round(ms)} ms`);
  return `| ${what} | ${update.mode === 'full' ? 'whole index' : 'segment'} | ${Math.round(ms).toLocaleString('en')} ms | ${update.written.length} written, ${update.deleted.length} deleted | ${(bytes / 1e3).toFixed(1)} KB | ${update.segmentArticles} articles, ${(segment.length / 1e3).toFixed(1)} KB (${(gzipSync(segment).length / 1e3).toFixed(1)} KB gzipped) |`;
}
const updates: string[] = [];
updates.push(
  await timed('publish a new article', async () => ({ distDir: site, written: [await publish()] })),
);
const edited = slugs[Math.floor(slugs.length / 2)] ?? '';
updates.push(
  await timed('edit a headline', async () => {
    const file = path.join(articlesDir, `${edited}.json`);
    const item = JSON.parse(await readFile(file, 'utf8')) as Article;
    await writeFile(file, JSON.stringify({ ...item, title: `Corrected: ${item.title}` }));
    return { distDir: site, written: [edited] };
  }),
);
updates.push(
  await timed('unpublish an article', async () => {
    const removed = slugs[Math.floor(slugs.length / 3)] ?? '';
    await unlink(path.join(articlesDir, `${removed}.json`));
    return { distDir: site, deleted: [removed] };
  }),
);
const fill = Number(values.segment) - 3;
if (fill > 0) {
  const batch: string[] = [];
  for (let n = 0; n < fill; n++) batch.push(await publish());
  await updateSearchIndex({ distDir: site, written: batch });
  updates.push(
    await timed('publish, segment nearly full', async () => ({
      distDir: site,
      written: [await publish()],
    })),
  );
}

const server = await startStaticServer({ root: site, port: 0 });
const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: CHROMIUM_ARGS,
});
const rows: string[] = [];
try {
  for (const query of queries) {
    const times: number[] = [];
    let measured = { total: '', indexBytes: 0, allBytes: 0, before: 0, files: 0 };
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(markFirstResult);
      let focused = false;
      const sizes: Promise<{ index: boolean; bytes: number; before: boolean }>[] = [];
      page.on('requestfinished', (request) => {
        const before = !focused;
        const index = request.url().includes(`/api/${SEARCH_INDEX_DIR}/`);
        sizes.push(
          request.sizes().then((size) => ({
            index,
            before,
            bytes: size.responseBodySize + size.responseHeadersSize,
          })),
        );
      });
      await page.goto(server.url, { waitUntil: 'networkidle' });
      const box = page.getByRole('searchbox', { name: 'Search articles' });
      const settled = sizes.length;
      focused = true;
      await box.click();
      await box.pressSequentially(query);
      await page.locator('.search-result').first().waitFor({ timeout: 30_000 });
      times.push(
        await page
          .waitForFunction(() => (window as unknown as Marks).firstResultMs)
          .then(async (handle) => (await handle.jsonValue()) ?? 0),
      );
      await page.waitForLoadState('networkidle');
      const all = await Promise.all(sizes);
      const after = all.slice(settled);
      measured = {
        total: (await page.getByRole('status').textContent()) ?? '',
        indexBytes: after.filter((size) => size.index).reduce((sum, size) => sum + size.bytes, 0),
        allBytes: after.reduce((sum, size) => sum + size.bytes, 0),
        files: after.length,
        before: all
          .slice(0, settled)
          .filter((size) => size.index)
          .reduce((sum, size) => sum + size.bytes, 0),
      };
      await context.close();
    }
    rows.push(
      `| ${query} | ${measured.total} | ${Math.round(median(times))} ms | ${(measured.allBytes / 1e3).toFixed(1)} KB in ${measured.files} files | ${(measured.indexBytes / 1e3).toFixed(1)} KB | ${measured.before} B |`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`Search over ${count.toLocaleString('en')} generated articles (seed ${values.seed}).`);
console.log(
  `Index: built in ${(indexMs / 1000).toFixed(1)} s (reading the article JSON included); ${terms.toLocaleString('en')} terms; ${onDisk.files.toLocaleString('en')} files, ${(onDisk.bytes / 1e6).toFixed(1)} MB on disk (before gzip).`,
);
console.log(
  `First query on a freshly opened page, typed into the header box in Chromium, the recent segment holding ${published} articles (time: median of ${runs} runs):`,
);
console.log('');
console.log(
  '| query | results | keystroke to first result | downloaded after focusing the box | of which index | index before focusing |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
console.log('');
console.log('The time includes the 100 ms the box waits for typing to pause.');

updates.push(
  await timed('fold the segment (--fold)', () => Promise.resolve({ distDir: site, fold: true })),
);
console.log('');
console.log('Taking articles into the index one at a time (decision 020):');
console.log('');
console.log('| change | rewrote | time | files | bytes rewritten | recent segment after |');
console.log('| --- | --- | ---: | ---: | ---: | --- |');
for (const row of updates) console.log(row);
await rm(site, { recursive: true, force: true });
