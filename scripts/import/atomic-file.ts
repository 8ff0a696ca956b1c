/**
 * Files are replaced whole or not at all: written to a temporary file in the same folder and
 * renamed over the target, so an import that is killed half-way never leaves a half-written
 * article for the content build to choke on. The temporary names start with a dot and do not
 * end in `.md`, so the build never reads them; a run cleans up what a killed run left.
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

const TEMP_SUFFIX = '.import-tmp';

export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`,
  );
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data, 'utf8');
      // On disk before the rename makes it visible, so a power cut cannot leave an empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Removes temporary files a killed run left in `dir`; returns how many. */
export async function removeTempFiles(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  const leftovers = names.filter((name) => name.startsWith('.') && name.endsWith(TEMP_SUFFIX));
  await Promise.all(leftovers.map((name) => unlink(path.join(dir, name)).catch(() => undefined)));
  return leftovers.length;
}

export function isTempFile(name: string): boolean {
  return name.endsWith(TEMP_SUFFIX);
}
