/**
 * One sync of a newsroom's source into the content folder, then the site (decision 021):
 *
 * 1. Read what changed: WordPress posts modified since the last run (`modified_after`); a
 *    feed's items, passing over those whose id and fingerprint the last run recorded.
 * 2. For WordPress, notice what the source no longer publishes: every run asks how many posts
 *    there are, and lists their ids when that count is not what it should be, or every
 *    `--reconcile-every` runs. Ids it lists that were never imported (a scheduled post that
 *    went live, a post that failed before) are fetched too.
 * 3. Check each article as the content build will read it; a bad one is reported by name and
 *    left out, the others go on.
 * 4. Only then change the content folder: write new and edited articles, and move the files of
 *    posts taken down to `unpublished/`, which the build does not read. Only a file this
 *    source imported (`imported_from:`) is ever moved.
 * 5. Build the site. If the build fails, every file is put back as it was, so the content
 *    folder matches the site the readers have, and the next run tries the same changes again.
 * 6. Save what was imported; the next run starts from there.
 *
 * A source that cannot be read stops the run at step 1 or 2, before anything is written.
 */
import { mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { readArticleFrontMatter } from '../content/parse-article.ts';
import { readFrontMatter } from '../content/front-matter.ts';
import { formatProblem } from '../content/problem.ts';
import { removeTempFiles, writeFileAtomic } from '../import/atomic-file.ts';
import { sourceFor, type SourceCommand } from '../import/cli.ts';
import { ImportError } from '../import/import-error.ts';
import { stateDir } from '../import/state.ts';
import type { ImportedArticle, ItemOrigin } from '../import/imported-article.ts';
import { articleWriter, readPages } from '../import/run-import.ts';
import type { ImportSource } from '../import/source.ts';
import { claimOf, readExisting, renderArticle } from '../import/write-article.ts';
import type { SiteBuild } from './build-site.ts';
import { LockedError, takeLock } from './sync-lock.ts';
import { loadSyncState, saveSyncState, syncStateFile, type SyncState } from './sync-state.ts';
import { postCount, publishedIds, stillPublished } from './wordpress-ids.ts';

export type SyncOptions = {
  command: SourceCommand;
  /** The site's output folder. */
  siteDir: string;
  /** List every WordPress id at least every this many runs (1: every run). */
  reconcileEvery: number;
  build: SiteBuild;
};

/** An article the run published, updated or removed. */
export type ArticleChange = { title: string; slug: string; file: string };

export type SyncResult = {
  /** `failed`: nothing was published; `partial`: published, with problems. */
  status: 'published' | 'unchanged' | 'partial' | 'failed';
  published: ArticleChange[];
  updated: ArticleChange[];
  removed: ArticleChange[];
  /** Posts left out, files left alone, a reconcile that could not finish: one line each. */
  problems: string[];
  /** What the importer noted and did anyway (a tag left out, a photo without its size). */
  notes: string[];
  /** Why the run failed, when it did. */
  failure?: string;
  /** Whether the site was built. */
  built: boolean;
  /** The output files the build wrote and deleted, from its change list, when it keeps one. */
  site?: { written: number; deleted: number };
};

/** Where the files of posts taken down are moved: beside `articles/`, out of the build's reach. */
export const UNPUBLISHED = 'unpublished';

/**
 * How far back each WordPress run asks: `modified_after` is exclusive, and a post saved in
 * the same minute as the newest one seen could otherwise be missed. What comes again is
 * passed over by its fingerprint before its body or photos are read.
 */
const OVERLAP_MS = 60_000;

/** Present while the content folder may hold changes the site was not built with. */
export function unbuiltMarker(contentDir: string): string {
  return path.join(stateDir(contentDir), 'sync-unbuilt');
}

/** A change to the content folder, and how to undo it. */
type Undo = { file: string; previous?: string | undefined; movedTo?: string };

export async function runSync(options: SyncOptions): Promise<SyncResult> {
  const { command } = options;
  const contentDir = command.out;
  const articlesDir = path.join(contentDir, 'articles');
  await mkdir(articlesDir, { recursive: true });
  const result: SyncResult = {
    status: 'unchanged',
    published: [],
    updated: [],
    removed: [],
    problems: [],
    notes: [],
    built: false,
  };
  // A source read twice in a run (its changes, then posts found missing) says things twice.
  const once = (lines: string[]) => (line: string) => {
    if (!lines.includes(line)) lines.push(line);
  };
  const problem = once(result.problems);
  const note = once(result.notes);
  let release: (() => Promise<void>) | undefined;
  try {
    release = await takeLock(contentDir);
    await removeTempFiles(articlesDir);
    const stateFile = syncStateFile(contentDir, JSON.stringify([command.kind, command.location]));
    const state = await loadSyncState(stateFile, problem);
    const items = new Map(Object.entries(state?.items ?? {}));
    const onDisk = new Set(await readdir(articlesDir));
    // A run stopped between changing the content folder and building (killed, the machine
    // restarted) leaves the site behind the content: this run builds, whatever it finds.
    const unbuilt = unbuiltMarker(contentDir);
    const interrupted = await readExisting(unbuilt).then((text) => text !== undefined);
    if (interrupted)
      note('the last sync stopped before its site build ended; the site is built now');
    const isCurrent = (origin: ItemOrigin) => {
      const known = items.get(origin.id);
      return known?.version === origin.version && onDisk.has(`${known.slug}.md`);
    };

    // 1-2: read, writing nothing.
    const read = await readChanges(command, state, items, isCurrent, options.reconcileEvery, note);
    read.problems.forEach(problem);
    // 3: check.
    const good = read.articles.filter((article) => {
      const problems = checkArticle(article);
      problems.forEach((message) =>
        problem(`${article.source ?? article.slug}: ${message}; not published`),
      );
      return problems.length === 0;
    });

    // 4: write.
    await writeFileAtomic(unbuilt, `${new Date().toISOString()}\n`);
    const undo: Undo[] = [];
    const name = read.sourceName;
    const writer = await articleWriter({ name }, articlesDir, { log: note, warn: problem });
    await writer.place(good);
    await writer.finish();
    const slugsById = new Map<string, string>();
    for (const [slug, placed] of writer.outcomes) {
      if (placed.outcome === 'skipped') continue;
      if (placed.article.origin !== undefined) slugsById.set(placed.article.origin.id, slug);
      if (placed.outcome !== 'written') continue;
      const file = path.join(articlesDir, `${slug}.md`);
      undo.push({ file, previous: placed.previous });
      const change = { title: placed.article.title, slug, file };
      (placed.previous === undefined ? result.published : result.updated).push(change);
    }
    // A post whose address changed at the source leaves its old file behind: that goes too.
    const moved = [...slugsById].filter(([id, slug]) => {
      const known = items.get(id)?.slug;
      return known !== undefined && known !== slug;
    });
    const gone = [...read.gone, ...moved.map(([id]) => id)];
    const taken = await takeDown(gone, items, { contentDir, name, undo, problem });
    result.removed.push(...taken.removed);

    // 5: build.
    const built = undo.length > 0 || interrupted;
    if (built) {
      try {
        const started = Date.now();
        await options.build({ contentDir, outDir: options.siteDir });
        const site = await changeList(options.siteDir, started);
        if (site !== undefined) result.site = site;
        result.built = true;
      } catch (error) {
        await putBack(undo);
        // The content is the last built one again, unless it was not even before this run.
        if (!interrupted) await unlink(unbuilt);
        const reason = error instanceof Error ? error.message : String(error);
        return failed(
          result,
          `the site build failed, so nothing was published; the content folder is as it was before this run, and the next run tries again:\n${reason}`,
        );
      }
    }

    await unlink(unbuilt);

    // 6: remember.
    for (const id of taken.ids) items.delete(id);
    for (const placed of writer.outcomes.values()) {
      const { origin } = placed.article;
      const slug = origin === undefined ? undefined : slugsById.get(origin.id);
      if (origin !== undefined && slug !== undefined)
        items.set(origin.id, { slug, version: origin.version });
    }
    await saveSyncState(stateFile, {
      version: 1,
      source: name,
      lastRun: new Date().toISOString(),
      ...(read.modifiedAfter === undefined ? {} : { modifiedAfter: read.modifiedAfter }),
      runsSinceReconcile: read.reconciled ? 0 : (state?.runsSinceReconcile ?? 0) + 1,
      retry: read.retry,
      items: Object.fromEntries([...items].sort(([a], [b]) => a.localeCompare(b))),
    });
    result.status = result.problems.length > 0 ? 'partial' : built ? 'published' : 'unchanged';
    return result;
  } catch (error) {
    // The source is down, or answers what no source should, or another sync runs: nothing
    // was written.
    if (error instanceof LockedError) return failed(result, error.message);
    if (!(error instanceof ImportError)) throw error;
    return failed(result, `${error.message}; nothing was changed, the site is as it was`);
  } finally {
    await release?.();
  }
}

function failed(result: SyncResult, failure: string): SyncResult {
  return { ...result, status: 'failed', published: [], updated: [], removed: [], failure };
}

type Changes = {
  sourceName: string;
  articles: ImportedArticle[];
  /** Ids the source no longer publishes. */
  gone: string[];
  /** WordPress ids that could not be imported, tried again next run. */
  retry: string[];
  problems: string[];
  modifiedAfter?: string;
  reconciled: boolean;
};

async function readChanges(
  command: SourceCommand,
  state: SyncState | undefined,
  items: ReadonlyMap<string, unknown>,
  isCurrent: (origin: ItemOrigin) => boolean,
  reconcileEvery: number,
  note: (line: string) => void,
): Promise<Changes> {
  const problems: string[] = [];
  const articles = new Map<string, ImportedArticle>();
  const withdrawn = new Set<string>();
  const retry = new Set<string>();
  let sourceName = command.location;
  const readAll = async (source: ImportSource) => {
    sourceName = source.name;
    await readPages(source, source.start, {
      onPage: async (page) => {
        page.articles.forEach((article) =>
          articles.set(article.origin?.id ?? `slug:${article.slug}`, article),
        );
        problems.push(...page.skipped);
        page.withdrawn?.forEach((id) => withdrawn.add(id));
        page.skippedIds?.forEach((id) => retry.add(id));
        return Promise.resolve();
      },
    });
  };
  const warn = note;
  const newest = state?.modifiedAfter;
  const since = command.kind === 'wordpress' && newest !== undefined ? earlier(newest) : undefined;
  await readAll(sourceFor(command, warn, since === undefined ? {} : { since }, isCurrent));
  const modifiedAfter = newestOf([...articles.values()], newest);
  // A feed says nothing of what it dropped: an item that leaves its window stays published.
  if (command.kind !== 'wordpress' || state === undefined)
    return {
      sourceName,
      articles: [...articles.values()],
      gone: [],
      retry: [...retry],
      problems,
      ...(modifiedAfter === undefined ? {} : { modifiedAfter }),
      reconciled: state === undefined,
    };

  // Read in this run, imported or not: none of these is missing.
  const seen = new Set([...articles.keys(), ...retry]);
  const expected = new Set([...items.keys(), ...seen, ...state.retry]);
  withdrawn.forEach((id) => expected.delete(id));
  const due = state.runsSinceReconcile + 1 >= reconcileEvery;
  let gone: string[] = [...withdrawn];
  let reconciled = false;
  try {
    const count = due ? undefined : await postCount(command);
    if (due || count !== expected.size) {
      const listed = await publishedIds(command);
      const missing = [...listed].filter((id) => !items.has(id) && !seen.has(id));
      const absent = [...items.keys()].filter((id) => !listed.has(id) && !seen.has(id));
      const remaining = await stillPublished(command, absent);
      gone = [...gone, ...absent.filter((id) => !remaining.has(id))];
      for (let start = 0; start < missing.length; start += 100) {
        const include = missing.slice(start, start + 100).map(Number);
        await readAll(sourceFor(command, warn, { include }, isCurrent));
      }
      reconciled = true;
    } else if (state.retry.length > 0) {
      await readAll(sourceFor(command, warn, { include: state.retry.map(Number) }, isCurrent));
    }
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    // The changes read are published all the same; what was removed is looked for next run.
    problems.push(`${error.message}; posts removed at the source are looked for next run`);
  }
  return {
    sourceName,
    articles: [...articles.values()],
    gone,
    retry: [...retry],
    problems,
    ...(modifiedAfter === undefined ? {} : { modifiedAfter }),
    reconciled,
  };
}

/** The newest modification among `articles` and `since`, as the source wrote it (its offset kept). */
function newestOf(articles: ImportedArticle[], since: string | undefined): string | undefined {
  return [...articles.map((article) => article.modified ?? article.published), since]
    .filter((value) => value !== undefined)
    .reduce<string | undefined>(
      (best, value) => (best === undefined || Date.parse(value) > Date.parse(best) ? value : best),
      undefined,
    );
}

/**
 * `iso` less the overlap, written with the same offset: WordPress compares `modified_after`
 * with the site's local time, so the site's own offset is what it must be given.
 */
export function earlier(iso: string): string {
  const offset = /([+-]\d\d:\d\d|Z)$/.exec(iso)?.[1] ?? 'Z';
  const minutes =
    offset === 'Z'
      ? 0
      : (offset.startsWith('-') ? -1 : 1) *
        (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(Date.parse(iso) - OVERLAP_MS + minutes * 60_000);
  return `${local.toISOString().slice(0, 19)}${offset === 'Z' ? '+00:00' : offset}`;
}

/** What the content build would refuse in the article's front matter, one message each. */
function checkArticle(article: ImportedArticle): string[] {
  const { text } = renderArticle(article, new Set());
  const { problems } = readArticleFrontMatter(`${article.slug}.md`, text);
  return problems.map(formatProblem);
}

/**
 * Moves the files of posts the source no longer publishes to `unpublished/`, each only if
 * this source imported it; returns what was removed and the ids done with.
 */
async function takeDown(
  ids: string[],
  items: ReadonlyMap<string, { slug: string }>,
  context: { contentDir: string; name: string; undo: Undo[]; problem: (line: string) => void },
): Promise<{ removed: ArticleChange[]; ids: string[] }> {
  const removed: ArticleChange[] = [];
  const done: string[] = [];
  const parked = path.join(context.contentDir, UNPUBLISHED);
  for (const id of new Set(ids)) {
    const slug = items.get(id)?.slug;
    if (slug === undefined) continue;
    const file = path.join(context.contentDir, 'articles', `${slug}.md`);
    const text = await readExisting(file);
    done.push(id);
    if (text === undefined || context.undo.some((entry) => entry.file === file)) continue;
    const owner = claimOf(text).importedFrom;
    if (owner !== context.name) {
      context.problem(
        `${path.basename(file)}: ${context.name} no longer publishes it, but ${owner === undefined ? 'it was not imported' : `it was imported from ${owner}`}; left as it is`,
      );
      continue;
    }
    await mkdir(parked, { recursive: true });
    const movedTo = path.join(parked, `${slug}.md`);
    await rename(file, movedTo);
    context.undo.push({ file, previous: text, movedTo });
    const title = readFrontMatter(text)?.data;
    removed.push({ title: titleOf(title) ?? slug, slug, file });
  }
  return { removed, ids: done };
}

function titleOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('title' in data)) return undefined;
  return typeof data.title === 'string' ? data.title : undefined;
}

/**
 * What the build changed, as its change list says (`<site>/.changes/latest.txt`: a line
 * `W <path>` per file written, `D <path>` per file deleted): the files a deploy uploads and
 * a CDN purges. Undefined when the build keeps no list, or left one from an earlier build.
 */
export async function changeList(
  siteDir: string,
  since: number,
): Promise<{ written: number; deleted: number } | undefined> {
  const file = path.join(siteDir, '.changes', 'latest.txt');
  const modified = await stat(file).then(
    (stats) => stats.mtimeMs,
    () => undefined,
  );
  // File times are kept to the second or finer; a list from before this build is not its.
  if (modified === undefined || modified < since - 1000) return undefined;
  const lines = (await readFile(file, 'utf8')).split('\n');
  return {
    written: lines.filter((line) => line.startsWith('W ')).length,
    deleted: lines.filter((line) => line.startsWith('D ')).length,
  };
}

/** Undoes a run's changes to the content folder, the last first. */
async function putBack(undo: Undo[]): Promise<void> {
  for (const entry of [...undo].reverse()) {
    if (entry.movedTo !== undefined) await rename(entry.movedTo, entry.file);
    else if (entry.previous === undefined) await unlink(entry.file).catch(() => undefined);
    else await writeFileAtomic(entry.file, entry.previous);
  }
}
