/**
 * Starts a real HTTP server on 127.0.0.1 that serves the JSON API built from the bundled
 * content (search index included), plus endpoints under /broken/ that misbehave on purpose
 * (errors, a hang, a reset, bad and oversized bodies, slow answers), for the app's tests.
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
  /** Pieces of 64 KB written by /broken/endless.json, by id. */
  const sent = new Map<string, number>();
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
          .end(
            JSON.stringify(
              url.searchParams.has('sent')
                ? (sent.get(id ?? '') ?? 0) * 64 * 1024
                : log.map((at) => at - (log[0] ?? at)),
            ),
          );
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
      case '/broken/slow-headers.json':
        // Answers after `after` ms, as a server at the far end of a 3G round trip does.
        setTimeout(
          () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
          Number(url.searchParams.get('after') ?? '0'),
        );
        return;
      case '/broken/trickle.json': {
        // A valid body sent a piece every `every` ms over `pieces` pieces: slow, but coming.
        const pieces = Number(url.searchParams.get('pieces') ?? '1');
        const every = Number(url.searchParams.get('every') ?? '0');
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"padding":"');
        let sent = 0;
        const timer = setInterval(() => {
          sent += 1;
          if (sent < pieces) response.write('x'.repeat(1000));
          else {
            clearInterval(timer);
            response.end('"}');
          }
        }, every);
        response.on('close', () => clearInterval(timer));
        return;
      }
      case '/broken/stall.json':
        // Headers and the start of a body, then nothing more.
        response.writeHead(200, { 'content-type': 'application/json' }).write('{"padding":"');
        return;
      case '/broken/endless.json': {
        // A body that never ends, sent as fast as the client reads it, with no declared size;
        // /broken/log?id=...&sent tells how many bytes went out before the client hung up.
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = 'x'.repeat(64 * 1024);
        let isOpen = true;
        const write = () => {
          let hasRoom = true;
          while (isOpen && hasRoom) {
            hasRoom = response.write(chunk);
            sent.set(id ?? '', (sent.get(id ?? '') ?? 0) + 1);
          }
        };
        response.on('drain', write);
        response.on('close', () => {
          isOpen = false;
        });
        response.write('{"padding":"');
        write();
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
