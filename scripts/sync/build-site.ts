/**
 * The build a sync runs once the content folder holds the changes: one function, so that
 * the command that builds the site can change without the sync changing. The site's own
 * command, `npm run build:site -- --content DIR --out DIR`, builds only what changed; where
 * the checkout has no such script yet, the steps of `npm run build` run instead (they write
 * `dist/`, so only that output folder can be built that way).
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Builds the site in `outDir` from `contentDir`; throws with the build's own words if it fails. */
export type SiteBuild = (site: { contentDir: string; outDir: string }) => Promise<void>;

const repo = path.resolve(import.meta.dirname, '..', '..');

export const buildSite: SiteBuild = async ({ contentDir, outDir }) => {
  const scripts = JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  if (scripts.scripts?.['build:site'] !== undefined) {
    await run(['run', 'build:site', '--', '--content', contentDir, '--out', outDir], {});
    return;
  }
  if (path.resolve(outDir) !== path.join(repo, 'dist'))
    throw new Error(
      `this checkout builds the site into dist/ only (npm run build); --site ${outDir} needs npm run build:site`,
    );
  await run(['run', 'build:steps'], { READER_CONTENT_DIR: path.resolve(contentDir) });
};

/** Runs npm in the repository; what it printed is the error's message when it fails. */
function run(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd: repo, env: { ...process.env, ...env } });
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
      else reject(new Error(`npm ${args.join(' ')} exited with ${code}:\n${output.trim()}`));
    });
  });
}
