/**
 * The list of output files a build wrote or deleted (decision 023): `dist/.changes/latest.txt`,
 * one `W <path>` or `D <path>` line per file, paths relative to the output folder with `/`,
 * sorted, no duplicates. The prerender reads it to know which pages to render; a deploy reads
 * it as its upload and purge list.
 *
 * A file counts as written only when its bytes changed: each stage tells the recorder which
 * files it is about to write or delete (`before`), the recorder keeps a hash of what each held,
 * and at the end compares it with what each holds. A stage that rewrites a whole folder (the
 * search index, Vite's assets) has the folder watched instead, and a staged first build hands
 * over its whole API folder to be compared with the one it replaces (`compareTrees`).
 *
 * The build's own bookkeeping (any path with a part that begins with a dot: `.changes/`,
 * `api/.content-build`, `.prerender.json`, `.app-shell.html`) is not served and never listed.
 */
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

export const CHANGES_DIR = '.changes';
export const LATEST = 'latest.txt';
/** What a build that has not finished has recorded so far; the next build carries it on. */
export const PENDING = 'pending.txt';
/** How many earlier lists are kept (`.changes/history/`), for a deploy that skipped builds. */
const HISTORY = 50;

export type Change = 'W' | 'D';
export type ChangeLines = Map<string, Change>;

export type ChangeRecorder = {
  /** Call before writing or deleting `name` (relative to the output folder). */
  before(name: string): void;
  /**
   * Call before a stage rewrites a folder as a whole (`''`: the output folder's own files, not
   * its subfolders'): files it adds are found at the end.
   */
  watch(folder: string): void;
  /**
   * Call before `next` replaces `current` (both absolute, holding the output folder's
   * `prefix`): every file that differs between them is recorded. A hard link of the same
   * file counts as unchanged without being read.
   */
  compareTrees(current: string, next: string, prefix: string): void;
  /**
   * A stage that compared the bytes itself (the search index) reports what it wrote or
   * deleted, after the fact: no folder needs fingerprinting before it.
   */
  record(name: string, change: Change): void;
  /**
   * Compares every file noted since the last call with what it held when the build began;
   * returns how many of them now count as written and as deleted.
   */
  settle(): { written: number; deleted: number };
  /** The build's lines so far (with those carried from a build that did not finish). */
  lines(): ChangeLines;
};

const isBookkeeping = (name: string) => name.split('/').some((part) => part.startsWith('.'));

function fingerprint(file: string): string | null {
  try {
    return createHash('sha1').update(readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

/** Every file under `dir`, relative to it with `/` (with `isRecursive` false, its own files). */
export function filesUnder(dir: string, isRecursive = true): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: isRecursive, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    );
}

export function changeRecorder(outDir: string, carried: ChangeLines = new Map()): ChangeRecorder {
  /** This build's own lines; a carried line stands where this build left a file as it found it. */
  const own: ChangeLines = new Map();
  /** The hash of what each noted file held when the build began (null: absent). */
  const origin = new Map<string, string | null>();
  /** Files noted since the last settle, and folders watched. */
  let noted = new Set<string>();
  const watched = new Set<string>();
  /** Lines recorded after the fact since the last settle. */
  const reported = { written: 0, deleted: 0 };
  const join = (folder: string, name: string) => (folder === '' ? name : `${folder}/${name}`);
  const before = (name: string) => {
    if (isBookkeeping(name)) return;
    noted.add(name);
    if (!origin.has(name)) origin.set(name, fingerprint(path.join(outDir, name)));
  };
  return {
    before,
    watch(folder) {
      watched.add(folder);
      for (const name of filesUnder(path.join(outDir, folder), folder !== ''))
        before(join(folder, name));
    },
    compareTrees(current, next, prefix) {
      const after = new Set(filesUnder(next));
      for (const name of filesUnder(current)) {
        const key = `${prefix}/${name}`;
        // A file the new folder lacks may be written again by a later stage (the search
        // index lives in the API folder): what it held is compared at the end.
        if (!after.has(name) && !isBookkeeping(key) && !origin.has(key)) {
          origin.set(key, fingerprint(path.join(current, name)));
          noted.add(key);
        }
      }
      for (const name of after) {
        const key = `${prefix}/${name}`;
        if (isBookkeeping(key) || origin.has(key)) continue;
        const [a, b] = [path.join(current, name), path.join(next, name)];
        const [statA, statB] = [statSync(a, { throwIfNoEntry: false }), statSync(b)];
        const isSame =
          statA !== undefined &&
          ((statA.ino === statB.ino && statA.dev === statB.dev) ||
            (statA.size === statB.size && fingerprint(a) === fingerprint(b)));
        // Compared now, while both are there: the file counts as its origin or as new.
        origin.set(key, isSame ? 'same' : null);
        if (!isSame) own.set(key, 'W');
        noted.add(key);
      }
    },
    record(name, change) {
      if (isBookkeeping(name)) return;
      // Known from earlier in the build: compared with what it held then, when settled.
      if (origin.has(name)) {
        noted.add(name);
        return;
      }
      own.set(name, change);
      reported[change === 'W' ? 'written' : 'deleted']++;
    },
    settle() {
      for (const folder of watched) {
        for (const name of filesUnder(path.join(outDir, folder), folder !== '')) {
          const key = join(folder, name);
          if (isBookkeeping(key) || origin.has(key)) continue;
          origin.set(key, null);
          noted.add(key);
        }
      }
      watched.clear();
      let { written, deleted } = reported;
      Object.assign(reported, { written: 0, deleted: 0 });
      for (const name of noted) {
        const was = origin.get(name);
        if (was === 'same') {
          // A whole folder compared when it was swapped in: nothing has touched it since.
          continue;
        }
        const now = fingerprint(path.join(outDir, name));
        if (now === was) {
          own.delete(name);
          continue;
        }
        const change = now === null ? 'D' : 'W';
        own.set(name, change);
        if (change === 'W') written++;
        else deleted++;
      }
      noted = new Set();
      return { written, deleted };
    },
    lines() {
      return new Map([...carried, ...own]);
    },
  };
}

export function formatChanges(lines: ChangeLines): string {
  return [...lines]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, change]) => `${change} ${name}\n`)
    .join('');
}

export function parseChanges(text: string): ChangeLines {
  const lines: ChangeLines = new Map();
  for (const line of text.split('\n')) {
    const match = /^([WD]) (.+)$/.exec(line);
    if (match) lines.set(match[2] ?? '', match[1] as Change);
  }
  return lines;
}

/** The lines a build that did not finish left behind, to be carried into this one. */
export function readPending(outDir: string): ChangeLines {
  try {
    return parseChanges(readFileSync(path.join(outDir, CHANGES_DIR, PENDING), 'utf8'));
  } catch {
    return new Map();
  }
}

function writeAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, text);
  renameSync(`${file}.${process.pid}.tmp`, file);
}

/** Keeps what a stage recorded, so a build that fails later is carried on by the next one. */
export function savePending(outDir: string, lines: ChangeLines): void {
  writeAtomic(path.join(outDir, CHANGES_DIR, PENDING), formatChanges(lines));
}

/**
 * Publishes the finished build's list as `latest.txt` (replaced in one rename), keeps a copy
 * in `history/` (the newest HISTORY of them) and clears the pending list.
 */
export function publishChanges(outDir: string, lines: ChangeLines, now = new Date()): string {
  const dir = path.join(outDir, CHANGES_DIR);
  const text = formatChanges(lines);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  writeAtomic(path.join(dir, 'history', `${stamp}.txt`), text);
  writeAtomic(path.join(dir, LATEST), text);
  rmSync(path.join(dir, PENDING), { force: true });
  const history = readdirSync(path.join(dir, 'history')).sort();
  for (const old of history.slice(0, Math.max(0, history.length - HISTORY))) {
    rmSync(path.join(dir, 'history', old), { force: true });
  }
  return text;
}

/** The files of one folder (`api/`) that a list names, without the folder: written and deleted. */
export function changesUnder(
  lines: ChangeLines,
  folder: string,
): { written: string[]; deleted: string[] } {
  const written: string[] = [];
  const deleted: string[] = [];
  for (const [name, change] of lines) {
    if (!name.startsWith(`${folder}/`)) continue;
    (change === 'W' ? written : deleted).push(name.slice(folder.length + 1));
  }
  return { written, deleted };
}
