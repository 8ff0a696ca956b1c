/**
 * Prerenders every page of the built site into `dist/` as static HTML (decision 007): the
 * server build of the app (src/entry-server.tsx) runs each page's loaders against the
 * built JSON API, on every core. A rebuild renders only the pages whose API files changed
 * since the last run, unless the app itself (its HTML template or server build) or the
 * section menu every page shows has changed; pages that no longer exist are deleted.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { runOnWorkers } from '../lib/worker-pool.ts';
import type { PageKind } from '../../src/entry-server.tsx';
import { listPages, type PageSpec } from './pages.ts';
import { parseTemplate, type Template } from './template.ts';

export type PrerenderOptions = {
  distDir: string;
  /** The server build's entry (`.ssr/entry-server.js`). */
  serverEntry: string;
  threads?: number;
};

export type PrerenderStats = {
  /** Pages the site has, one for each path (home, list pages, articles, archives). */
  pages: number;
  /** Of those, the pages rendered this run: all of them, or those whose content changed. */
  rendered: number;
  /** The shells written this run (404.html, the search and saved pages), by file. */
  shells: string[];
  /** Pages of the last run that the site no longer has, whose files were deleted. */
  deleted: number;
  ms: number;
};

/** A page to render, and where its HTML goes. */
export type PageJob = { path: string; file: string; kind: PageKind };

type Manifest = { app: string; renderedAt: number; pages: string[] };

const MANIFEST = '.prerender.json';
/** The template as Vite wrote it: the prerendered home page replaces index.html itself. */
const TEMPLATE = '.app-shell.html';

/** Where a page's HTML goes: `/tags/uk/` -> `tags/uk/index.html`. */
export function fileFor(pagePath: string): string {
  return `${decodeURIComponent(pagePath).replace(/^\/+/, '')}index.html`;
}

const hash = (...parts: (string | Buffer)[]) => {
  const digest = createHash('sha256');
  for (const part of parts) digest.update(part);
  return digest.digest('hex');
};

function readManifest(distDir: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(distDir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * The HTML template: index.html fresh from Vite (which the home page must then replace
 * again), else the copy kept from the last build.
 */
function loadTemplate(distDir: string): { html: string; isFresh: boolean } {
  const index = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  if (!index.includes('<div id="root"></div>')) {
    try {
      return { html: readFileSync(path.join(distDir, TEMPLATE), 'utf8'), isFresh: false };
    } catch {
      throw new Error(
        `prerender: ${path.join(distDir, 'index.html')} is a prerendered page and there is no ${TEMPLATE} beside it: run "vite build" first`,
      );
    }
  }
  writeFileSync(path.join(distDir, TEMPLATE), index);
  return { html: index, isFresh: true };
}

export async function prerender(options: PrerenderOptions): Promise<PrerenderStats> {
  const started = performance.now();
  const { distDir, serverEntry } = options;
  const apiDir = path.join(distDir, 'api');
  const { html, isFresh } = loadTemplate(distDir);
  const template = parseTemplate(html);
  const app = hash(
    html,
    readFileSync(serverEntry),
    String(mtimeOf(path.join(apiDir, 'sections.json'))),
  );
  const previous = readManifest(distDir);
  const isFull = previous?.app !== app;

  const pages = listPages(apiDir);
  const changed = isFull
    ? pages
    : pages.filter(
        (page) =>
          (isFresh && page.path === '/') ||
          page.sources.some((source) => mtimeOf(path.join(apiDir, source)) > previous.renderedAt),
      );
  const renderedAt = Date.now();
  // Shells drawn by the browser: their content depends on the URL they are served at. They
  // change only with the app, so only a full run writes them.
  const shells: PageJob[] = isFull
    ? [
        { path: '/search/', file: 'search/index.html', kind: 'shell' },
        { path: '/saved/', file: 'saved/index.html', kind: 'shell' },
        { path: '/404/not-found/', file: '404.html', kind: 'not-found' },
      ]
    : [];
  const jobs: PageJob[] = [
    ...changed.map((page: PageSpec) => ({
      path: page.path,
      file: fileFor(page.path),
      kind: 'page' as const,
    })),
    ...shells,
  ];
  await renderOnThreads(jobs, { distDir, serverEntry, template }, options.threads);

  const current = new Set(pages.map((page) => page.path));
  const gone = (previous?.pages ?? []).filter((page) => !current.has(page));
  for (const page of gone) rmSync(path.join(distDir, fileFor(page)), { force: true });
  const manifest: Manifest = { app, renderedAt, pages: [...current] };
  writeFileSync(path.join(distDir, MANIFEST), JSON.stringify(manifest));
  return {
    pages: pages.length,
    rendered: changed.length,
    shells: shells.map((shell) => shell.file),
    deleted: gone.length,
    ms: performance.now() - started,
  };
}

/**
 * The run in one line: `88 pages (88 rendered, 0 unchanged) and 3 shells (search/index.html,
 * saved/index.html, 404.html): 91 files written, 0 deleted, in 4.1 s`. The shells are not
 * pages of the site's own paths, so they are counted apart, and the files written add up.
 */
export function summary(stats: PrerenderStats): string {
  const pages = `${stats.pages} pages (${stats.rendered} rendered, ${stats.pages - stats.rendered} unchanged)`;
  const shells =
    stats.shells.length === 0
      ? 'shells unchanged'
      : `${stats.shells.length} shells (${stats.shells.join(', ')})`;
  const written = stats.rendered + stats.shells.length;
  return `prerender: ${pages} and ${shells}: ${written} files written, ${stats.deleted} deleted, in ${(stats.ms / 1000).toFixed(1)} s`;
}

/** Pages in batches of 50 on every core, each worker taking the next batch when done. */
async function renderOnThreads(
  jobs: PageJob[],
  input: { distDir: string; serverEntry: string; template: Template },
  threads = availableParallelism(),
): Promise<void> {
  if (jobs.length === 0) return;
  const batch = 50;
  await runOnWorkers(
    (index) =>
      index * batch < jobs.length
        ? { pages: jobs.slice(index * batch, (index + 1) * batch) }
        : undefined,
    () => undefined,
    {
      worker: new URL('./render-worker.ts', import.meta.url),
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
      threads: Math.min(threads, Math.ceil(jobs.length / batch)),
      name: 'prerender worker',
    },
  );
}
