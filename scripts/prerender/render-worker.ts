/**
 * A prerender worker: imports the reader's server build, answers its API requests from the
 * built JSON files (the same files a host serves), and writes each page's HTML.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { PageJob } from './prerender.ts';
import { pageHtml, type Template } from './template.ts';

type Input = { distDir: string; serverEntry: string; template: Template };
type Job = { pages: PageJob[] };

const { distDir, serverEntry, template } = workerData as Input;

// React's production build: the development one checks and warns, at several times the cost.
process.env.NODE_ENV = 'production';

// The app fetches `/api/...` as a browser would; here the built files answer.
globalThis.fetch = (input: string | URL | Request) => {
  const url = input instanceof Request ? input.url : String(input);
  const apiPath = new URL(url, 'http://reader.invalid').pathname;
  try {
    const body = readFileSync(path.join(distDir, decodeURIComponent(apiPath)));
    return Promise.resolve(
      new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }),
    );
  } catch {
    return Promise.resolve(new Response('Not found', { status: 404 }));
  }
};

const server = (await import(
  pathToFileURL(serverEntry).href
)) as typeof import('../../src/entry-server.tsx');

parentPort?.on('message', (job: Job) => {
  void (async () => {
    try {
      for (const page of job.pages) {
        const rendered = await server.renderPage(page.path, page.kind);
        const target = path.join(distDir, page.file);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, pageHtml(template, rendered));
      }
      parentPort?.postMessage({ ok: true, result: job.pages.length });
    } catch (error) {
      parentPort?.postMessage({
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  })();
});
