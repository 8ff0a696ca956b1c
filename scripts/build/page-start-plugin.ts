/**
 * Vite plugin (builds only) that shapes how a built page starts, so that on a slow phone it
 * paints from its HTML alone, as fast as a page with no JavaScript at all:
 * - the stylesheet is inlined as a `<style>` element: no request stands before first paint;
 * - `public/boot.js` is inlined: it applies the remembered theme and language before the
 *   first paint, and starts the app;
 * - the app's module script and its preloads leave the HTML: boot.js imports the entry
 *   (named in `data-app`, with its imports in `data-preload`; the site's base URL is in
 *   `data-base`, to compare a page's path with the URL) once the page has loaded and
 *   its hero is painted, so the hero image, the page's largest paint, has the connection
 *   to itself;
 * - the favicon stays a file of the site's own (`/favicon.svg`, 0.2 KB): the policy allows
 *   images from the site only, with no data: URLs (decision 016);
 * - the web app manifest link leaves the HTML too (boot.js adds it with the app): Chromium
 *   fetches a manifest, and an icon from it, as soon as it sees one;
 * - the Content-Security-Policy goes first in the head as a meta tag, with the hashes of the
 *   inline script and style, and as host configuration, which also forbids framing
 *   (decision 009): `_headers` in the site, for the hosts that read it there, and the nginx
 *   and Apache files beside it in `dist-host/`, out of the web root (decision 016).
 *
 * A prerendered page reads and navigates with plain links until then; the app then
 * hydrates it and every later navigation is in-app. The development server keeps Vite's
 * own tags. See docs/decisions/008-page-start.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { metaPolicy, type PolicyInputs } from './content-security-policy.ts';
import { writeHostConfigs } from './write-host-configs.ts';

const BOOT_TAG = /<script src="[^"]*boot\.js"><\/script>/;
const MODULE_TAG = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/;
const PRELOAD_TAG = /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g;
const STYLESHEET_TAG = /<link rel="stylesheet" crossorigin href="([^"]+)">/g;
const MANIFEST_TAG = /\s*<link rel="manifest" href="([^"]+)" \/>/;
const ICON_TAG = /<link rel="icon" href="[^"]*favicon\.svg" type="image\/svg\+xml" \/>/;

/** boot.js as inlined: whole-line comments go, the code stays as written. */
export function inlineBootScript(source: string): string {
  return source
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line) && line.trim() !== '')
    .join('\n');
}

const CHARSET_TAG = /<meta charset="UTF-8" \/>/i;

/**
 * The built index.html with its stylesheets and boot.js inlined, the app started by
 * boot.js, and the policy that allows exactly those inline texts. `readAsset` gives a built
 * file's text by its URL path; `apiBaseUrl` is the API's when it is on another origin.
 */
export function startPageAfterLoad(
  html: string,
  files: { boot: string },
  readAsset: (url: string) => string,
  apiBaseUrl?: string,
  base = '/',
): { html: string; policy: PolicyInputs } {
  const fail = (what: string) => {
    throw new Error(`page-start: the built index.html has no ${what}`);
  };
  const entry = MODULE_TAG.exec(html)?.[1] ?? fail('module script for the app');
  const preloads = [...html.matchAll(PRELOAD_TAG)].map((match) => match[1]);
  if (!BOOT_TAG.test(html)) fail('<script src="/boot.js"> in its head');
  if (!ICON_TAG.test(html)) fail('<link rel="icon"> for favicon.svg in its head');
  if (!CHARSET_TAG.test(html)) fail('<meta charset="UTF-8" /> to put the policy after');
  const manifest = MANIFEST_TAG.exec(html)?.[1] ?? fail('<link rel="manifest"> in its head');
  const script = `\n${inlineBootScript(files.boot)}\n`;
  const styles: string[] = [];
  const page = html
    .replace(MANIFEST_TAG, '')
    .replace(MODULE_TAG, '')
    .replace(PRELOAD_TAG, '')
    .replace(STYLESHEET_TAG, (_, href: string) => {
      const style = readAsset(href).trim();
      styles.push(style);
      return `<style>${style}</style>`;
    })
    .replace(
      BOOT_TAG,
      () =>
        `<script data-app="${entry}" data-preload="${preloads.join(' ')}" data-manifest="${manifest}" data-base="${base}">${script}</script>`,
    );
  const policy: PolicyInputs = { scripts: [script], styles, apiBaseUrl };
  const meta = `<meta http-equiv="Content-Security-Policy" content="${metaPolicy(policy)}" />`;
  return { html: page.replace(CHARSET_TAG, (charset) => `${charset}\n    ${meta}`), policy };
}

export function pageStartPlugin(): Plugin {
  let publicDir = '';
  let base = '/';
  let outDir = '';
  let apiBaseUrl: string | undefined;
  let policy: PolicyInputs | undefined;
  return {
    name: 'news-reader-page-start',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
      base = config.base;
      outDir = path.resolve(config.root, config.build.outDir);
      const configured: unknown = config.env.VITE_API_BASE_URL;
      apiBaseUrl = typeof configured === 'string' && configured !== '' ? configured : undefined;
    },
    writeBundle() {
      if (policy === undefined) throw new Error('page-start: index.html was never built');
      writeHostConfigs(outDir, policy);
    },
    transformIndexHtml: {
      // After Vite has written its script, preload and stylesheet tags.
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle ?? {};
        const read = (name: string) => readFileSync(path.join(publicDir, name), 'utf8');
        const files = { boot: read('boot.js') };
        const started = startPageAfterLoad(
          html,
          files,
          (url) => {
            const output = bundle[url.slice(base.length)];
            if (output?.type !== 'asset') throw new Error(`page-start: no built asset ${url}`);
            return typeof output.source === 'string'
              ? output.source
              : new TextDecoder().decode(output.source);
          },
          apiBaseUrl,
          base,
        );
        policy = started.policy;
        return started.html;
      },
    },
  };
}
