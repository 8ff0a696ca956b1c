/**
 * Resume state: one small JSON file per source, `<out>/.import/<hash>.json`, written
 * atomically after every page. It holds where to continue (the next page number or URL) and
 * the articles whose links to the same site still wait for their target to be imported. A
 * run that finds it continues from there; a run that completes deletes it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import { writeFileAtomic } from './atomic-file.ts';
import { ImportedArticleSchema } from './imported-article.ts';

export const CursorSchema = v.union([v.string(), v.number()]);
export type Cursor = v.InferOutput<typeof CursorSchema>;

const StateSchema = v.object({
  version: v.literal(1),
  /** What the import is, for a person who opens the file. */
  source: v.string(),
  next: CursorSchema,
  /** Articles with same-site links to slugs not imported yet, re-rendered at the end. */
  pending: v.array(ImportedArticleSchema),
});
export type ImportState = v.InferOutput<typeof StateSchema>;

export function stateDir(out: string): string {
  return path.join(out, '.import');
}

/** The state file of an import: the same source and options resume the same file. */
export function stateFile(out: string, key: string): string {
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return path.join(stateDir(out), `${hash}.json`);
}

/**
 * Reads the state left by an interrupted run. A damaged file is reported and ignored:
 * imports are idempotent, so starting over costs time, never correctness.
 */
export async function loadState(
  file: string,
  warn: (message: string) => void,
): Promise<ImportState | undefined> {
  return readStateFile(file, StateSchema, () =>
    warn(`${file}: resume state is damaged; starting from the beginning`),
  );
}

/** A state file as `schema` reads it; undefined when there is none, or (`damaged`) when it is not. */
export async function readStateFile<TSchema extends v.GenericSchema>(
  file: string,
  schema: TSchema,
  damaged: () => void,
): Promise<v.InferOutput<TSchema> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const result = v.safeParse(schema, JSON.parse(text));
    if (result.success) return result.output;
  } catch {
    // Not JSON: reported below like any other damage.
  }
  damaged();
  return undefined;
}

export async function saveState(file: string, state: ImportState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(state)}\n`);
}

/** Deletes the state of a completed import, and its folder when nothing else is in it. */
export async function clearState(file: string): Promise<void> {
  await rm(file, { force: true });
  await rmdir(path.dirname(file)).catch(() => undefined);
}
