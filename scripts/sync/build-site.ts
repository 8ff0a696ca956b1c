/**
 * The build a sync runs once the content folder holds the changes: the site's own command,
 * `scripts/build/build-site.ts --content DIR --out DIR` (`npm run build:site`), which builds
 * only what changed. Run as a process of its own, so that a sync in `--watch` gives back the
 * build's memory after each run, and a sync stopped at once stops its build too.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

/** Builds the site in `outDir` from `contentDir`; throws with the build's own words if it fails. */
export type SiteBuild = (site: { contentDir: string; outDir: string }) => Promise<void>;

const repo = path.resolve(import.meta.dirname, '..', '..');

export const buildSite: SiteBuild = ({ contentDir, outDir }) =>
  run([
    path.join(repo, 'scripts/build/build-site.ts'),
    '--content',
    path.resolve(contentDir),
    '--out',
    path.resolve(outDir),
  ]);

/** Runs the build with this Node; what it printed is the error's message when it fails. */
function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repo });
    let output = '';
    const keep = (chunk: Buffer) => {
      // The end of what it printed says why it failed; the whole of it may be megabytes.
      output = (output + chunk.toString()).slice(-8_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    // A sync stopped at once (asked twice) takes its build down with it.
    const stop = () => child.kill('SIGTERM');
    process.once('exit', stop);
    child.on('error', reject);
    child.on('close', (code) => {
      process.off('exit', stop);
      if (code === 0) resolve();
      else reject(new Error(`build:site exited with ${code}:\n${output.trim()}`));
    });
  });
}
