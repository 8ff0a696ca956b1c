/**
 * `npm run sync -- <wordpress|jsonfeed|rss> <source> [options]`: brings the content folder and
 * the site up to date with a newsroom's source (run-sync.ts), once or, with `--watch`, every
 * so many seconds. What was published, updated and removed goes to stdout, one line each,
 * then a summary line; problems go to stderr. Exit code: 0 done, 1 failed (nothing
 * published), 2 wrong command line, 3 published with problems (a post left out).
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  number,
  OPTIONS_HELP,
  parseCommand,
  SOURCES_HELP,
  UsageError,
  type CliIo,
} from '../import/cli.ts';
import { visibleControls } from '../lib/visible-controls.ts';
import { buildSite, type SiteBuild } from './build-site.ts';
import { runSync, UNPUBLISHED, type ArticleChange, type SyncResult } from './run-sync.ts';

export const USAGE = `Usage: npm run sync -- <kind> <source> [options]

${SOURCES_HELP}

Sync options:
  --site DIR           the site's output folder, built after each change (default: dist)
  --watch SECONDS      sync again SECONDS after each run ends, until stopped (Ctrl-C or
                       SIGTERM: the run under way finishes first; asked twice, at once)
  --reconcile-every N  WordPress: list the ids of every published post at least every N
                       runs, to find posts deleted or unpublished (default: 10); every run
                       also compares the site's post count, which finds most at once

${OPTIONS_HELP}`;

export type SyncDeps = {
  /** The site build (default: build-site.ts). */
  build?: SiteBuild;
  /**
   * Calls `stop` when the process is asked to stop; returns how to stop listening. Default:
   * SIGINT and SIGTERM.
   */
  onStop?: (stop: (reason: string) => void) => () => void;
};

const EXIT = { done: 0, failed: 1, usage: 2, partial: 3 } as const;

export async function main(argv: string[], terminal: CliIo, deps: SyncDeps = {}): Promise<number> {
  const io: CliIo = {
    log: (line) => terminal.log(visibleControls(line, { keepLineFeeds: true })),
    warn: (line) => terminal.warn(visibleControls(line, { keepLineFeeds: true })),
  };
  let parsed;
  let watchSeconds: number | undefined;
  let reconcileEvery: number;
  try {
    parsed = parseCommand(argv, {
      site: { type: 'string', default: 'dist' },
      watch: { type: 'string' },
      'reconcile-every': { type: 'string', default: '10' },
    });
    const { values } = parsed;
    watchSeconds = values.watch === undefined ? undefined : number('--watch', values.watch, 1);
    reconcileEvery = Math.trunc(number('--reconcile-every', values['reconcile-every'], 1));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.warn(error.message);
    io.warn(USAGE);
    return EXIT.usage;
  }
  const { command, values } = parsed;
  const options = {
    command,
    siteDir: values.site,
    reconcileEvery,
    build: deps.build ?? buildSite,
  };
  const once = async () => {
    const started = performance.now();
    const result = await runSync(options);
    report(result, command.location, performance.now() - started, io);
    return result.status === 'failed'
      ? EXIT.failed
      : result.status === 'partial'
        ? EXIT.partial
        : EXIT.done;
  };
  if (watchSeconds === undefined) return once();

  // Runs never overlap: the pause starts when a run ends.
  const stopping = new AbortController();
  const unlisten = (deps.onStop ?? onSignals)((reason) => {
    if (stopping.signal.aborted) return;
    io.log(`${reason}: stopping after the run under way`);
    stopping.abort();
  });
  try {
    while (!stopping.signal.aborted) {
      const code = await once();
      if (stopping.signal.aborted) break;
      if (code === EXIT.failed) io.warn(`the sync failed; trying again in ${watchSeconds} s`);
      await sleep(watchSeconds * 1000, undefined, { signal: stopping.signal }).catch(
        () => undefined,
      );
    }
    io.log('sync stopped');
    return EXIT.done;
  } finally {
    unlisten();
  }
}

function onSignals(stop: (reason: string) => void): () => void {
  let asked = false;
  const listener = (signal: NodeJS.Signals) => {
    if (asked) {
      // Asked twice: at once. The next run builds whatever this one had changed.
      console.error(`${signal} again: stopped at once; the next sync finishes this one's work`);
      process.exit(130);
    }
    asked = true;
    stop(signal);
  };
  process.on('SIGINT', listener);
  process.on('SIGTERM', listener);
  return () => {
    process.off('SIGINT', listener);
    process.off('SIGTERM', listener);
  };
}

/** One line per article, then the summary; problems and notes on stderr. */
function report(result: SyncResult, source: string, ms: number, io: CliIo): void {
  // Inside the working folder as a short path, elsewhere as it is.
  const shown = (file: string) => {
    const relative = path.relative(process.cwd(), file);
    return relative === '' || relative.startsWith('..') ? file : relative;
  };
  const line = (verb: string, change: ArticleChange, where: string) =>
    io.log(`${verb.padEnd(9)} /${change.slug}/  ${change.title}  (${where})`);
  result.published.forEach((change) => line('published', change, shown(change.file)));
  result.updated.forEach((change) => line('updated', change, shown(change.file)));
  result.removed.forEach((change) =>
    line(
      'removed',
      change,
      `moved to ${shown(path.join(path.dirname(change.file), '..', UNPUBLISHED, `${change.slug}.md`))}`,
    ),
  );
  result.notes.forEach((note) => io.warn(`note: ${note}`));
  result.problems.forEach((problem) => io.warn(`problem: ${problem}`));
  const seconds = `${(ms / 1000).toFixed(1)} s`;
  if (result.status === 'failed') {
    io.warn(`sync ${source} failed after ${seconds}: ${result.failure ?? 'no reason given'}`);
    return;
  }
  const counts = [
    `${result.published.length} published`,
    `${result.updated.length} updated`,
    `${result.removed.length} removed`,
    `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`,
  ].join(', ');
  io.log(
    result.status === 'unchanged'
      ? `sync ${source}: nothing changed (${seconds})`
      : `sync ${source}: ${counts}; ${result.built ? `site built${siteFiles(result)}` : 'nothing to build'} (${seconds})`,
  );
}

/** ", 14 files written, 2 deleted" when the build said what it changed. */
function siteFiles({ site }: SyncResult): string {
  if (site === undefined) return '';
  return `, ${site.written} file${site.written === 1 ? '' : 's'} written, ${site.deleted} deleted`;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2), {
    log: (line) => console.log(line),
    warn: (line) => console.error(line),
  });
}
