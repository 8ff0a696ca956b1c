/**
 * The articles the newsroom took down (decision 023): `api/removed.json`, `{ "slugs": [...] }`,
 * every slug whose article JSON a build deleted and no later build wrote again. The service
 * worker precaches it, so a new list is a new worker: on install it forgets the pages and
 * data it kept of those articles (src/service-worker/sw.ts). A reader's saved copy is theirs
 * and stays.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REMOVED_FILE } from '../../src/service-worker/names.ts';
import { writeFileAtomic } from '../content/write-file-atomic.ts';
import { changesUnder, type ChangeLines, type ChangeRecorder } from './change-list.ts';

export type RemovedList = { slugs: string[] };

export function readRemoved(outDir: string): string[] {
  try {
    const list = JSON.parse(readFileSync(path.join(outDir, REMOVED_FILE), 'utf8')) as RemovedList;
    return Array.isArray(list.slugs) ? list.slugs.filter((slug) => typeof slug === 'string') : [];
  } catch {
    return [];
  }
}

/** The list after a build that made `lines`: taken down are added, published again dropped. */
export function removedAfter(before: readonly string[], lines: ChangeLines): string[] {
  const slugs = new Set(before);
  const { written, deleted } = changesUnder(lines, 'api/articles');
  const slugOf = (name: string) => name.replace(/\.json$/, '');
  for (const name of deleted) slugs.add(slugOf(name));
  for (const name of written) slugs.delete(slugOf(name));
  return [...slugs].sort();
}

/** Writes the list (when it changed); returns how many slugs it holds. */
export function writeRemoved(outDir: string, slugs: string[], changes: ChangeRecorder): number {
  const text = JSON.stringify({ slugs } satisfies RemovedList);
  const target = path.join(outDir, REMOVED_FILE);
  let old: string | undefined;
  try {
    old = readFileSync(target, 'utf8');
  } catch {
    old = undefined;
  }
  if (old !== text) {
    changes.before(REMOVED_FILE);
    writeFileAtomic(target, text);
  }
  return slugs.length;
}
