/**
 * The record of what the last content build read and wrote (the manifest), and the entries
 * file beside it holding every article's record and summary as JSON text. Kept in the cache
 * folder, never in the output.
 */
import {
  appendFileSync,
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeSync,
} from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { CollectedArchive } from './archives.ts';
import type { LocalImages } from './article-record.ts';
import type { ArticleFile } from './build-content.ts';
import { contentHash, type Scanned } from './content-jobs.ts';

/**
 * Bump when the build's output or the manifest's shape changes: every output is redone.
 * 12: names made addresses fold every Latin letter (`Tahıl` -> `tahil`).
 * 13: lists are paged from their oldest article, with a front file each (decision 019).
 * 14: the section menu keeps the order the newsroom first published in its sections.
 * 15: articles taken down keep their places (decision 025); sitemap files of 10,000 URLs.
 * 16: a section is known by its path when Related lists are chosen.
 * 17: stored packed; photos kept beside the settings (a photo added is not a fresh build).
 */
export const MANIFEST_VERSION = 17;
export const MARKER = '.content-build';

/**
 * What the last build read and wrote, in columns (arrays of strings and numbers serialise
 * several times faster than 100,000 small objects). Per file, by index in `abs`.
 */
export type Manifest = {
  version: number;
  /** The settings the outputs were built with; other settings mean a fresh build. */
  settingsKey: string;
  /** The photos of content/images/ and their sizes, as JSON: `[name, { width, height }][]`. */
  localImages: string;
  buildId: string;
  abs: string[];
  mtime: number[];
  size: number[];
  hash: string[];
  slug: string[];
  /**
   * The scanned record (JSON text, '' for a file with none) is kept in a file of its own,
   * `entries`, at these offsets: a rebuild after a body edit reads the few it needs, not the
   * 100,000.
   */
  entries: string;
  recordAt: number[];
  recordLength: number[];
  /** The article's summary as JSON text, as lists show it. */
  summaryAt: number[];
  summaryLength: number[];
  /**
   * The article's output: the signature of what it was made from, and its Related list (the
   * files' indexes, space-separated).
   */
  signature: string[];
  related: string[];
  /** The article's place in the newest-first order (-1 for a file with no article). */
  position: number[];
  /** When the article last changed, as its summary says. */
  modified: string[];
  /** The files the feeds show, newest first. */
  feedFiles: number[];
  /** Every archive, with its articles as file indexes, newest first. */
  archives: CollectedArchive[];
  /** Every other output (pages, feeds, sitemaps, images): path -> signature. */
  outputs: Record<string, string>;
};

/** A file's name: what an article is known by, in `articles/` or `unpublished/`. */
export function nameOf(abs: string): string {
  return abs.slice(abs.lastIndexOf('/') + 1);
}

/**
 * Whether the file at `at` holds no article to show: taken down (its summary is stored
 * empty) or no article at all.
 */
export function isHoleIn(manifest: Manifest, at: number): boolean {
  return (manifest.summaryLength[at] ?? 0) === 0;
}


export function newManifest(
  settingsKey: string,
  files: ArticleFile[],
  localImages: LocalImages,
): Manifest {
  return {
    version: MANIFEST_VERSION,
    settingsKey,
    localImages: JSON.stringify(Object.entries(localImages).sort(([a], [b]) => (a < b ? -1 : 1))),
    buildId: '',
    abs: files.map((file) => file.abs),
    mtime: [],
    size: [],
    hash: [],
    slug: [],
    entries: '',
    recordAt: [],
    recordLength: [],
    summaryAt: [],
    summaryLength: [],
    signature: [],
    related: [],
    position: [],
    modified: [],
    feedFiles: [],
    archives: [],
    outputs: {},
  };
}

export type EntryColumn = 'record' | 'summary';

export function offsetsOf(manifest: Manifest, column: EntryColumn) {
  switch (column) {
    case 'record':
      return { at: manifest.recordAt, length: manifest.recordLength };
    case 'summary':
      return { at: manifest.summaryAt, length: manifest.summaryLength };
    default:
      return column satisfies never;
  }
}

/** One stored entry of the file at `index`, read from its place in the entries file. */
export function readEntry(manifest: Manifest, column: EntryColumn, index: number): string {
  const entries = openEntries(manifest);
  try {
    return entries.read(column, index);
  } finally {
    entries.close();
  }
}

/** The entries file held open, for a planner that reads many entries one by one. */
export function openEntries(manifest: Manifest) {
  const fd = openSync(manifest.entries, 'r');
  return {
    read(column: EntryColumn, index: number): string {
      const { at, length } = offsetsOf(manifest, column);
      const size = length[index] ?? 0;
      if (index < 0 || size === 0) return '';
      const buffer = Buffer.allocUnsafe(size);
      readSync(fd, buffer, 0, size, at[index] ?? 0);
      return buffer.toString('utf8');
    },
    close: () => closeSync(fd),
  };
}

/** Every stored entry, from one read of the entries file. */
export function readAllEntries(manifest: Manifest) {
  let data: Buffer;
  try {
    data = readFileSync(manifest.entries);
  } catch {
    data = Buffer.alloc(0);
  }
  const entry = (column: EntryColumn) => (index: number) => {
    const { at, length } = offsetsOf(manifest, column);
    const start = at[index] ?? 0;
    return index < 0 ? '' : data.toString('utf8', start, start + (length[index] ?? 0));
  };
  return { record: entry('record'), summary: entry('summary') };
}

/**
 * Writes a fresh entries file for `manifest`, beside the manifest file, entry by entry in
 * batches of 4 MB: one write, not 200,000, and never all of them in memory.
 */
export type EntriesWriter = ReturnType<typeof entriesWriter>;

export function entriesWriter(manifest: Manifest, manifestFile: string) {
  const file = `${manifestFile}.entries-${contentHash(`${process.pid}:${Date.now()}`).slice(0, 8)}`;
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  let isOpen = true;
  let offset = 0;
  const batch = Buffer.allocUnsafe(4 << 20);
  let used = 0;
  const flush = () => {
    if (used > 0) writeSync(fd, batch, 0, used);
    used = 0;
  };
  const add = (text: string, at: number[], length: number[], index: number) => {
    const size = Buffer.byteLength(text);
    at[index] = offset;
    length[index] = size;
    offset += size;
    if (used + size > batch.length) flush();
    if (size > batch.length) writeSync(fd, text);
    else used += batch.write(text, used);
  };
  manifest.entries = file;
  return {
    put(index: number, record: string, summary: string) {
      add(record, manifest.recordAt, manifest.recordLength, index);
      add(summary, manifest.summaryAt, manifest.summaryLength, index);
    },
    close() {
      if (!isOpen) return;
      isOpen = false;
      flush();
      closeSync(fd);
    },
  };
}

/** Appends the changed files' records and summaries to the entries file and points at them. */
export function appendEntries(manifest: Manifest, changed: [number, string, string][]) {
  let offset = statSync(manifest.entries).size;
  const append = (text: string, at: number[], length: number[], index: number) => {
    const data = Buffer.from(text);
    appendFileSync(manifest.entries, data);
    at[index] = offset;
    length[index] = data.length;
    offset += data.length;
  };
  for (const [index, record, summary] of changed) {
    append(record, manifest.recordAt, manifest.recordLength, index);
    append(summary, manifest.summaryAt, manifest.summaryLength, index);
  }
}


export async function readManifest(file: string, settingsKey: string): Promise<Manifest | undefined> {
  try {
    const packed = deserialize(await readFile(file)) as Packed;
    return packed.version === MANIFEST_VERSION && packed.settingsKey === settingsKey
      ? unpack(packed)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The manifest as stored: each column of strings one string (joined by NUL, which no path,
 * slug or hash holds), each column of numbers a typed array. V8 reads 600,000 small strings
 * one by one (0.7 s at 100,000 articles); a few long strings and typed arrays it copies.
 */
const STRING_COLUMNS = ['abs', 'hash', 'slug', 'signature', 'related', 'modified'] as const;
const NUMBER_COLUMNS = [
  'mtime',
  'size',
  'recordAt',
  'recordLength',
  'summaryAt',
  'summaryLength',
  'position',
  'feedFiles',
] as const;
const SEPARATOR = '\0';

type Packed = Pick<Manifest, 'version' | 'settingsKey' | 'localImages' | 'buildId' | 'entries'> & {
  strings: Record<(typeof STRING_COLUMNS)[number], { length: number; text: string }>;
  numbers: Record<(typeof NUMBER_COLUMNS)[number], Float64Array>;
  archives: (Omit<CollectedArchive, 'members'> & { members: Int32Array })[];
  outputNames: string;
  outputSignatures: string;
  outputCount: number;
};

function pack(manifest: Manifest): Packed {
  const { version, settingsKey, localImages, buildId, entries } = manifest;
  const strings = {} as Packed['strings'];
  for (const column of STRING_COLUMNS) {
    // Columns are filled by index and may have gaps: a gap is stored as ''.
    const values = manifest[column];
    strings[column] = {
      length: values.length,
      text: Array.from(values, (value) => value ?? '').join(SEPARATOR),
    };
  }
  const numbers = {} as Packed['numbers'];
  for (const column of NUMBER_COLUMNS) numbers[column] = Float64Array.from(manifest[column]);
  return {
    version,
    settingsKey,
    localImages,
    buildId,
    entries,
    strings,
    numbers,
    archives: manifest.archives.map((archive) => ({
      ...archive,
      members: Int32Array.from(archive.members),
    })),
    outputNames: Object.keys(manifest.outputs).join(SEPARATOR),
    outputSignatures: Object.values(manifest.outputs).join(SEPARATOR),
    outputCount: Object.keys(manifest.outputs).length,
  };
}

/** Whether every photo the last build knew is still there at the same size. */
export function photosKept(storedJson: string, now: LocalImages): boolean {
  const stored = JSON.parse(storedJson) as [string, { width: number; height: number }][];
  return stored.every(([name, size]) => {
    const found = now[name];
    return found !== undefined && found.width === size.width && found.height === size.height;
  });
}

/** A typed array as a plain one: a loop, many times faster than Array.from's iterator. */
function toArray(values: Float64Array | Int32Array): number[] {
  const array = new Array<number>(values.length);
  for (let index = 0; index < values.length; index++) array[index] = values[index] ?? 0;
  return array;
}

function unpack(packed: Packed): Manifest {
  const { version, settingsKey, localImages, buildId, entries, strings, numbers } = packed;
  const split = (length: number, text: string) => (length === 0 ? [] : text.split(SEPARATOR));
  const column = ({ length, text }: { length: number; text: string }) => split(length, text);
  const names = split(packed.outputCount, packed.outputNames);
  const signatures = split(packed.outputCount, packed.outputSignatures);
  const outputs: Record<string, string> = {};
  names.forEach((name, index) => {
    outputs[name] = signatures[index] ?? '';
  });
  const manifest: Manifest = {
    version,
    settingsKey,
    localImages,
    buildId,
    entries,
    abs: column(strings.abs),
    hash: column(strings.hash),
    slug: column(strings.slug),
    signature: column(strings.signature),
    related: column(strings.related),
    modified: column(strings.modified),
    mtime: toArray(numbers.mtime),
    size: toArray(numbers.size),
    recordAt: toArray(numbers.recordAt),
    recordLength: toArray(numbers.recordLength),
    summaryAt: toArray(numbers.summaryAt),
    summaryLength: toArray(numbers.summaryLength),
    position: toArray(numbers.position),
    feedFiles: toArray(numbers.feedFiles),
    archives: packed.archives.map((archive) => ({ ...archive, members: toArray(archive.members) })),
    outputs,
  };
  return manifest;
}

/**
 * Saves `manifest` (written beside and renamed into place) and removes the entries files of
 * earlier builds, or of builds that failed, which it no longer points at.
 */
export async function writeManifest(manifest: Manifest, manifestFile: string): Promise<void> {
  await mkdir(path.dirname(manifestFile), { recursive: true });
  await writeFile(`${manifestFile}.tmp`, serialize(pack(manifest)));
  await rename(`${manifestFile}.tmp`, manifestFile);
  const prefix = `${path.basename(manifestFile)}.entries-`;
  for (const name of await readdir(path.dirname(manifestFile))) {
    const file = path.join(path.dirname(manifestFile), name);
    if (name.startsWith(prefix) && file !== manifest.entries) await rm(file, { force: true });
  }
}

/**
 * Gives `next` the previous build's files in the previous order, with the changed files'
 * paths (a file moved to unpublished/ or back) and times, and files new to the build after
 * them: a build that keeps the order moves no column. Returns the index of each changed file.
 */
export function carryFileOrder(next: Manifest, previous: Manifest, changed: Scanned[]): number[] {
  next.abs = [...previous.abs];
  next.mtime = [...previous.mtime];
  next.size = [...previous.size];
  const at = new Map(previous.abs.map((abs, index) => [nameOf(abs), index]));
  return changed.map((result) => {
    let index = at.get(nameOf(result.abs));
    if (index === undefined) {
      index = next.abs.length;
      at.set(nameOf(result.abs), index);
    }
    next.abs[index] = result.abs;
    next.mtime[index] = result.mtimeMs;
    next.size[index] = result.size;
    return index;
  });
}
