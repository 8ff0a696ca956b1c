/**
 * `npm run build:site -- --content DIR --out DIR [--app]`: builds or rebuilds the whole site
 * from a content folder into an output folder, incrementally, in stages: the content is
 * checked (nothing is written if it has problems), the app is built (with `--app`, or when
 * the output folder has none yet), then the content JSON, the search index, the prerendered
 * HTML and the service worker are written. Each stage prints one line with the files it wrote
 * and deleted and its seconds; the build ends by publishing its change list,
 * `<out>/.changes/latest.txt` (decision 023). `npm run build` is this with `--app`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_BUILD_ENV } from '../content/content-plugin.ts';
import { failureReport } from '../content/problem.ts';
import { prepareContent } from '../content/write-content.ts';
import { prerender } from '../prerender/prerender.ts';
import { articleChanges, updateSearchIndex } from '../search/update-search-index.ts';
import {
  changeRecorder,
  changesUnder,
  filesUnder,
  formatChanges,
  publishChanges,
  readPending,
  savePending,
  type ChangeRecorder,
} from './change-list.ts';
import { readRemoved, removedAfter, writeRemoved } from './removed-articles.ts';
import { buildServiceWorker } from './service-worker.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const API = 'api';

export type SiteOptions = {
  contentDir: string;
  outDir: string;
  /** Build the app (Vite's client and server builds) even if the output folder has one. */
  app?: boolean;
  /** Where a stage's line goes; default: standard output. */
  log?: (line: string) => void;
  /** The server build's folder; default `.ssr` for `dist/`, else one in node_modules/.cache. */
  ssrDir?: string;
};

export type StageStats = { stage: string; written: number; deleted: number; seconds: number };

export type SiteStats = { stages: StageStats[]; changes: string; seconds: number };

/** The server build sits inside the repository: it imports the app's packages. */
function ssrDirFor(outDir: string): string {
  if (outDir === path.join(repo, 'dist')) return path.join(repo, '.ssr');
  const key = createHash('sha1').update(outDir).digest('hex').slice(0, 12);
  return path.join(repo, '.cache', 'ssr', key);
}

function run(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: repo,
      // React's production build, whoever runs this (a test runner sets NODE_ENV=test).
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} failed (exit ${code})`)),
    );
  });
}

/** Vite's client build (the app alone) and its server build, for the prerender. */
async function buildApp(outDir: string, ssrDir: string, changes: ChangeRecorder): Promise<void> {
  // Vite writes the assets, index.html, the public folder's files and the host files.
  changes.watch('');
  changes.watch('assets');
  for (const name of filesUnder(path.join(repo, 'public'))) changes.before(name);
  const vite = [path.join(repo, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'];
  const quiet = ['--configLoader', 'native', '--logLevel', 'warn'];
  const env = { [CONTENT_BUILD_ENV]: 'off' };
  await run([...vite, ...quiet, '--outDir', outDir], env);
  await run(
    [...vite, ...quiet, '--ssr', 'src/entry-server.tsx', '--outDir', ssrDir, '--emptyOutDir'],
    env,
  );
}

export async function buildSite(options: SiteOptions): Promise<SiteStats> {
  const started = performance.now();
  const contentDir = path.resolve(options.contentDir);
  const outDir = path.resolve(options.outDir);
  const ssrDir = options.ssrDir ?? ssrDirFor(outDir);
  const log = options.log ?? ((line: string) => console.log(line));
  mkdirSync(outDir, { recursive: true });
  // A build that did not finish left its lines: this one carries them on.
  const changes = changeRecorder(outDir, readPending(outDir));
  const stages: StageStats[] = [];
  const tally = { written: 0, deleted: 0 };
  /** Compares what the stage has written so far; a stage may need its lines before it ends. */
  const settle = () => {
    const settled = changes.settle();
    tally.written += settled.written;
    tally.deleted += settled.deleted;
  };
  const stage = async (name: string, work: () => Promise<string | undefined>) => {
    const begun = performance.now();
    Object.assign(tally, { written: 0, deleted: 0 });
    const note = await work();
    settle();
    const { written, deleted } = tally;
    const seconds = (performance.now() - begun) / 1000;
    stages.push({ stage: name, written, deleted, seconds });
    savePending(outDir, changes.lines());
    log(
      `${name}: ${written} files written, ${deleted} deleted, in ${seconds.toFixed(1)} s${note ? ` (${note})` : ''}`,
    );
  };

  let prepared: Awaited<ReturnType<typeof prepareContent>> | undefined;
  await stage('check', async () => {
    prepared = await prepareContent({
      contentDir,
      outDir,
      rootDir: repo,
      imageBase: '/images/',
      changes,
    });
    return `${prepared.corpusSize} articles`;
  });
  const hasApp =
    existsSync(path.join(outDir, '.app-shell.html')) &&
    existsSync(path.join(ssrDir, 'entry-server.js'));
  const isAppBuilt = options.app === true || !hasApp;
  if (isAppBuilt) {
    await stage('app', async () => {
      await buildApp(outDir, ssrDir, changes);
      return undefined;
    });
  }
  await stage('content', async () => {
    // The staged first build replaces the API folder whole: the list is read before.
    const removedBefore = readRemoved(outDir);
    const stats = await prepared?.write();
    settle();
    const removed = writeRemoved(outDir, removedAfter(removedBefore, changes.lines()), changes);
    return `${stats?.articles ?? 0} articles, ${removed} unpublished; ${stats?.plan ?? 'whole'} plan`;
  });
  await stage('search', async () => {
    // The articles this build wrote and deleted go into the index's recent segment; the main
    // index is rebuilt only when the segment is full or the index is missing (decision 020).
    // The update compares bytes itself and says which files it changed.
    const search = await updateSearchIndex({
      distDir: outDir,
      ...articleChanges(formatChanges(changes.lines())),
    });
    for (const name of search.written) changes.record(name, 'W');
    for (const name of search.deleted) changes.record(name, 'D');
    return search.mode === 'segment'
      ? `recent segment: ${search.segmentArticles} articles`
      : `whole index, ${search.articles} articles: ${search.reason}`;
  });
  await stage('prerender', async () => {
    const stats = await prerender({
      distDir: outDir,
      serverEntry: path.join(ssrDir, 'entry-server.js'),
      apiChanges: changesUnder(changes.lines(), API),
      changes,
    });
    return `${stats.rendered} of ${stats.pages} pages rendered${stats.shells.length > 0 ? `, ${stats.shells.length} shells` : ''}`;
  });
  // The worker precaches the app (its code, shell, manifest and icons: all from the app
  // build) and the list of articles taken down; when none of them changed, it stays as it is.
  const isRemovedChanged = / api\/removed\.json$/m.test(formatChanges(changes.lines()));
  if (isAppBuilt || isRemovedChanged || !existsSync(path.join(outDir, 'sw.js'))) {
    await stage('service worker', async () => {
      changes.before('sw.js');
      changes.before('app-shell.html');
      const stats = await buildServiceWorker(outDir);
      return `${stats.files} files precached`;
    });
  }
  const text = publishChanges(outDir, changes.lines());
  const seconds = (performance.now() - started) / 1000;
  const lines = text === '' ? 0 : text.split('\n').length - 1;
  log(
    `site: ${lines} files changed, in ${seconds.toFixed(1)} s (${path.join(outDir, '.changes', 'latest.txt')})`,
  );
  return { stages, changes: text, seconds };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      content: { type: 'string', default: process.env.READER_CONTENT_DIR ?? 'content' },
      out: { type: 'string', default: 'dist' },
      app: { type: 'boolean', default: false },
    },
  });
  try {
    await buildSite({ contentDir: values.content, outDir: values.out, app: values.app });
  } catch (error) {
    console.error(failureReport('site build', error));
    process.exitCode = 1;
  }
}
