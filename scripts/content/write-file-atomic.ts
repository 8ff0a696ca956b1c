import { renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

let writes = 0;

/**
 * Write beside the target, then rename: a reader never sees half a file. The temporary name
 * is unique to each call, so two writers of the same target never share one.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const temporary = `${target}.${process.pid}-${threadId}-${++writes}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, target);
}
