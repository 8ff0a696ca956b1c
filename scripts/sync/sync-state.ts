/**
 * What a sync remembers of a source between runs, in one small JSON file beside the
 * import's resume state: `<content>/.import/sync-<hash>.json`. For each item the source gave
 * (by the source's own id): the slug it was written under and the fingerprint of what the
 * source said, so the next run passes over what has not changed. For WordPress also the
 * newest modification seen (the next run asks for what changed after it) and how many runs
 * ago the ids were last reconciled. Written atomically, and only after a run published.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import { writeFileAtomic } from '../import/atomic-file.ts';
import { readStateFile, stateDir } from '../import/state.ts';

const SyncStateSchema = v.object({
  version: v.literal(1),
  /** What is synced, for a person who opens the file. */
  source: v.string(),
  /** When the last run that published ended (ISO 8601). */
  lastRun: v.string(),
  /** WordPress: the newest `modified` seen, with the site's offset; the next run asks after it. */
  modifiedAfter: v.optional(v.string()),
  /** Runs since the source's ids were last listed whole (`--reconcile-every`). */
  runsSinceReconcile: v.number(),
  /** WordPress ids of posts that could not be imported: asked for again every run. */
  retry: v.optional(v.array(v.string()), []),
  /** Source id -> where its article is and what the source said of it. */
  items: v.record(v.string(), v.object({ slug: v.string(), version: v.string() })),
});
export type SyncState = v.InferOutput<typeof SyncStateSchema>;

export function syncStateFile(contentDir: string, sourceKey: string): string {
  const hash = createHash('sha256').update(sourceKey).digest('hex').slice(0, 16);
  return path.join(stateDir(contentDir), `sync-${hash}.json`);
}

/**
 * The state of the last run, or undefined before the first. A damaged file is reported and
 * read as none: the run reads the whole source again, which costs time, never an article
 * (files already there are left as they are when unchanged).
 */
export async function loadSyncState(
  file: string,
  warn: (message: string) => void,
): Promise<SyncState | undefined> {
  return readStateFile(file, SyncStateSchema, () =>
    warn(`${file}: sync state is damaged; the whole source is read again`),
  );
}

export async function saveSyncState(file: string, state: SyncState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(state, null, 1)}\n`);
}
