/**
 * Builds a second site from a content folder exactly as `npm run build` builds the real one
 * (client bundle with its content, server bundle, prerender), then serves it as static files
 * until Playwright stops the process, which removes the site. For the suites that need a site
 * of their own: hostile content, and real newsrooms' feeds.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { startStaticServer } from '../scripts/serve-static.ts';

const repo = path.resolve(import.meta.dirname, '..');

export type SiteOptions = {
  /** Names the site in messages and its server bundle's folder. */
  name: string;
  /** A temporary folder holding `content/`; the site is built into its `dist/`. */
  root: string;
  port: number;
  /** More environment for the build steps. */
  env?: Record<string, string>;
};

/** Builds and serves the site; returns what the build printed and where the site is served. */
export async function buildAndServe(
  options: SiteOptions,
): Promise<{ output: string; url: string }> {
  const dist = path.join(options.root, 'dist');
  // The server build imports the app's packages: it must sit inside the repository.
  const ssr = path.join(
    repo,
    'node_modules',
    '.cache',
    `reader-${options.name}`,
    path.basename(options.root),
  );
  const env = {
    ...process.env,
    READER_CONTENT_DIR: path.join(options.root, 'content'),
    ...options.env,
  };
  // Asynchronous, so that servers in the calling process (a photo host) answer meanwhile; the
  // Node running this script runs each step (not whatever `node` is first on PATH).
  const run = (args: string[]) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: repo, env });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve(output);
        else reject(new Error(`${options.name} site: ${args.join(' ')} failed:\n${output}`));
      });
    });
  const vite = [path.join(repo, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'];
  const quiet = ['--configLoader', 'native', '--logLevel', 'warn'];
  const output = await run([...vite, ...quiet, '--outDir', dist]);
  await run([...vite, ...quiet, '--ssr', 'src/entry-server.tsx', '--outDir', ssr, '--emptyOutDir']);
  await run([
    'scripts/prerender/cli.ts',
    '--dist',
    dist,
    '--server',
    path.join(ssr, 'entry-server.js'),
  ]);

  const server = await startStaticServer({ root: dist, port: options.port });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void server
        .close()
        .then(() =>
          Promise.all([options.root, ssr].map((dir) => rm(dir, { recursive: true, force: true }))),
        )
        .finally(() => process.exit(0));
    });
  }
  return { output, url: server.url };
}
