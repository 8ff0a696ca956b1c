/**
 * Starts a real HTTP server on 127.0.0.1 that serves the JSON API built from the bundled
 * content (search index included), plus a few endpoints that misbehave on purpose, for the app's tests.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSiteInMemory, contentType } from '../../scripts/content/content-plugin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiBaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { files } = await buildSiteInMemory({ contentDir: path.resolve('content') });
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    response.setHeader('access-control-allow-origin', '*');
    switch (url.pathname) {
      case '/broken/500.json':
        response.writeHead(500).end('upstream failed');
        return;
      case '/broken/index.html.json':
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><div id="root">');
        return;
      case '/broken/not-json.json':
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"page": 1,');
        return;
      case '/broken/wrong-shape.json':
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"page": 1, "articles": "none"}');
        return;
    }
    const body = files.get(decodeURIComponent(url.pathname.slice(1)));
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': contentType(url.pathname) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  project.provide('apiBaseUrl', `http://127.0.0.1:${port}/api/`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
