/**
 * Vite plugin that makes `content/` the reader's JSON API: served from memory by the dev
 * server (rebuilt on every edit, and the open page refetches), and emitted into the bundle
 * by `vite build`. Bad content fails the build before anything is written.
 */
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { buildContent, type ContentOutput } from './build-content.ts';
import { ContentError } from './problem.ts';

/** Sent to the browser after a content edit; the app invalidates its queries. */
export const CONTENT_UPDATE_EVENT = 'content:update';

export function contentPlugin(options: { contentDir: string }): Plugin {
  let config: ResolvedConfig;
  let output: ContentOutput | undefined;
  const contentDir = path.resolve(options.contentDir);

  const build = () =>
    buildContent({
      contentDir,
      rootDir: config.root,
      imageBase: `${config.base}images/`,
    });

  return {
    name: 'news-reader-content',
    configResolved(resolved) {
      config = resolved;
    },
    async buildStart() {
      if (config.command !== 'build') return;
      try {
        output = await build();
      } catch (error) {
        if (error instanceof ContentError) this.error(error.message);
        throw error;
      }
      for (const [fileName, source] of output.files) {
        this.emitFile({ type: 'asset', fileName, source });
      }
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
        current = build().catch(asContentError);
        void report().then(() => server.ws.send({ type: 'custom', event: CONTENT_UPDATE_EVENT }));
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);

      const prefix = config.base;
      server.middlewares.use((request, response, next) => {
        const url = request.url?.split('?')[0] ?? '';
        const key = url.startsWith(prefix) ? decodeURIComponent(url.slice(prefix.length)) : '';
        if (!key.startsWith('api/') && !key.startsWith('images/')) {
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

function asContentError(error: unknown): ContentError {
  if (error instanceof ContentError) return error;
  return new ContentError([{ file: 'content/', message: String(error) }]);
}

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
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
