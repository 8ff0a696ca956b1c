/**
 * Starts a real HTTP server on 127.0.0.1 that serves the JSON API built from the bundled
 * content (search index included), plus endpoints under /broken/ that misbehave on purpose
 * (errors, a hang, a reset, bad and oversized bodies), for the app's tests.
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
  // Requests to /broken/ with an `id` are logged (ms since that id's first request), so a
  // test can count attempts and the waits between them at /broken/log?id=...
  const logs = new Map<string, number[]>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    response.setHeader('access-control-allow-origin', '*');
    const id = url.searchParams.get('id');
    const log = id === null ? [] : (logs.get(id) ?? []);
    if (id !== null && url.pathname !== '/broken/log') {
      log.push(Date.now());
      logs.set(id, log);
    }
    switch (url.pathname) {
      case '/broken/log':
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(log.map((at) => at - (log[0] ?? at))));
        return;
      case '/broken/503-then-ok.json': {
        // Fails with 503 for the first `fails` requests of its id, then answers.
        const fails = Number(url.searchParams.get('fails') ?? '1');
        if (log.length <= fails) response.writeHead(503).end('busy');
        else response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      case '/broken/hang.json':
        // Never answers; the connection is closed when the server stops.
        return;
      case '/broken/reset.json':
        request.socket.destroy();
        return;
      case '/broken/empty.json':
        response.writeHead(200, { 'content-type': 'application/json' }).end();
        return;
      case '/broken/large.json':
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(`{"padding":"${'x'.repeat(5_000_000)}"}`);
        return;
      case '/broken/large-undeclared.json': {
        // The same size in chunks, with no content-length: the client has to count.
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = 'x'.repeat(100_000);
        response.write('{"padding":"');
        for (let written = 0; written < 5_000_000; written += chunk.length) response.write(chunk);
        response.end('"}');
        return;
      }
      case '/broken/sign-in.html.json':
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><title>Sign in to the Wi-Fi</title><form>...</form>');
        return;
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
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
}
