/**
 * The service worker's build (decision 011), the last step of `npm run build`, after the
 * prerender: bundles src/service-worker/sw.ts into `dist/sw.js` with the list of files to
 * precache, each with a hash of its content, so that a deploy changes the worker exactly
 * when it changes what the worker serves.
 *
 * `node scripts/build/service-worker.ts [--dist dist]`
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REMOVED_FILE, SHELL_URL } from '../../src/service-worker/names.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** The prerender keeps Vite's page template here (scripts/prerender/prerender.ts). */
const TEMPLATE = '.app-shell.html';

/**
 * What a reader needs to open the app with no network: its code, the shell, the manifest
 * and icons. Not the pages, data or photos: there may be a hundred thousand of them, and
 * the worker keeps those the reader opens. And the list of articles taken down: a new list
 * makes a new worker, which forgets them (decision 023).
 */
export const PRECACHE_PATTERNS = [
  'assets/*.js',
  SHELL_URL,
  'manifest.webmanifest',
  'icons/*',
  REMOVED_FILE,
];

export type ServiceWorkerStats = { files: number; bytes: number };

export async function buildServiceWorker(distDir: string): Promise<ServiceWorkerStats> {
  // Loaded here, not with the module: they take most of a second to load, and a build whose
  // precached files did not change does not build the worker (scripts/build/build-site.ts).
  const [{ build }, { injectManifest }] = await Promise.all([
    import('vite'),
    import('workbox-build'),
  ]);
  // The shell is Vite's template: an empty page that draws whatever URL it is served at.
  copyFileSync(path.join(distDir, TEMPLATE), path.join(distDir, SHELL_URL));

  const out = mkdtempSync(path.join(tmpdir(), 'reader-sw-'));
  try {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      publicDir: false,
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir: out,
        emptyOutDir: true,
        target: 'es2022',
        lib: {
          entry: path.join(root, 'src/service-worker/sw.ts'),
          formats: ['iife'],
          name: 'readerServiceWorker',
          fileName: () => 'sw.js',
        },
      },
    });
    const { count, size, warnings } = await injectManifest({
      swSrc: path.join(out, 'sw.js'),
      swDest: path.join(distDir, 'sw.js'),
      globDirectory: distDir,
      globPatterns: PRECACHE_PATTERNS,
      // Vite's file names carry their content's hash already.
      dontCacheBustURLsMatching: /^assets\//,
    });
    if (warnings.length > 0) throw new Error(`service worker: ${warnings.join('; ')}`);
    return { files: count, bytes: size };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' } } });
  const stats = await buildServiceWorker(path.resolve(values.dist));
  console.log(
    `service worker: ${stats.files} files precached (${(stats.bytes / 1024).toFixed(0)} KB)`,
  );
}
