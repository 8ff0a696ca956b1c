/**
 * Prerenders every page of the built site into `dist/` as static HTML (decision 007): the
 * server build of the app (src/entry-server.tsx) runs each page's loaders against the
 * built JSON API, on every core. Given the content build's change list (decision 023), a
 * rebuild renders exactly the pages whose API files were written and deletes those whose
 * files were deleted, unless the app itself (its HTML template or server build) or the
 * section menu every page shows has changed: then, or without a change list, every page.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { runOnWorkers } from '../lib/worker-pool.ts';
import type { PageKind } from '../../src/entry-server.tsx';
import type { ChangeRecorder } from '../build/change-list.ts';
import { listPages, pageFor, type PageSpec } from './pages.ts';
import { parseTemplate, type Template } from './template.ts';

export type PrerenderOptions = {
  distDir: string;
  /** The server build's entry (`.ssr/entry-server.js`). */
  serverEntry: string;
  threads?: number;
  /**
   * The API files (relative to the API folder) the content build wrote and deleted since the
   * last prerender. Without it, every page is rendered.
   */
  apiChanges?: { written: readonly string[]; deleted: readonly string[] };
  /** Told of every file before it is written or deleted (the build's change list). */
  changes?: ChangeRecorder;
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

type Manifest = { app: string; pages: string[] };

/** The section menu: every page shows it. */
const MENU = 'sections.json';

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
  const app = hash(html, readFileSync(serverEntry));
  const previous = readManifest(distDir);
  const { apiChanges } = options;
  const isFull =
    previous?.app !== app ||
    apiChanges === undefined ||
    apiChanges.written.includes(MENU) ||
    apiChanges.deleted.includes(MENU);

  let changed: PageSpec[];
  let gone: string[];
  let current: Set<string>;
  if (isFull) {
    changed = listPages(apiDir);
    current = new Set(changed.map((page) => page.path));
    gone = (previous?.pages ?? []).filter((page) => !current.has(page));
  } else {
    const written = new Map<string, PageSpec>();
    for (const source of apiChanges.written) {
      const page = pageFor(source);
      if (page) written.set(page.path, page);
    }
    // A fresh template replaced index.html, which the home page must replace again.
    if (isFresh && !written.has('/')) written.set('/', { path: '/', sources: ['latest/1.json'] });
    changed = [...written.values()];
    gone = apiChanges.deleted.flatMap((source) => {
      const page = pageFor(source);
      return page && !written.has(page.path) ? [page.path] : [];
    });
    current = new Set(previous.pages);
    for (const page of changed) current.add(page.path);
    for (const page of gone) current.delete(page);
  }
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
  for (const job of jobs) options.changes?.before(job.file);
  await renderOnThreads(jobs, { distDir, serverEntry, template }, options.threads);

  for (const page of gone) {
    options.changes?.before(fileFor(page));
    rmSync(path.join(distDir, fileFor(page)), { force: true });
  }
  // The record of pages (10 MB at 100,000 articles) is written again only when pages came or
  // went: an edit leaves it as it was.
  const isSamePages =
    previous?.app === app && current.size === previous.pages.length && gone.length === 0;
  if (!isSamePages) {
    const manifest: Manifest = { app, pages: [...current] };
    writeFileSync(path.join(distDir, MANIFEST), JSON.stringify(manifest));
  }
  return {
    pages: current.size,
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
