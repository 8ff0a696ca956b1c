/**
 * `npm run bench:web`: how the built reader loads and navigates, in Debian's Chromium.
 *
 * 1. Builds the site (`npm run build`) and serves `dist/` as static files.
 * 2. Lighthouse (mobile, its default simulated slow 4G and 4x CPU slowdown), median of
 *    `--runs` runs, on the home page and the seed article: the four category scores, LCP, CLS
 *    and TBT.
 * 3. The physical limit, in the same run: a hand-written HTML page of the seed article with
 *    no JavaScript and the same hero image; the ratio of our LCP to its LCP.
 * 4. A READ link followed on a throttled phone profile (4x CPU slowdown, slow 4G: 150 ms, 1.6
 *    Mbps down, 750 kbps up): the time from the click to the related article's heading
 *    painted (its Element Timing render time), after the reader hovered the link (as a
 *    finger or mouse does before it clicks), median of `--runs`.
 * 5. The JavaScript each page downloads before it is interactive (gzipped bytes).
 * 6. Lighthouse's own command line, as a site owner runs it (`lighthouse URL
 *    --chrome-flags="--headless=new --no-sandbox"`, a fresh Chromium each run, Debian's),
 *    median of `--runs`, on the same three pages: performance and TBT.
 *
 * Not part of `npm test`: figures depend on the machine.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, cp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, chromiumExecutable } from '../chromium.ts';
import { startStaticServer } from '../serve-static.ts';
import { repoRoot } from './runners.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const log = (line: string) => {
  console.error(`[web bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
};
const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const SEED = '20230809-uk-turkiye-strike-deal-to-disrupt-and-dismantle-human-smuggling-gangs';
const dist = path.join(repoRoot, 'dist');

if (!values['skip-build']) {
  log('npm run build ...');
  const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
}

/** The seed article as the least a browser could be sent: its HTML and hero, no JavaScript. */
async function writeLimitPage(dir: string): Promise<void> {
  const article = JSON.parse(
    await readFile(path.join(dist, 'api', 'articles', `${SEED}.json`), 'utf8'),
  ) as {
    title: string;
    standfirst: string;
    image: {
      src: string;
      alt: string;
      width: number;
      height: number;
      caption?: string;
      credit?: string;
    };
    body: { type: string; content?: { text?: string; children?: { text: string }[] }[] }[];
  };
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const paragraphs = article.body
    .filter((block) => block.type === 'paragraph')
    .map(
      (block) =>
        `<p>${escape((block.content ?? []).map((run) => run.text ?? run.children?.map((child) => child.text).join('') ?? '').join(''))}</p>`,
    )
    .join('\n');
  const { image } = article;
  await mkdir(path.join(dir, 'limit'), { recursive: true });
  await cp(path.join(dist, image.src), path.join(dir, image.src));
  await writeFile(
    path.join(dir, 'limit', 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(article.title)}</title><meta name="description" content="${escape(article.standfirst)}"><style>body{margin:0 auto;max-width:40rem;padding:1rem;font:1.1rem/1.6 Georgia,serif}img{max-width:100%;height:auto}h1{line-height:1.2}</style></head><body><main><h1>${escape(article.title)}</h1><p>${escape(article.standfirst)}</p><figure><img src="${image.src}" alt="${escape(image.alt)}" width="${image.width}" height="${image.height}" fetchpriority="high"><figcaption>${escape(image.caption ?? '')} [${escape(image.credit ?? '')}]</figcaption></figure>${paragraphs}</main></body></html>`,
  );
}

type LighthouseFigures = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcp: number;
  cls: number;
  tbt: number;
};

async function runLighthouse(url: string, port: number): Promise<LighthouseFigures> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  if (result === undefined) throw new Error(`lighthouse gave no result for ${url}`);
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcp: numeric('largest-contentful-paint'),
    cls: numeric('cumulative-layout-shift'),
    tbt: numeric('total-blocking-time'),
  };
}

function medianFigures(all: LighthouseFigures[]): LighthouseFigures {
  const pick = (key: keyof LighthouseFigures) => median(all.map((figures) => figures[key]));
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    bestPractices: pick('bestPractices'),
    seo: pick('seo'),
    lcp: pick('lcp'),
    cls: pick('cls'),
    tbt: pick('tbt'),
  };
}

/** Milliseconds from clicking the seed's first READ link to the related heading on screen. */
async function readLinkPaint(browser: Browser, baseUrl: string): Promise<number> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    isMobile: true,
    hasTouch: false,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${baseUrl}${SEED}/`, { waitUntil: 'networkidle' });
  // The app starts after the load event (public/boot.js); until then links are plain links.
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
  const link = page.locator('.read-link a').first();
  const target = (await link.textContent()) ?? '';
  await link.hover();
  await page.waitForLoadState('networkidle');
  // The headline's own paint, as the browser reports it (Element Timing: the article's h1
  // carries elementtiming="article-title"), against the click's event time.
  await page.evaluate((title) => {
    const marks = window as unknown as { clickedAt?: number; paintedAt?: number };
    addEventListener('click', (event) => (marks.clickedAt = event.timeStamp), {
      capture: true,
      once: true,
    });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        identifier: string;
        renderTime: number;
        element: Element | null;
      })[]) {
        if (entry.identifier === 'article-title' && entry.element?.textContent === title) {
          marks.paintedAt = entry.renderTime;
        }
      }
    }).observe({ type: 'element' });
  }, target);
  await link.click();
  const elapsed = await page
    .waitForFunction(() => {
      const marks = window as unknown as { clickedAt?: number; paintedAt?: number };
      return marks.paintedAt !== undefined && marks.clickedAt !== undefined
        ? marks.paintedAt - marks.clickedAt
        : undefined;
    })
    .then((handle) => handle.jsonValue());
  await context.close();
  return elapsed ?? Number.NaN;
}

/** Gzipped JavaScript a page downloads until the app runs it and the network is quiet. */
async function javaScriptBytes(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script')
      sizes.push(request.sizes().then((size) => size.responseBodySize));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForFunction(() => document.documentElement.dataset.app === 'ready');
  const total = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  await context.close();
  return total;
}

/**
 * One run of Lighthouse's command line on `url`: its performance score and TBT. Run apart
 * (never synchronously: this process serves the pages it loads).
 */
async function runLighthouseCli(url: string): Promise<{ performance: number; tbt: number }> {
  const { stdout: output } = await promisify(execFile)(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules', 'lighthouse', 'cli', 'index.js'),
      url,
      `--chrome-flags=--headless=new --no-sandbox ${CHROMIUM_ARGS.join(' ')}`,
      '--only-categories=performance',
      '--output=json',
      '--output-path=stdout',
      '--quiet',
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, CHROME_PATH: chromiumExecutable() },
    },
  );
  const report = JSON.parse(output) as {
    categories: { performance: { score: number } };
    audits: Record<string, { numericValue?: number }>;
  };
  return {
    performance: Math.round(report.categories.performance.score * 100),
    tbt: report.audits['total-blocking-time']?.numericValue ?? Number.NaN,
  };
}

const lighthouseVersion = (
  JSON.parse(
    await readFile(path.join(repoRoot, 'node_modules', 'lighthouse', 'package.json'), 'utf8'),
  ) as { version: string }
).version;
const limitDir = await mkdtemp(path.join(tmpdir(), 'reader-limit-'));
await writeLimitPage(limitDir);
const site = await startStaticServer({ root: dist, port: 0 });
const limit = await startStaticServer({ root: limitDir, port: 0 });
const debuggingPort = 9333;
const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: [...CHROMIUM_ARGS, `--remote-debugging-port=${debuggingPort}`],
});
try {
  const pages = [
    { name: 'home', url: site.url },
    { name: 'seed article', url: `${site.url}${SEED}/` },
    { name: 'hand-written seed page (no JS)', url: `${limit.url}limit/` },
  ];
  const lighthouseRows: { name: string; figures: LighthouseFigures }[] = [];
  for (const { name, url } of pages) {
    const all: LighthouseFigures[] = [];
    for (let run = 0; run < runs; run++) {
      log(`lighthouse ${name}, run ${run + 1} of ${runs}`);
      all.push(await runLighthouse(url, debuggingPort));
    }
    lighthouseRows.push({ name, figures: medianFigures(all) });
  }
  const paints: number[] = [];
  for (let run = 0; run < runs; run++) {
    log(`READ link, run ${run + 1} of ${runs}`);
    paints.push(await readLinkPaint(browser, site.url));
  }
  const cliRows: { name: string; performance: number; tbt: number }[] = [];
  for (const { name, url } of pages) {
    const all: { performance: number; tbt: number }[] = [];
    for (let run = 0; run < runs; run++) {
      log(`lighthouse CLI ${name}, run ${run + 1} of ${runs}`);
      all.push(await runLighthouseCli(url));
    }
    cliRows.push({
      name,
      performance: median(all.map((figures) => figures.performance)),
      tbt: median(all.map((figures) => figures.tbt)),
    });
  }
  const homeJs = await javaScriptBytes(browser, site.url);
  const articleJs = await javaScriptBytes(browser, `${site.url}${SEED}/`);

  console.log(
    `Lighthouse ${lighthouseVersion} mobile (simulated slow 4G, 4x CPU), median of ${runs} runs:`,
  );
  console.log('');
  console.log('| page | performance | accessibility | best practices | SEO | LCP | CLS | TBT |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const { name, figures } of lighthouseRows) {
    console.log(
      `| ${name} | ${figures.performance} | ${figures.accessibility} | ${figures.bestPractices} | ${figures.seo} | ${Math.round(figures.lcp)} ms | ${figures.cls.toFixed(3)} | ${Math.round(figures.tbt)} ms |`,
    );
  }
  console.log('');
  console.log(
    `Lighthouse ${lighthouseVersion} command line (a fresh Chromium each run), median of ${runs} runs:`,
  );
  console.log('');
  console.log('| page | performance | TBT |');
  console.log('| --- | ---: | ---: |');
  for (const { name, performance, tbt } of cliRows) {
    console.log(`| ${name} | ${performance} | ${Math.round(tbt)} ms |`);
  }
  const ours = lighthouseRows[1]?.figures.lcp ?? Number.NaN;
  const floor = lighthouseRows[2]?.figures.lcp ?? Number.NaN;
  console.log('');
  console.log(
    `Seed article LCP against the hand-written page: ${(ours / floor).toFixed(2)}x (goal 1.10x).`,
  );
  console.log(
    `READ link click to the related heading on screen (4x CPU, slow 4G, after hover): median ${Math.round(median(paints))} ms of ${paints.map((paint) => Math.round(paint)).join(', ')}.`,
  );
  console.log(
    `JavaScript downloaded (gzipped): home ${(homeJs / 1024).toFixed(1)} KB, article ${(articleJs / 1024).toFixed(1)} KB.`,
  );
} finally {
  await browser.close();
  await site.close();
  await limit.close();
  await rm(limitDir, { recursive: true, force: true });
}
