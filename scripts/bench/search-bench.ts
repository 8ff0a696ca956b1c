/**
 * `npm run bench:search`: the search index for a generated archive (100,000 articles by
 * default), built and then used in Debian's Chromium, as a reader would:
 *
 * - the index build: time, and the index's size on disk (files and bytes);
 * - a first query on a freshly opened page: the bytes the browser downloads for search
 *   (everything under /pagefind/), and the time from the last keystroke in the header's
 *   search box to the first result on screen.
 *
 * The app comes from `dist/` (run `npm run build` first); the content is built from the
 * corpus with the content build's CLI. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../chromium.ts';
import { buildSearchIndex, readApiArticles } from '../search/search-index.ts';
import { startStaticServer } from '../serve-static.ts';
import { benchRoot, ensureCorpus } from './corpus-cache.ts';
import { repoRoot } from './runners.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    queries: { type: 'string', default: 'ceasefire,Khartoum,harvest prices' },
    'shard-size': { type: 'string' },
  },
});
const size = Number(values.articles);
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
const { count, shards } = await buildSearchIndex(
  readApiArticles(path.join(site, 'api')),
  path.join(site, 'pagefind'),
  values['shard-size'] === undefined ? undefined : Number(values['shard-size']),
);
const indexMs = performance.now() - started;
const onDisk = await folderSize(path.join(site, 'pagefind'));
log(`indexed ${count} articles in ${(indexMs / 1000).toFixed(1)} s`);

const server = await startStaticServer({ root: site, port: 0 });
const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: CHROMIUM_ARGS,
});
const rows: string[] = [];
try {
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let searchBytes = 0;
    const timeline: string[] = [];
    page.on('requestfinished', (request) => {
      if (!request.url().includes('/pagefind/')) return;
      void request.sizes().then((sizes) => {
        searchBytes += sizes.responseBodySize + sizes.responseHeadersSize;
      });
      if (process.env.SEARCH_BENCH_TRACE === '1') {
        const timing = request.timing();
        timeline.push(
          `${request.url().split('/pagefind/')[1] ?? ''} ${Math.round(timing.startTime % 100000)} +${Math.round(timing.responseEnd)}`,
        );
      }
    });
    await page.goto(server.url, { waitUntil: 'networkidle' });
    const beforeSearch = searchBytes;
    const box = page.getByRole('searchbox', { name: 'Search articles' });
    await box.click();
    await box.pressSequentially(query);
    const typed = performance.now();
    await page.locator('.search-result').first().waitFor({ timeout: 30_000 });
    const firstResultMs = performance.now() - typed;
    if (process.env.SEARCH_BENCH_TRACE === '1')
      log(
        `${query}: typed at ${Math.round((Date.now() - (performance.now() - typed)) % 100000)}; ${timeline.join(' | ')}`,
      );
    const total = await page.getByRole('status').textContent();
    await page.waitForLoadState('networkidle');
    rows.push(
      `| ${query} | ${total ?? ''} | ${Math.round(firstResultMs)} ms | ${(searchBytes / 1e3).toFixed(0)} KB | ${beforeSearch} B |`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`Search over ${count.toLocaleString('en')} generated articles (seed ${values.seed}).`);
console.log(
  `Index: built in ${(indexMs / 1000).toFixed(1)} s (reading the article JSON included), in ${shards} ${shards === 1 ? 'shard' : 'shards'}; ${onDisk.files.toLocaleString('en')} files, ${(onDisk.bytes / 1e6).toFixed(1)} MB on disk.`,
);
console.log('First query on a freshly opened page, typed into the header box in Chromium:');
console.log('');
console.log(
  '| query | results | keystroke to first result | downloaded for search | before searching |',
);
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
console.log('');
console.log('The time includes the 100 ms the box waits for typing to pause.');
await rm(site, { recursive: true, force: true });
