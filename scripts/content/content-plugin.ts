/**
 * Vite plugin that makes `content/` the reader's JSON API: served from memory by the dev
 * server (rebuilt on every edit, and the open page refetches), and written into the bundle
 * by `vite build`, incrementally: the output folder keeps the API between builds, so a
 * rebuild after one edit writes a handful of files. Bad content fails the build before
 * anything is written.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import type { Plugin, ResolvedConfig } from 'vite';
import { ArticleSchema, type Article } from '../../src/contract/article.ts';
import { site } from '../../src/config/site.ts';
import { buildContent, type ContentOutput } from './build-content.ts';
import { ContentError, unforeseen } from './problem.ts';
import { prepareContent } from './write-content.ts';
import { searchApiPath } from '../../src/contract/search-index.ts';
import { buildSearchIndex } from '../search/search-index.ts';
import { updateSearchIndex } from '../search/update-search-index.ts';

/** Set to `off`, `vite build` builds the app alone (scripts/build/build-site.ts). */
export const CONTENT_BUILD_ENV = 'READER_CONTENT_BUILD';

/** Sent to the browser after a content edit; the app invalidates its queries. */
export const CONTENT_UPDATE_EVENT = 'content:update';

export function contentPlugin(options: { contentDir: string }): Plugin {
  let config: ResolvedConfig;
  let prepared: Awaited<ReturnType<typeof prepareContent>> | undefined;
  const contentDir = path.resolve(options.contentDir);

  const build = () =>
    buildSiteInMemory({ contentDir, rootDir: config.root, imageBase: `${config.base}images/` });

  return {
    name: 'news-reader-content',
    config(_, { command }) {
      // The API stays in the output folder between builds; the app's own files are cleared
      // in buildStart instead.
      if (command === 'build') return { build: { emptyOutDir: false } };
      return undefined;
    },
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml() {
      // Feed readers and browsers find the feeds from any page.
      return [
        { type: 'application/feed+json', href: 'feed.json' },
        { type: 'application/rss+xml', href: 'rss.xml' },
      ].map(({ type, href }) => ({
        tag: 'link',
        attrs: { rel: 'alternate', type, title: site.name, href: `${config.base}${href}` },
        injectTo: 'head' as const,
      }));
    },
    async buildStart() {
      if (config.command !== 'build') return;
      const outDir = path.resolve(config.root, config.build.outDir);
      // `npm run build:site` builds the content as stages of its own around the app's build.
      if (process.env[CONTENT_BUILD_ENV] === 'off') {
        await rm(path.join(outDir, config.build.assetsDir), { recursive: true, force: true });
        return;
      }
      try {
        prepared = await prepareContent({
          contentDir,
          outDir,
          rootDir: config.root,
          imageBase: `${config.base}images/`,
        });
      } catch (error) {
        this.error(asContentError(error).message);
      }
      await rm(path.join(outDir, config.build.assetsDir), { recursive: true, force: true });
    },
    async closeBundle(error) {
      if (config.command !== 'build' || error !== undefined || prepared === undefined) return;
      const stats = await prepared.write();
      config.logger.info(
        `content: ${stats.articles} articles, ${stats.written} files written, ${stats.unchanged} unchanged`,
      );
      const outDir = path.resolve(config.root, config.build.outDir);
      // Built whole until the content build says which articles it wrote (the change list).
      const search = await updateSearchIndex({ distDir: outDir });
      config.logger.info(
        `search: ${search.articles} articles indexed, ${search.written.length} files written`,
      );
    },
    configureServer(server) {
      let current: Promise<ContentOutput | ContentError> = build().catch(asContentError);
      const report = async () => {
        const result = await current;
        if (result instanceof ContentError) config.logger.error(result.message, { timestamp: true });
      };
      void report();

      server.watcher.add(contentDir);
      const onChange = (file: string) => {
        if (!file.startsWith(contentDir + path.sep)) return;
        // An importer's temporary files and progress notes are not content.
        if (/(^|[\\/])\.|\.tmp$/.test(path.relative(contentDir, file))) return;
        current = current.then(build).catch(asContentError);
        void report().then(() => server.ws.send({ type: 'custom', event: CONTENT_UPDATE_EVENT }));
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);

      const prefix = config.base;
      server.middlewares.use((request, response, next) => {
        const url = request.url?.split('?')[0] ?? '';
        const key = url.startsWith(prefix) ? decodeURIComponent(url.slice(prefix.length)) : '';
        // Only content paths wait for the build; the app's own requests go straight on.
        if (!/^(api|images|section)\/|^(feed\.json|rss\.xml|sitemap[\w-]*\.xml)$/.test(key)) {
          next();
          return;
        }
        void current.then((result) => {
          if (result instanceof ContentError) {
            response.statusCode = 500;
            response.setHeader('content-type', 'text/plain; charset=utf-8');
            response.end(result.message);
            return;
          }
          const body = result.files.get(key);
          if (body === undefined) {
            if (key.startsWith('api/')) {
              response.statusCode = 404;
              response.end();
              return;
            }
            next();
            return;
          }
          response.setHeader('content-type', contentType(key));
          response.setHeader('cache-control', 'no-cache');
          response.end(body);
        });
      });
    },
  };
}

/** The content build in memory, with the search index beside the articles in the API. */
export async function buildSiteInMemory(
  options: Parameters<typeof buildContent>[0],
): Promise<ContentOutput> {
  const output = await buildContent(options);
  const search = await buildSearchIndex(articlesOf(output));
  for (const [name, bytes] of search.files) output.files.set(`api/${searchApiPath(name)}`, bytes);
  return output;
}

/** The articles of an in-memory build. */
function* articlesOf(output: ContentOutput): Generator<Article> {
  for (const [name, body] of output.files) {
    if (name.startsWith('api/articles/') && typeof body === 'string') {
      yield v.parse(ArticleSchema, JSON.parse(body));
    }
  }
}

function asContentError(error: unknown): ContentError {
  if (error instanceof ContentError) return error;
  return new ContentError([unforeseen('content/', error)]);
}

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
