/**
 * One sync at a time per content folder: a cron entry that fires while the last run still
 * builds, or a second `--watch` started by mistake, must not write the same files. The lock
 * is a file holding the process id, created only if absent; a lock whose process is gone
 * (killed, the machine restarted) is taken over.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { stateDir } from '../import/state.ts';

export class LockedError extends Error {}

export async function takeLock(contentDir: string): Promise<() => Promise<void>> {
  const file = path.join(stateDir(contentDir), 'sync.lock');
  await mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (isRunning(pid))
        throw new LockedError(
          `another sync of ${contentDir} is running (process ${pid}); this run did nothing`,
        );
      await rm(file, { force: true });
    }
  }
  throw new LockedError(`${file}: could not take the lock; this run did nothing`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}
